"""Pages readable on a small phone and on paper (pmi_aman.plugin.render).

- Table cells carry their column's heading (data-label), so that site.css can show a table
  as stacked cards on a narrow screen instead of a table wider than the phone.
- The first use of each abbreviation on a page is spelled out in the text, "PMI (Pekerja
  Migran Indonesia)": a title tooltip shows neither on a touch screen nor on paper. Later uses
  keep the <abbr title> of the abbr extension (includes/abbreviations.md); a tap shows it
  (site.js). Where a language's expansion differs, includes/abbreviations.<lang>.md gives it.
"""

import html as html_lib
import re

from . import DEFAULT_LANGUAGE, ROOT

INCLUDES = ROOT / "includes"
DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+?)\s*$", re.M)

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
BODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td(\b[^>]*)>")
TAG = re.compile(r"<[^>]+>")

ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')
# Inside these the expansion is not added: headings and titles, links and buttons, table
# headings, and text that is code. In a table (short cells) only an abbreviation that the
# running text does not use is spelled out there.
SKIP = re.compile(r"<(/?)(h[1-6]|a|summary|th|code|pre|button|table)\b[^>]*>")
TOKEN = re.compile(f"{SKIP.pattern}|{ABBR.pattern}")


def text_of(fragment):
    return html_lib.unescape(TAG.sub("", fragment)).strip()


def label_table_cells(page_html):
    """Give every <td> the text of its column's <th> as data-label."""

    def table(match):
        inner = match.group(1)
        heads = [html_lib.escape(text_of(h), quote=True) for h in HEAD_CELL.findall(inner)]
        if not heads:
            return match.group(0)

        def row(row_match):
            column = iter(heads)

            def cell(cell_match):
                label = next(column, "")
                if "data-label" in cell_match.group(1) or not label:
                    return cell_match.group(0)
                return f'<td data-label="{label}"{cell_match.group(1)}>'

            return "<tr>" + CELL.sub(cell, row_match.group(1)) + "</tr>"

        body = BODY.sub(lambda b: "<tbody>" + ROW.sub(row, b.group(1)) + "</tbody>", inner)
        return f"<table>{body}</table>"

    return TABLE.sub(table, page_html)


def expansions(lang):
    """Abbreviation -> expansion for one language: Indonesian, then the language's own."""
    found = dict(DEFINITION.findall((INCLUDES / "abbreviations.md").read_text(encoding="utf-8")))
    own = INCLUDES / f"abbreviations.{lang}.md"
    if lang != DEFAULT_LANGUAGE and own.exists():
        found.update(DEFINITION.findall(own.read_text(encoding="utf-8")))
    return found


def _uses(page_html):
    """(match, where) for every abbreviation: where is 'text', 'table' or None (skipped)."""
    skipped = tables = 0
    for match in TOKEN.finditer(page_html):
        tag = match.group(2)
        if tag:
            step = -1 if match.group(1) else 1
            if tag == "table":
                tables += step
            else:
                skipped += step
            continue
        yield match, None if skipped > 0 else ("table" if tables > 0 else "text")


def spell_out_abbreviations(page_html, lang):
    """Spell out the first use of each abbreviation: in the running text, or in a table when
    the running text does not use it."""
    local = expansions(lang)
    in_text = {html_lib.unescape(m.group(4)) for m, where in _uses(page_html) if where == "text"}
    done = set()
    out = []
    position = 0
    for match, where in _uses(page_html):
        short = html_lib.unescape(match.group(4))
        title = local.get(short, html_lib.unescape(match.group(3)))
        tag = f'<abbr title="{html_lib.escape(title, quote=True)}">{match.group(4)}</abbr>'
        out.append(page_html[position:match.start()])
        position = match.end()
        wanted = where == "text" or (where == "table" and short not in in_text)
        if not wanted or short in done:
            out.append(tag)
            continue
        done.add(short)
        if _explained_nearby(page_html, match, title):
            out.append(tag)
        elif page_html[match.start() - 1:match.start()] == "(":  # "(UU, Undang-Undang 18/2017)"
            out.append(f'{tag}<span class="pmi-abbr-expansion">, {html_lib.escape(title)}</span>')
        else:
            out.append(f'{tag}<span class="pmi-abbr-expansion"> ({html_lib.escape(title)})</span>')
    out.append(page_html[position:])
    return "".join(out)


def _explained_nearby(page_html, match, title):
    """True when the text around the abbreviation already spells it out (e.g. "Pekerja
    Migran Indonesia (PMI)" or "PMI (Pekerja Migran Indonesia)")."""
    around = text_of(page_html[max(0, match.start() - 200):match.end() + 200])
    return title.split(" (")[0].split(",")[0].lower() in around.lower()
