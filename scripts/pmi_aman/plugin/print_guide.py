"""Print: the whole guide on one page (cetak-semua.md) and the handout PDFs.

The handouts are the plugin's `handouts` option in mkdocs.yml (page -> PDF file name and page
budget). The handouts page lists them ({{ tabel: selebaran }}) from that option; the PDFs are
printed with Debian's Chromium from the finished site, after the build, into
<handout_folder>/ next to the handouts page of each language; then their page counts and sizes
are written into that page. Nothing is read back from an earlier build. A handout with more A4
pages than its budget stops a strict build (`make site`), naming the page.
"""

import logging
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from .. import DOCS, browser, pages, strings
from ..browsing import serve
from ..problems import ContentError, Problem, report_or_raise
from .building import declare, language, page_name, prefix

DEFAULT_BUDGET = 4
log = logging.getLogger("mkdocs.plugins.pmi_aman")
FIGURE = '<span data-pmi-pdf="{lang}/{page}/{what}"></span>'
FIGURE_SLOT = re.compile(r'<span data-pmi-pdf="([^"/]+)/([^"/]+)/(pages|size)"></span>')


# ---- The handouts: which, where, how long -----------------------------------------------------


def url_path(page, lang):
    """The page's address inside the site: '', 'bjn/', 'biaya/', 'bjn/biaya/'."""
    return prefix(lang) + ("" if page == "index" else f"{page}/")


def pdf_name(page, options):
    return f"{options.handouts[page].file}.pdf"


def budget(page, options):
    return options.handouts[page].budget if page in options.handouts else DEFAULT_BUDGET


def budget_problems(entries):
    """One Problem per handout with more A4 pages than its budget."""
    problems = []
    for entry in entries:
        limit = entry.get("budget")
        if limit is not None and entry["pages"] > limit:
            problems.append(
                Problem(
                    f"docs/{entry['lang']}/{entry['page']}.md",
                    0,
                    f"selebaran '{entry['page']}' ({entry['lang']}) jadi {entry['pages']} halaman "
                    f"A4, padahal batasnya {limit} halaman. Pendekkan isi halaman ini (kalimat lebih "
                    "singkat, gabungkan daftar, pindahkan penjelasan panjang ke halaman lain) lalu "
                    "jalankan lagi 'make site'.",
                )
            )
    return problems


