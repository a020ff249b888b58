"""The offline edition (mkdocs-offline.yml, packed by scripts/offline_zip.py): page.html files
where the public site has page/, and one ZIP per language. Its links are checked by the site's
own link checker (pmi_aman.site_checks, offline=True)."""


def directory_url(rel):
    """The public site's path of a file of the offline edition: x/index.html -> x/, y.html -> y/."""
    if rel == "index.html" or rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    if rel.endswith(".html"):
        return rel[: -len(".html")] + "/"
    return rel


def zip_name(lang):
    """File name of the offline edition of one language (in unduh/ on the site)."""
    return f"pmi-aman-offline-{lang}.zip"
