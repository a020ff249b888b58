"""What mkdocs-static-i18n leaves to do for a bilingual site (see ../shared/platform-notes.md):

- a page that exists in one language only stops the build (its fallback is switched off in
  mkdocs.yml, so the page would simply vanish from the other language);
- one search index per language (static-i18n merges them into one);
- one 404 page per language (static-i18n writes every language's into the same site/404.html);
- in the offline edition, the public address of each page (printed with its QR code).
"""

import json
from pathlib import Path

from .. import DEFAULT_LANGUAGE, pages
from ..offline import directory_url
from ..problems import Problem, report_or_raise
from .building import language, prefix


def check_translations(config):
    # static-i18n runs the build once per language: check once, in the default language's build
    # (and again in every rebuild of `make serve`).
    if language(config) != DEFAULT_LANGUAGE:
        return
    problems = []
    for name, by_lang in pages.pairs():
        for lang, path in by_lang.items():
            if path is None:
                other = next(p for p in by_lang.values() if p is not None)
                problems.append(
                    Problem(
                        f"docs/{lang}/{name}",
                        0,
                        f"halaman ini belum ada, padahal {pages.relative(other)} ada. Setiap "
                        "halaman harus ada dalam bahasa Indonesia dan bahasa Banjar di path "
                        "yang sama. Buat terjemahannya (boleh berstatus draf) atau jalankan "
                        "'make page NAME=...' untuk halaman baru.",
                    )
                )
    report_or_raise(problems, config)


def public_url(page, config):
    """In the offline edition (use_directory_urls: false) MkDocs would give every page a
    canonical address ending in .html, which the public site does not have."""
    if not config.use_directory_urls and config.site_url:
        page.canonical_url = config.site_url.rstrip("/") + "/" + directory_url(page.file.dest_uri)
    return page


def not_found_per_language(output, template_name, config):
    """The Indonesian 404 stays at site/404.html, every other language's goes to
    site/<lang>/404.html. The Indonesian one sends readers of a /bjn/ address to the Banjar
    one (overrides/404.html)."""
    if template_name != "404.html":
        return output
    lang = language(config)
    if lang == DEFAULT_LANGUAGE:
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips writing an empty template: site/404.html stays Indonesian


def split_index(index, languages):
    """Return {lang: index} with each document in the index of its own language."""
    result = {}
    for lang in languages:
        own = prefix(lang)
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            owner = next(
                (other for other in languages
                 if other != DEFAULT_LANGUAGE and location.startswith(f"{other}/")),
                DEFAULT_LANGUAGE,
            )
            if owner == lang:
                docs.append({**doc, "location": location[len(own):]})
        result[lang] = {"config": index["config"], "docs": docs}
    return result


def split_search_index(site_dir, languages):
    """Indonesian pages stay in search/search_index.json, Banjar pages go to
    bjn/search/search_index.json with locations relative to /bjn/ (overrides/main.html points
    Material's search on Banjar pages there). A search_index.js copy of each is written beside
    it, which Material reads from file:// (the offline edition)."""
    site = Path(site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for lang, part in split_index(index, languages).items():
        folder = site / prefix(lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {text};", encoding="utf-8")
