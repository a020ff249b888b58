"""The site's own stylesheets and scripts are minified in site/ (scripts/pmi_aman/minify.py,
pmi_aman.plugin.publish); their sources keep their comments, Material's files are left alone."""

from pmi_aman import ROOT, minify

SOURCES = [ROOT / "docs", ROOT / "overrides"]


def test_own_assets_in_the_built_site_are_their_minified_sources(site):
    own = minify.own_assets(SOURCES)
    for needed in ("assets/stylesheets/site.css", "assets/stylesheets/print.css",
                   "assets/javascripts/site.js", "assets/javascripts/pocket.js"):
        assert needed in own, needed
    for rel in own:
        source = next(folder / rel for folder in SOURCES if (folder / rel).is_file())
        text = source.read_text(encoding="utf-8")
        built = (site / rel).read_text(encoding="utf-8")
        assert built == minify.minify_text(text, source.suffix), rel
        assert len(built) < len(text), rel
        assert "/*" in text and "/*" not in built, rel  # the comments are gone from what readers get


def test_only_own_files_are_minified(tmp_path):
    source, site = tmp_path / "overrides", tmp_path / "site"
    (source / "assets/javascripts").mkdir(parents=True)
    (source / "assets/javascripts/own.js").write_text("/* note */\nvar  a = 1 ;\n", encoding="utf-8")
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "assets/javascripts/own.js").write_text("/* note */\nvar  a = 1 ;\n", encoding="utf-8")
    material = "/* Material */ var  b = 2 ;\n"
    (site / "assets/javascripts/bundle.abc.min.js").write_text(material, encoding="utf-8")
    assert minify.minify_site(site, [source, tmp_path / "missing"]) == ["assets/javascripts/own.js"]
    assert (site / "assets/javascripts/own.js").read_text(encoding="utf-8") == "var a=1;\n"
    assert (site / "assets/javascripts/bundle.abc.min.js").read_text(encoding="utf-8") == material
