"""Give templates what they show around a page: the reviewed date in the reader's language,
the translation state of Banjar pages, and, for printouts, the page's public address with its
QR code and the main help contacts (overrides/main.html and overrides/partials/pmi-*.html),
and, for the help control on every page (partials/pmi-help.html), the main contacts as links
and the address of the help page relative to the page."""

import datetime as dt

import segno
from mkdocs.utils import get_relative_url

from pmi_aman import DEFAULT_LANGUAGE, DOCS, facts, translation

HELP_PAGE = "pengaduan-bantuan.md"


def on_page_markdown(markdown, page, config, files):
    lang = config.plugins["i18n"].current_language
    meta = page.meta
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.date):
        meta["reviewed_text"] = facts.format_date(reviewed, lang)
    if lang != DEFAULT_LANGUAGE:
        name = getattr(page.file, "norm_src_uri", page.file.src_uri)
        status = translation.status_of(
            name, {DEFAULT_LANGUAGE: DOCS / DEFAULT_LANGUAGE / name, lang: DOCS / lang / name}
        )
        meta["translation_state"] = status.state
        meta["translation_review"] = status.review
        meta["translation_reviewer"] = status.reviewer
        meta["translation_reviewed_on"] = (
            facts.format_date(status.reviewed_on, lang) if status.reviewed_on else "")
    meta["print_contacts"] = [
        {"name": c["name"][lang], "display": c["display"], "kind": c["kind"], "href": facts.contact_href(c)}
        for c in facts.load("contacts").values()
        if c.get("main")
    ]
    meta["kuhp_date"] = facts.format_fact(facts.load("facts")["kuhp_baru_berlaku"], lang)
    return markdown


def on_page_context(context, page, config, nav):
    help_page = next((p for p in nav.pages if p.file.src_uri.endswith(HELP_PAGE)), None)
    if help_page is not None:
        page.meta["help_url"] = get_relative_url(help_page.url, page.url)
    url = page.canonical_url or ""
    page.meta["public_url"] = url
    if url:
        page.meta["qr_svg"] = segno.make(url, error="m").svg_inline(
            scale=3, border=2, title=url, omitsize=True
        )
    return context
