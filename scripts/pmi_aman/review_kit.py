"""The review kit for a native Banjar speaker: one printable sheet per page pair, Indonesian and
Banjar side by side, block by block (paragraph, list item, heading), with the file's line numbers
and the doubts of the Banjar check (pmi_aman.banjar) marked, and a column for handwritten notes.

Written into site/tinjau/ by pmi_aman.plugin.publish (not in the navigation). The reviewer
returns a marked-up printout or a pull request (CONTRIBUTING.md, "Untuk peninjau bahasa Banjar").
"""

import datetime as dt
import html
import re
from itertools import zip_longest
from pathlib import Path

from . import DEFAULT_LANGUAGE, banjar, pages, strings, translation
from .content_checks import prose_lines
from .structure import HEADING

FOLDER = "tinjau"
# The kit's words (Indonesian only): data/strings/id.yml, review_kit:.
MARKS = {"salah-arti": "ff", "ragam": "rg", "indonesia": "id", "lain": "un"}  # finding kind -> css class
STYLE = """
@page { size: A4; margin: 12mm 10mm 14mm; }
body { font: 10.5pt/1.4 system-ui, sans-serif; color: #000; margin: 1rem; }
h1 { font-size: 15pt; margin: 0 0 .3rem; }
p.meta, p.legend { margin: .2rem 0; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #555; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
col.no { width: 2.6em; } col.text { width: 36%; } col.note { width: 18%; }
td.no { color: #333; font-size: 8.5pt; text-align: right; }
td.h { font-weight: bold; }
mark { background: none; color: inherit; }
mark.ff, mark.rg { font-weight: bold; text-decoration: underline double; }
mark.ff::after, mark.rg::after { content: " [!]"; font-size: 8pt; }
mark.id { text-decoration: underline wavy; }
mark.un { text-decoration: underline dotted; }
span.same-s { border: 1.5px solid #000; padding: 0 2px; }
span.same { font-size: 8pt; font-weight: bold; }
.sign { margin-top: 1rem; border: 1px solid #000; padding: .5rem; break-inside: avoid; }
.sign p { margin: .6rem 0; }
@media screen { mark.ff, mark.rg { background: #fdd; } mark.id { background: #ffe8a8; } mark.un { background: #eef; } }
"""


def file_name(name):
    """biaya.md -> biaya.html, index.md -> beranda.html, kegiatan/index.md -> kegiatan.html,
    kegiatan/x.md -> kegiatan--x.html: one flat folder, next to the kit's own index.html."""
    stem = name[: -len(".md")]
    stem = "beranda" if stem == "index" else stem[: -len("/index")] if stem.endswith("/index") else stem
    return stem.replace("/", "--") + ".html"


def blocks(path):
    """Sections of a page: [[block, ...], ...]; a block is [(line, cleaned text), ...].
    Section 0 holds the title and the description, each heading starts a section."""
    page = pages.read_page(path)
    front = [[(pages.line_of_key(page.front, key), page.meta[key])]
             for key in banjar.FRONT_TEXT if isinstance(page.meta.get(key), str)]
    sections, current, block = [front], [], []

    def close():
        nonlocal block
        if block:
            current.append(block)
        block = []

    for number, line in prose_lines(page):
        if HEADING.match(line):
            close()
            sections.append(current)
            current = [[(number, banjar.clean(line).lstrip("# ").strip(), "h")]]
            continue
        text = banjar.clean(line).strip()
        starts_item = bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line))
        if not text or starts_item:
            close()
        if text:
            block.append((number, text))
    close()
    sections.append(current)
    return sections


