"""Render a page: the page's checks, facts from data/ ({{ kontak: ... }}, {{ fakta: ... }},
{{ pidana: ... }}, {{ tabel: ... }}), and what the templates show around it.

Before rendering, the page's source is checked (front matter, unsafe HTML, typed-in contacts,
article numbers...): in a strict build (`make build`, `make site`) any problem stops the build
with the file and line; in the non-strict build that `make check` runs, the problems are logged
as warnings and the build goes on, so that one run reports every page (pmi_aman.build_check).
"""

import datetime as dt
import logging
import re

import segno
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .. import (DEFAULT_LANGUAGE, DOCS, content_checks, facts, freshness, offer_check, pages, reading,
               strings, translation)
from ..problems import ContentError, report_or_raise
from . import print_guide
from .building import language, page_name

# INFO, not WARNING: `mkdocs build --strict` would stop on a warning, and these must not stop it.
log = logging.getLogger("mkdocs.plugins.pmi_aman")


def check_data(config):
    # `make serve` rebuilds in the same process when data/ changes: read data/*.yml afresh.
    content_checks.forget_data()
    report_or_raise(facts.check_data(), config)
    if language(config) == DEFAULT_LANGUAGE:  # both files, once per build
        report_or_raise(strings.check(), config)
    problems = offer_check.check()
    if problems:
        raise ContentError(problems)
    # static-i18n builds once per language: warn once, in the default language's build.
    if language(config) == DEFAULT_LANGUAGE:
        for warning in facts.data_warnings() + freshness.check_pages():
            log.info("PERINGATAN %s", warning)


def page_markdown(markdown, page, config, plugin):
    lang = language(config)
    source = pages.read_page(page.file.abs_src_path)
    report_or_raise(source.problems + content_checks.check_page(source, lang), config)
    # A page `make page` just made must build (for `make serve`); `make check` fails on it.
    placeholders = content_checks.check_placeholder(source, lang)
    if config.strict:
        for placeholder in placeholders:
            log.info("PERINGATAN %s", placeholder)
    else:
        report_or_raise(placeholders, config)
    tables = {
        "selebaran": lambda lang: print_guide.handouts_table(lang, config, plugin),
        "status-terjemahan": lambda lang: translation.status_table(lang, config.use_directory_urls),
    }
    rendered, _ = facts.render(markdown, lang, source.rel, tables)
    return rendered


def page_meta(page, config):
    """The reviewed date in the reader's language, the translation state of a Banjar page, the
    main help contacts and the date the new KUHP applies (overrides/main.html, partials/pmi-*)."""
    lang = language(config)
    meta = page.meta
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.date):
        meta["reviewed_text"] = facts.format_date(reviewed, lang)
    if lang != DEFAULT_LANGUAGE:
        name = page_name(page)
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


def page_context(page, nav, options):
    """For printouts, the page's public address and its QR code; for the help control on every
    page (partials/pmi-help.html), the address of the help page relative to the page."""
    help_page = next((p for p in nav.pages if page_name(p) == options.help_page), None)
    if help_page is not None:
        page.meta["help_url"] = get_relative_url(help_page.url, page.url)
    url = page.canonical_url or ""
    page.meta["public_url"] = url
    if url:
        page.meta["qr_svg"] = segno.make(url, error="m").svg_inline(
            scale=3, border=2, title=url, omitsize=True
        )


def page_content(html, page, config, files):
    lang = language(config)
    html = label_checklists(html)
    html = reading.spell_out_abbreviations(reading.label_table_cells(html), lang)
    html = mark_links_showing_their_address(html)
    return offer_check_script(html, page, lang, files)


# ---- Checklists -------------------------------------------------------------------------------
# pymdownx.tasklist writes `- [ ] text` as <li class="task-list-item"><input type="checkbox"
# disabled/> text</li>: screen readers announce a checkbox without a name (axe-core rule "label").
# The box and the item's text, up to any nested list or paragraph, go in a <label>, so the text
# names the box. The box is enabled: the reader can tick it on the phone (no script needed); on
# paper it prints as an empty box (print.css). A tick stays in the reader's browser.

CHECKLIST_ITEM = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>)?)(<input type="checkbox"[^>]*>)(.*?)(?=</p>|</li>|<ul|<ol|<div|<p[ >])',
    re.S,
)
DISABLED = re.compile(r"\s+disabled(?:=\"[^\"]*\")?")


def label_checklists(html):
    return CHECKLIST_ITEM.sub(
        lambda m: f"{m.group(1)}<label>{DISABLED.sub('', m.group(2))}{m.group(3)}</label>", html
    )


# ---- Outside links on paper -------------------------------------------------------------------
# On paper an outside link shows its address after the text (print.css). Links whose text
# already is that address (siskop2mi.bp2mi.go.id) are marked, so it is not printed twice.

OUTSIDE_LINK = re.compile(r'(<a\b[^>]*?\bhref="(https?://[^"]+)"[^>]*>)(.*?)</a>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
SHOWN = "pmi-link--shown"


def _bare(url):
    url = re.sub(r"^www\.", "", re.sub(r"^https?://", "", url.strip().lower()))
    return url.rstrip("/")


def _mark_shown(match):
    opening, href, text = match.group(1), match.group(2), match.group(3)
    if _bare(TAG.sub("", text)) != _bare(href):
        return match.group(0)
    if 'class="' in opening:
        opening = opening.replace('class="', f'class="{SHOWN} ', 1)
    else:
        opening = opening.replace("<a", f'<a class="{SHOWN}"', 1)
    return opening + text + "</a>"


def mark_links_showing_their_address(html):
    return OUTSIDE_LINK.sub(_mark_shown, html)


# ---- Periksa tawaran kerja (pmi_aman/offer_check.py) ------------------------------------------
# The danger signs of each language are published as assets/javascripts/offer-check-<lang>.js,
# which offer-check.js loads only when the reader answers (keeps the first view small); the page
# gets its address, relative to the page, so that it also works from file://. A page showing the
# checklist gets its stylesheet and script (overrides/main.html); the whole guide, which shows
# it as a chapter, the stylesheet only.


def add_offer_check_scripts(files, config):
    lang = language(config)
    name = offer_check.result_script_name(lang)
    # Written to build/ first: mkdocs-static-i18n needs every file to have a source path.
    source = offer_check.BUILD / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(offer_check.result_script(lang), encoding="utf-8")
    files.append(File.generated(config, name, abs_src_path=str(source)))


def offer_check_script(html, page, lang, files):
    if offer_check.MARKER not in html:
        return html
    script = files.get_file_from_path(offer_check.result_script_name(lang))
    page.meta["offer_check"] = "script"
    return html.replace(offer_check.SRC_TOKEN, get_relative_url(script.url, page.url))


def offer_check_style(page):
    """Runs after the whole guide has its chapters (print_guide.whole_guide)."""
    chapters = page.meta.get("chapters") or []
    if not page.meta.get("offer_check") and any(offer_check.MARKER in c["html"] for c in chapters):
        page.meta["offer_check"] = "style"
