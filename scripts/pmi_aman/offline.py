"""The offline edition (mkdocs-offline.yml): page.html files where the public site has page/,
packed into one ZIP per language after its build (pmi_aman.plugin.publish).

Each ZIP holds one folder, pmi-aman-<lang>/, with that language's pages, its search index and
the shared assets; the reader unpacks it and opens index.html (for Banjar, index.html leads to
bjn/index.html). A link to a file that is not in the ZIP (the other language's pages, the handout
PDFs, kept out to keep the download small) is pointed at the same file on the public site.
Source maps, sitemaps, 404 pages, search_index.json (from file:// Material reads
search_index.js) and lunr's language files (unused while the search index is configured for
lunr's default language) are left out. The edition's links are checked by the site's own
link checker (pmi_aman.site_checks, offline=True).
"""

import json
import posixpath
import re
import zipfile
from pathlib import Path

from . import DEFAULT_LANGUAGE, LANGUAGES

HREF = re.compile(r'(href=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"#?]+)([?#][^"]*)?(")')
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # same bytes for the same site: no build timestamps in the ZIP
REDIRECT = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title><meta http-equiv="refresh" content="0; url={target}"></head>
<body><p><a href="{target}">{title}</a></p></body>
</html>
"""


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



def needs_lunr_languages(source):
    config = json.loads((source / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    return config.get("lang", ["en"]) != ["en"]


def members(source, lang):
    """Relative paths (POSIX) of the files that belong in this language's ZIP."""
    others = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]
    keep_lunr = needs_lunr_languages(source)
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source).as_posix()
        top = rel.split("/", 1)[0]
        if rel.endswith((".map", ".pdf", "404.html")) or posixpath.basename(rel).startswith("sitemap.xml"):
            continue
        if rel.startswith("assets/javascripts/lunr/") and not keep_lunr:
            continue
        if top == "unduh" or rel.endswith("search/search_index.json"):
            continue  # the ZIPs themselves; from file:// Material reads search_index.js
        if top in others and top != lang:
            continue
        if lang != DEFAULT_LANGUAGE and top not in others and not rel.startswith("assets/"):
            continue  # Indonesian pages and index: not in another language's edition
        yield rel


def localise_links(html, rel, included, base):
    """Point links to files that are not in the ZIP (other language, PDFs) at the public site."""
    folder = posixpath.dirname(rel)

    def replace(match):
        target = posixpath.normpath(posixpath.join(folder, match.group(2)))
        if target in included or target.startswith("../"):
            return match.group(0)
        return f"{match.group(1)}{base + directory_url(target)}{match.group(3) or ''}{match.group(4)}"

    return HREF.sub(replace, html)


def pack(source, target, lang, site_url):
    """Write target/pmi-aman-offline-<lang>.zip from the offline edition in source; return its path."""
    base = site_url.rstrip("/") + "/"
    files = list(members(source, lang))
    included = set(files)
    folder = f"pmi-aman-{lang}"
    target.mkdir(parents=True, exist_ok=True)
    out = target / zip_name(lang)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        def add(rel, data):
            info = zipfile.ZipInfo(f"{folder}/{rel}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        if lang != DEFAULT_LANGUAGE:
            add("index.html", REDIRECT.format(lang=lang, title="PMI Aman", target=f"{lang}/index.html"))
        for rel in files:
            data = (source / rel).read_bytes()
            if rel.endswith(".html"):
                data = localise_links(data.decode("utf-8"), rel, included, base).encode("utf-8")
            add(rel, data)
    return out
