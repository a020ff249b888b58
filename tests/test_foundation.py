"""The bilingual foundation: strict build, languages, switcher, per-language search, 404 pages."""

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT
from pmi_aman import project
from pmi_aman.browsing import site_pages


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def test_strict_build_passes_on_a_fresh_copy(buildable_copy):
    """A copy of the sources alone (no site/, build/, .venv) builds. buildable_copy (conftest.py)
    also carries the other tests' changes that must build."""
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    assert (buildable_copy.root / "site/index.html").exists()
    assert (buildable_copy.root / "site/bjn/index.html").exists()


def test_strict_build_fails_on_a_broken_link(nav_and_link_defects):
    """nav_and_link_defects (conftest.py): '[rusak](tidak-ada.md)' added to docs/id/biaya.md."""
    assert nav_and_link_defects.result.returncode != 0
    assert ("Doc file 'id/biaya.md' contains a link 'tidak-ada.md', but the target 'id/tidak-ada.md' "
            "is not found among documentation files.") in nav_and_link_defects.output


def test_every_nav_page_exists_in_both_languages(site):
    nav = project.settings(ROOT)["nav"]

    def files(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from files(value)
            else:
                yield value

    names = list(files(nav))
    assert len(names) >= 15
    for name in names:
        for lang in ("id", "bjn"):
            assert (ROOT / "docs" / lang / name).exists(), f"docs/{lang}/{name}"


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_every_page_has_the_language_of_its_folder(site, lang):
    pages = [p for p in site_pages(site) if p.startswith("bjn/") == (lang == "bjn")]
    assert len(pages) >= 15
    for path in pages:
        html = soup(site / path / "index.html").html
        assert html["lang"] == lang, path


def test_banjar_interface_strings(site):
    page = soup(site / "bjn/biaya/index.html")
    skip = page.select_one("a.md-skip")
    assert skip and skip.get_text(strip=True) == "Capil ka isi"
    search = page.select_one("input[data-md-component=search-query]")
    assert search["placeholder"] == "Gagai"
    config = json.loads(page.select_one("#__config").string)
    assert config["translations"]["search.result.none"] == "Kadada laman nang rasuk"
    indonesian = soup(site / "biaya/index.html")
    assert indonesian.select_one("a.md-skip").get_text(strip=True) == "Lewati ke isi"
    assert indonesian.select_one("input[data-md-component=search-query]")["placeholder"] == "Cari"


def test_banjar_partial_defines_every_interface_string():
    """Every key Material translates for Indonesian has a Banjar string in data/strings/bjn.yml
    (theme:; sourced from ../shared/sources/banjar/material-ui-strings-bjn.proposed.json): none
    falls back silently (tests/test_interface_strings.py: the partial reads them from there)."""
    import re

    import material

    indonesian = Path(material.__file__).parent / "templates/partials/languages/id.html"
    keys = re.findall(r'^\s*"([a-z.]+)":', indonesian.read_text(encoding="utf-8"), re.M)
    banjar = yaml.safe_load((ROOT / "data/strings/bjn.yml").read_text(encoding="utf-8"))["theme"]
    assert banjar["language"] == "bjn"
    missing = [key for key in keys if key not in banjar]
    assert not missing, missing
    assert banjar["search"] == "Gagai" and banjar["action.skip"] == "Capil ka isi"


def test_language_switcher_names_languages_and_keeps_the_page(site):
    for path, other, name, expected in [
        ("biaya/index.html", "bjn", "Bahasa Banjar", "/bjn/biaya/"),
        ("bjn/biaya/index.html", "id", "Bahasa Indonesia", "/biaya/"),
    ]:
        link = soup(site / path).select_one("a.pmi-lang__link")
        assert link["hreflang"] == other and link["lang"] == other
        assert link.get_text(" ", strip=True) == name
        assert link["href"].endswith(expected), link["href"]


def test_search_index_per_language(site):
    indonesian = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    banjar = json.loads((site / "bjn/search/search_index.json").read_text(encoding="utf-8"))
    assert indonesian["docs"] and banjar["docs"]
    assert not any(d["location"].startswith("bjn/") for d in indonesian["docs"])
    id_pages = {d["location"].split("#")[0] for d in indonesian["docs"]}
    bjn_pages = {d["location"].split("#")[0] for d in banjar["docs"]}
    assert id_pages == bjn_pages  # same pages, each in its own language
    # Banjar titles come from Banjar pages: the home page title differs from the Indonesian one
    # or, at least, the text of the Banjar index is not the Indonesian text.
    id_text = {d["location"]: d["text"] for d in indonesian["docs"]}
    bjn_text = {d["location"]: d["text"] for d in banjar["docs"]}
    differing = [loc for loc in id_text if loc in bjn_text and id_text[loc] != bjn_text[loc]]
    assert len(differing) >= len(id_text) // 2
    # No English stemmer or stop words; hyphens split words ("anak-anak" -> "anak").
    for index in (indonesian, banjar):
        assert index["config"]["pipeline"] == [" "]
        assert "\\-" in index["config"]["separator"]


def test_banjar_pages_point_search_at_the_banjar_index(site):
    page = (site / "bjn/biaya/index.html").read_text(encoding="utf-8")
    assert 'cfg.base = "../.."' not in page
    assert "/bjn" in page.split("cfg.base = ", 1)[1].split(";", 1)[0]
    indonesian = (site / "biaya/index.html").read_text(encoding="utf-8")
    assert "/bjn" not in indonesian.split("cfg.base = ", 1)[1].split(";", 1)[0]


@pytest.mark.parametrize(
    "path, lang, home_text, home_href",
    [("404.html", "id", "Kembali ke beranda", "/pmi-aman/"),
     ("bjn/404.html", "bjn", "Bulik ka tatambaian", "/pmi-aman/bjn/")],
)
def test_404_page_per_language(site, path, lang, home_text, home_href):
    page = soup(site / path)
    assert page.html["lang"] == lang
    link = page.find("a", string=home_text)
    assert link is not None and link["href"] == home_href


def test_no_alternate_links_that_make_material_fetch_sitemaps(site):
    for path in (site / "index.html", site / "bjn/index.html"):
        assert not soup(path).select("link[rel=alternate][hreflang]")


def test_sitemap_lists_both_languages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://pmi-aman.github.io/pmi-aman/biaya/" in sitemap
    assert "https://pmi-aman.github.io/pmi-aman/bjn/biaya/" in sitemap


def test_locale_plugin_accepts_three_letter_codes_only_when_valid():
    from mkdocs.config.base import ValidationError

    from pmi_aman.iso639_locales import validate_locale

    assert validate_locale(None, "bjn") == "bjn"
    assert validate_locale(None, "id") == "id"
    with pytest.raises(ValidationError, match="Kode bahasa 'Banjar' tidak sah"):
        validate_locale(None, "Banjar")


def test_missing_translation_stops_the_build(missing_translation):
    """missing_translation (conftest.py): docs/bjn/biaya.md deleted."""
    assert missing_translation.result.returncode != 0
    assert "docs/bjn/biaya.md: halaman ini belum ada, padahal docs/id/biaya.md ada" in missing_translation.output