def tidy(text):
    """A cleaned line without emphasis marks and doubled spaces."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip()


def words():
    return strings.load(DEFAULT_LANGUAGE)["review_kit"]


def marked(text, number, report):
    """One line of Banjar text with the check's findings on that line marked; a sentence that is
    identical to the Indonesian page is boxed."""
    for finding in report.of("sama") if report else []:
        start = text.find(finding.word) if finding.line == number and finding.word else -1
        if start >= 0:
            end = start + len(finding.word)
            return (marked(text[:start], number, report)
                    + f'<span class="same-s">{words_marked(text[start:end], number, report)}</span>'
                    + f'<span class="same"> {words()["same"]}</span>'
                    + marked(text[end:], number, report))
    return words_marked(text, number, report)


def words_marked(text, number, report):
    kinds = {}
    for finding in report.findings if report else []:
        if finding.line == number and finding.kind in MARKS:
            kinds.setdefault(finding.word, finding)
    if not kinds:
        return html.escape(text)
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True)) + r")(?![\w'’-])")
    out, last = [], 0
    for match in pattern.finditer(text):
        finding = kinds[match.group(1)]
        css = MARKS[finding.kind]
        out.append(html.escape(text[last:match.start()]))
        out.append(f'<mark class="{css}" title="{html.escape(finding.hint or finding.message)}">{html.escape(match.group(1))}</mark>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def cell(block, lang, report=None):
    if not block:
        return '<td class="no"></td><td></td>'
    numbers = f"{block[0][0]}" + (f"–{block[-1][0]}" if len(block) > 1 else "")
    heading = any(len(item) > 2 for item in block)
    lines = [marked(tidy(item[1]), item[0], report) if report else html.escape(tidy(item[1])) for item in block]
    return (f'<td class="no">{numbers}</td><td lang="{lang}"'
            + (' class="h"' if heading else "") + ">" + "<br>".join(lines) + "</td>")


def figures_text(report):
    share, total = banjar.shares(report.counts())
    return words()["figures"].format(
        total=total, attested=share[banjar.ATTESTED], indonesian=share[banjar.INDONESIAN],
        keep=share[banjar.KEEP], false_friends=len(report.of("salah-arti")),
        register=len(report.of("ragam")), same=len(report.of("sama")))


def sheet(title, body):
    """A whole review page: the shared head and landmark around its body."""
    return f"""<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"""


def page_html(name, id_path, bjn_path, report, status, today):
    w, e = words(), html.escape
    title = str(pages.read_page(bjn_path).meta.get("title") or name)
    rows = []
    for ours, theirs in zip_longest(blocks(id_path), blocks(bjn_path), fillvalue=[]):
        for left, right in zip_longest(ours, theirs, fillvalue=None):
            rows.append(f"<tr>{cell(left, 'id')}{cell(right, 'bjn', report)}<td></td></tr>")
    legend = " ".join(f'<mark class="{css}">{e(w["marks"][kind])}</mark>;' for kind, css in MARKS.items())
    state = w["state"].format(state=status.state) + (
        w["state_reviewer"].format(reviewer=status.reviewer) if status.reviewer else "")
    meta = w["sheet_meta"].format(name=e(name), state=e(state), date=today.isoformat(), figures=e(figures_text(report)))
    return sheet(w["sheet_title"].format(title=title), f"""<h1>{w["title"]}: <span lang="bjn">{e(title)}</span></h1>
<p class="meta">{meta}</p>
<p class="legend">{w["legend"].format(marks=legend, same=f'<span class="same">{w["same"]}</span>')}</p>
<table>
<colgroup><col class="no"><col class="text"><col class="no"><col class="text"><col class="note"></colgroup>
<thead><tr><th>{w["col_line"]}</th><th>{w["col_id"]}</th><th>{w["col_line"]}</th><th>{w["col_bjn"]}</th><th>{w["col_note"]}</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<div class="sign">
<p>{w["sign_by"]}</p>
<p>{w["sign_from"]}</p>
</div>
""")


def index_html(entries, today):
    w = words()
    rows = "\n".join(
        f'<tr><td><a href="{file_name(name)}">{html.escape(name)}</a></td><td>{html.escape(status.state)}'
        f'{" (" + html.escape(status.reviewer) + ")" if status.reviewer else ""}</td>'
        f"<td>{html.escape(figures_text(report))}</td></tr>"
        for name, status, report in entries
    )
    return sheet(w["title"], f"""<h1>{w["title"]}</h1>
<p class="meta">{w["index_intro"].format(date=today.isoformat())}</p>
<table>
<thead><tr><th>{w["col_page"]}</th><th>{w["col_status"]}</th><th>{w["col_figures"]}</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
""")


def write(site_dir, docs=None, today=None):
    """Write site/tinjau/index.html and one sheet per page pair; return the files written."""
    today = today or dt.date.today()
    target = Path(site_dir) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    lexicon = banjar.load()
    entries, written = [], []
    for name, by_lang in pages.pairs(docs):
        id_path, bjn_path = by_lang[DEFAULT_LANGUAGE], by_lang.get("bjn")
        if id_path is None or bjn_path is None:
            continue
        status = translation.status_of(name, by_lang)
        report = banjar.analyse_page(bjn_path, lexicon, id_path)
        path = target / file_name(name)
        path.write_text(page_html(name, id_path, bjn_path, report, status, today), encoding="utf-8")
        entries.append((name, status, report))
        written.append(path)
    index = target / "index.html"
    index.write_text(index_html(entries, today), encoding="utf-8")
    return [index] + written