def format_size(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def _title(page, lang):
    source = DOCS / lang / f"{page}.md"
    return pages.read_page(source).meta.get("title") if source.exists() else None


def table(lang, options, listed=True, figures=True):
    """Markdown for {{ tabel: selebaran }}: one row per handout, linked to its PDF. With
    figures, the page count and size cells are filled in after printing (fill_figures)."""
    lab = strings.load(lang)["handouts"]
    if not listed:
        return f"*{lab['missing']}*"
    head = f"| {lab['handout']} | {lab['pages']} | {lab['size']} |" if figures else f"| {lab['handout']} |"
    rows = [head, "| --- | ---: | ---: |" if figures else "| --- |"]
    for page in options.handouts:
        link = f"{options.handout_folder}/{pdf_name(page, options)}"
        title = str(_title(page, lang) or page).replace("|", "-")
        cells = f"[{title}]({link})"
        if figures:
            cells += " | " + " | ".join(FIGURE.format(lang=lang, page=page, what=w) for w in ("pages", "size"))
        rows.append(f"| {cells} |")
    return "\n".join(rows)


def handouts_table(lang, config, plugin):
    # The public site lists the PDFs it prints; the offline edition links to the public site's.
    offline = not config.use_directory_urls
    return table(lang, plugin.config, listed=plugin.printing or offline, figures=not offline)


def declare_handouts(files, config, plugin):
    """Declare each PDF as a file of the site, so that MkDocs checks the links to it."""
    if not (plugin.printing or not config.use_directory_urls):
        return
    lang = language(config)
    for page in plugin.config.handouts:
        name = f"{plugin.config.handout_folder}/{pdf_name(page, plugin.config)}"
        declare(files, config, lang, name, prefix(lang) + name)


def print_handouts(config, languages, options, chromium=None):
    """Print every handout of every language from the finished site_dir; stop a strict build
    on a handout over its budget; write the counts and sizes into the handouts pages.
    chromium: a Playwright browser already running (the tests'); else Debian's is launched."""
    if chromium is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
            try:
                return print_handouts(config, languages, options, launched)
            finally:
                launched.close()
    from pypdf import PdfReader

    site = config.site_dir
    entries = []
    with serve(site) as base:
        tab = chromium.new_page()
        for lang in languages:
            for page in options.handouts:
                if not _site_path(site, url_path(page, lang) + "index.html").is_file():
                    raise ContentError([Problem("mkdocs.yml", 0, (
                        f"selebaran '{page}' ({lang}) ada di daftar 'handouts' plugin pmi-aman, "
                        f"tetapi halamannya tidak ada di situs (docs/{lang}/{page}.md). Perbaiki "
                        "nama halamannya di mkdocs.yml atau buat halamannya."))])
                target = _site_path(site, prefix(lang) + f"{options.handout_folder}/{pdf_name(page, options)}")
                target.parent.mkdir(parents=True, exist_ok=True)
                browser.print_pdf(tab, base + url_path(page, lang), target)
                entries.append({"page": page, "lang": lang, "pages": len(PdfReader(target).pages),
                                "bytes": target.stat().st_size, "budget": budget(page, options)})
        tab.close()
    report_or_raise(budget_problems(entries), config)
    log.info("%d selebaran PDF dicetak: %s", len(entries), ", ".join(
        f"{e['lang']}/{pdf_name(e['page'], options)} {e['pages']} hlm" for e in entries))
    for path in Path(site).rglob("*.html"):
        fill_figures(path, entries)
    return entries


def _site_path(site, rel):
    return Path(site) / rel


def fill_figures(path, entries):
    """Write each handout's page count and size into the cells left for them."""
    text = path.read_text(encoding="utf-8")
    if "data-pmi-pdf=" not in text:
        return
    found = {(e["lang"], e["page"]): e for e in entries}

    def figure(match):
        entry = found.get((match.group(1), match.group(2)))
        if entry is None:
            return match.group(0)
        text = str(entry["pages"]) if match.group(3) == "pages" else format_size(entry["bytes"])
        return f'<span data-pmi-pdf="{match.group(1)}/{match.group(2)}/{match.group(3)}">{text}</span>'

    path.write_text(FIGURE_SLOT.sub(figure, text), encoding="utf-8")


# ---- The whole guide ----------------------------------------------------------------------------
# The page cetak-semua.md gets every content page of its language, in navigation order, as
# chapters (overrides/partials/pmi-whole-guide.html shows them). Each chapter is the other
# page's rendered HTML, made safe to sit inside one page: ids get the chapter's prefix
# (bab-biaya--rincian) so none collide, links to another chapter become links inside this page,
# other relative links are recomputed from this page's address, and headings go one level down
# (the page's own h1 stays the only h1).

ID_ATTRS = ("id",)
REF_ATTRS = ("for", "aria-labelledby", "aria-describedby", "aria-controls")
HEADING = re.compile(r"^h([1-6])$")


def chapter_id(name):
    """biaya.md -> bab-biaya, index.md -> bab-beranda, kegiatan/x.md -> bab-kegiatan-x."""
    stem = name[: -len(".md")]
    stem = stem[: -len("index")].rstrip("/") if stem.endswith("index") else stem
    return "bab-" + (stem.replace("/", "-") or "beranda")


def whole_guide(page, nav, options):
    if page_name(page) != options.whole_guide:
        return
    others = [p for p in nav.pages if page_name(p) not in options.not_in_guide]
    ids_by_url = {p.url: chapter_id(page_name(p)) for p in others}
    chapters = []
    for other in others:
        cid = chapter_id(page_name(other))
        # Every page's HTML is final here: MkDocs renders templates only after all pages'
        # Markdown has been converted (and every on_page_content step has run).
        chapters.append(
            {
                "id": cid,
                "title": other.title,
                "reviewed": other.meta.get("reviewed"),
                "reviewed_text": other.meta.get("reviewed_text"),
                "html": as_chapter(other.content or "", cid, other.title, other.url, page.url, ids_by_url),
            }
        )
        page.toc.items.append(AnchorLink(other.title, cid, 2))
    page.meta["chapters"] = chapters


def as_chapter(html, cid, title, from_url, to_url, ids_by_url):
    """Rewrite one page's HTML (served at from_url) to sit inside the page at to_url."""
    soup = BeautifulSoup(html, "html.parser")
    if soup.find("h1") is None:
        heading = soup.new_tag("h1")
        heading.string = title
        soup.insert(0, heading)
    for tag in soup.find_all(True):
        for attr in ID_ATTRS + REF_ATTRS:
            if tag.has_attr(attr):
                tag[attr] = " ".join(f"{cid}--{v}" for v in str(tag[attr]).split())
        if tag.has_attr("href"):
            tag["href"] = _move_link(tag["href"], cid, from_url, to_url, ids_by_url)
        if tag.has_attr("src"):
            tag["src"] = _move_link(tag["src"], cid, from_url, to_url, ids_by_url)
        level = HEADING.match(tag.name)
        if level:
            tag.name = f"h{min(int(level.group(1)) + 1, 6)}"
    return str(soup)


def _move_link(href, cid, from_url, to_url, ids_by_url):
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return href  # outside address, tel:, mailto:, or absolute
    if not parts.path and not parts.query:
        return f"#{cid}--{parts.fragment}" if parts.fragment else f"#{cid}"
    target = urljoin("/" + from_url, parts.path).lstrip("/")
    if target in ids_by_url and not parts.query:
        other = ids_by_url[target]
        return f"#{other}--{parts.fragment}" if parts.fragment else f"#{other}"
    moved = get_relative_url(target, to_url)
    if (not target or target.endswith("/")) and not moved.endswith("/"):
        moved += "/"
    if parts.query:
        moved += "?" + parts.query
    if parts.fragment:
        moved += "#" + parts.fragment
    return moved
