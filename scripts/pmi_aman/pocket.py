"""The site in the reader's pocket (issue 12): what the service worker of each language edition
stores, how much that is, and its version.

After the build (pmi_aman.plugin.publish) each edition gets a service worker, sw.js for
Indonesian and bjn/sw.js for Banjar: the hand-written pocket_sw.js, preceded by the list of the
edition's files with a hash of each, and the version (a hash of them all, so every new build
that changes a file of the edition brings a new cache, and one that does not, keeps it).

An edition is: its HTML pages, its 404 page and offline page (luring.html), its manifest and
search index, and every file of this site that those pages load (stylesheets, scripts, icons,
Material's bundle and search worker). Not the PDFs or ZIPs, nor another language's pages.

The home and help pages say how much the edition downloads: the templates write SIZE_MARK,
replaced here by the size in KB (gzip-compressed, as GitHub Pages sends it).
"""

import gzip
import hashlib
import json
import math
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from . import DEFAULT_LANGUAGE
from .browsing import LOCAL_HOSTS, site_pages

TEMPLATES = ("manifest.webmanifest", "luring.html")  # static templates, one per language
OFFLINE_PAGE = "luring.html"
SIZE_MARK = "@@pmi-pocket-kb@@"
SW_SOURCE = Path(__file__).with_name("pocket_sw.js")
REFERENCE = re.compile(r'\b(?:href|src|data-pmi-src)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^"#?]+)')
SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+)"')
NOT_STORED = (".pdf", ".zip", ".map", ".gz")


def enabled(config):
    """A service worker for the public site only: not for the offline edition (file://, no
    directory URLs) and not under `mkdocs serve` (a local address), where it would show
    editors an old copy of the page they are changing."""
    host = urlsplit(config.site_url or "").hostname
    return bool(config.use_directory_urls and host and host not in LOCAL_HOSTS)


def prefix(lang):
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def output_path(site_dir, template_name, lang):
    """Where a language's copy of a static template goes: site/x or site/<lang>/x."""
    return Path(site_dir) / prefix(lang) / template_name


def edition_files(site, lang, languages):
    """Paths (POSIX, relative to site/) of every file of one language's edition, sorted."""
    site = Path(site)
    others = [f"{other}/" for other in languages if other != DEFAULT_LANGUAGE and other != lang]
    own = prefix(lang)

    def in_edition(rel):
        if own and not rel.startswith(own):
            return False
        return not any(rel.startswith(other) for other in others) and not rel.startswith(own + "unduh/")

    found = (page + "index.html" for page in site_pages(site, readers_only=True))
    pages = sorted(rel for rel in found if in_edition(rel))
    files = set(pages)
    for name in ("404.html", OFFLINE_PAGE, "manifest.webmanifest", "search/search_index.json"):
        if (site / own / name).is_file():
            files.add(own + name)
    manifest = site / own / "manifest.webmanifest"
    if manifest.is_file():  # its icons
        for icon in json.loads(manifest.read_text(encoding="utf-8")).get("icons", []):
            rel = posixpath.normpath(posixpath.join(own, icon["src"]))
            if (site / rel).is_file():
                files.add(rel)
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        folder = posixpath.dirname(page)
        targets = REFERENCE.findall(html)
        targets += [m.replace("\\/", "/") for m in SEARCH_WORKER.findall(html)[:1]]
        for target in targets:
            rel = posixpath.normpath(posixpath.join(folder, target))
            if rel.startswith("../") or rel.endswith(NOT_STORED):
                continue
            if (site / rel).is_file() and not rel.endswith(".html"):
                files.add(rel)
    return sorted(files)


def file_hash(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def compressed_size(path):
    """Bytes GitHub Pages sends for the file: text gzip-compressed (level 6), the rest as is."""
    data = Path(path).read_bytes()
    if Path(path).suffix in {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def edition(site, lang, languages):
    """{"files": {address relative to the service worker: hash}, "version", "bytes"}."""
    site = Path(site)
    rels = edition_files(site, lang, languages)
    own = prefix(lang)
    files = {}
    for rel in rels:
        address = posixpath.relpath(rel, own.rstrip("/") or ".")
        if rel.endswith("index.html"):
            address = address[: -len("index.html")] or "./"
        files[address] = file_hash(site / rel)
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    size = sum(compressed_size(site / rel) for rel in rels)
    return {"files": files, "version": version, "bytes": size}


def kilobytes(size):
    return math.ceil(size / 1024)


def fill_size(site, lang, languages, kb):
    """Write the download size into the pages of this edition that show it."""
    changed = False
    for rel in edition_files(site, lang, languages):
        path = Path(site) / rel
        if not rel.endswith(".html"):
            continue
        html = path.read_text(encoding="utf-8")
        if SIZE_MARK in html:
            path.write_text(html.replace(SIZE_MARK, str(kb)), encoding="utf-8")
            changed = True
    return changed


def service_worker(lang, languages, data):
    own = prefix(lang)
    others = [f"{other}/" for other in languages if other != lang and other != DEFAULT_LANGUAGE]
    pocket = {
        "lang": lang,
        "version": data["version"],
        "files": data["files"],
        "offline": OFFLINE_PAGE,
        "notFound": "404.html",
        "others": others if not own else [],
    }
    return "var POCKET = " + json.dumps(pocket, sort_keys=True, separators=(",", ":")) + ";\n" + \
        SW_SOURCE.read_text(encoding="utf-8")


def write_service_workers(site, languages):
    """Fill in the download sizes, then write sw.js for every language. Returns {lang: data}."""
    site = Path(site)
    result = {}
    for lang in languages:
        data = edition(site, lang, languages)
        # The size is written into pages of the edition, which changes their hash (and their
        # compressed size by a few bytes, well under the KB shown): list them again after that.
        if fill_size(site, lang, languages, kilobytes(data["bytes"])):
            data = edition(site, lang, languages)
        (site / prefix(lang) / "sw.js").write_text(service_worker(lang, languages, data), encoding="utf-8")
        result[lang] = {**data, "kb": kilobytes(data["bytes"])}
    return result


def contacts(lang):
    """The main help contacts for the offline page: name, number as shown, link."""
    from . import facts

    links = {"phone": "tel:{}", "whatsapp": "https://wa.me/{}"}
    return [
        {"name": c["name"][lang], "display": c["display"], "href": links.get(c["kind"], "{}").format(c["value"])}
        for c in facts.load("contacts").values()
        if c.get("main")
    ]
