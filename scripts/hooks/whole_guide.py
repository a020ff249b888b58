"""Cetak seluruh panduan: give the page cetak-semua.md every content page of its language, in
navigation order, as chapters (overrides/partials/pmi-whole-guide.html shows them).

Each chapter is the other page's rendered HTML, made safe to sit inside one page:
ids get the chapter's prefix (bab-biaya--rincian) so none collide, links to another chapter
become links inside this page, other relative links are recomputed from this page's address,
and headings go one level down (the page's own h1 stays the only h1).
"""

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from pmi_aman.whole_guide import NOT_IN_GUIDE, WHOLE_GUIDE, chapter_id  # noqa: F401 (tests use them)

ID_ATTRS = ("id",)
REF_ATTRS = ("for", "aria-labelledby", "aria-describedby", "aria-controls")
HEADING = re.compile(r"^h([1-6])$")


def _name(page):
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def on_page_context(context, page, config, nav):
    if _name(page) != WHOLE_GUIDE:
        return context
    pages = [p for p in nav.pages if _name(p) not in NOT_IN_GUIDE]
    ids_by_url = {p.url: chapter_id(_name(p)) for p in pages}
    chapters = []
    for other in pages:
        cid = chapter_id(_name(other))
        # Every page's HTML is final here: MkDocs renders templates only after all pages'
        # Markdown has been converted (and every on_page_content hook has run).
        html = other.content or ""
        chapters.append(
            {
                "id": cid,
                "title": other.title,
                "reviewed": other.meta.get("reviewed"),
                "reviewed_text": other.meta.get("reviewed_text"),
                "html": as_chapter(html, cid, other.title, other.url, page.url, ids_by_url),
            }
        )
        page.toc.items.append(AnchorLink(other.title, cid, 2))
    page.meta["chapters"] = chapters
    return context


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
