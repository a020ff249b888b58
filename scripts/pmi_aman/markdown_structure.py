"""Markdown mistakes that build without an error but break the page.

- a code fence (``` or ~~~) that is opened and never closed: the rest of the page becomes code;
- a box (!!! / ???) whose text is not indented: the box is empty and the text falls out of it;
- a table row with more or fewer cells than the table's header: cells are lost or left empty;
- two headings with the same id in one page: links to the second one go to the first;
- a heading level that skips (## then ####): screen readers and the table of contents break;
- a link with no text, [](alamat): nothing to click on and nothing for a screen reader.

Each problem names the file and the line, in Indonesian, with how to fix it.
"""

import re

from markdown.extensions.toc import slugify

from .problems import Problem

FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})")
BOX = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s*([\w-]+)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
ATTR_ID = re.compile(r"(?:^|\s)#([\w.:-]+)")
DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
EMPTY_LINK = re.compile(r"(?<![!\]\\])\[(\s*(?:\*+|_+)?\s*)\](\(|\[)")
EMPTY_HTML_LINK = re.compile(r"<a\b[^>]*\bhref\s*=[^>]*>\s*</a>", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{\s*[a-z-]+\s*:\s*[A-Za-z0-9_.-]+\s*\}\}")


def _lines(page):
    """(line number in file, line, inside a fenced block?) and the open fence left, if any."""
    out, fence = [], None  # fence: (char, length, line number)
    for index, line in enumerate(page.body.split("\n")):
        number = page.body_line + index
        match = FENCE_OPEN.match(line)
        if fence is None and match:
            fence = (match.group(2)[0], len(match.group(2)), number)
            out.append((number, line, True))
            continue
        if fence and re.match(rf"^\s*{re.escape(fence[0])}{{{fence[1]},}}\s*$", line):
            fence = None
            out.append((number, line, True))
            continue
        out.append((number, line, fence is not None))
    return out, fence


def check_fences(page, lines, fence):
    if fence is None:
        return []
    mark = fence[0] * fence[1]
    return [Problem(page.rel, fence[2], (
        f"blok kode yang dibuka dengan {mark} di baris ini tidak pernah ditutup, jadi sisa halaman "
        f"tampil sebagai kode. Tambahkan baris {mark} sendiri di akhir blok kode."))]


def _indent(line):
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def check_boxes(page, lines):
    problems = []
    for position, (number, line, code) in enumerate(lines):
        match = BOX.match(line) if not code else None
        if not match:
            continue
        box = f"{match.group(2)} {match.group(3)}"
        rest = [(n, l) for n, l, _ in lines[position + 1:] if l.strip()]
        if not rest or _indent(rest[0][1]) <= _indent(line):
            at = rest[0][0] if rest else number
            problems.append(Problem(page.rel, at, (
                f"isi kotak '{box}' (baris {number}) tidak menjorok, jadi kotaknya kosong dan "
                "teksnya keluar dari kotak. Awali setiap baris isi kotak dengan 4 spasi.")))
    return problems


def _cells(line):
    text = CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), line.replace("\\|", "xx")).strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|"):
        text = text[:-1]
    return len(text.split("|"))


def check_tables(page, lines):
    problems = []
    position = 0
    while position < len(lines) - 1:
        number, line, code = lines[position]
        following = lines[position + 1]
        if code or not line.lstrip().startswith("|") or not DELIMITER.match(following[1]):
            position += 1
            continue
        width = _cells(line)
        row = position + 1
        while row < len(lines) and not lines[row][2] and lines[row][1].lstrip().startswith("|"):
            cells = _cells(lines[row][1])
            if cells != width:
                kind = "baris pemisah (| --- |)" if row == position + 1 else "baris tabel ini"
                lost = ("sel yang berlebih tidak tampil" if cells > width
                        else "sel yang kurang tampil kosong")
                problems.append(Problem(page.rel, lines[row][0], (
                    f"{kind} punya {cells} kolom, padahal judul tabel (baris {number}) punya "
                    f"{width} kolom; {lost}. Samakan jumlah tanda | di setiap baris; tanda | di "
                    "dalam teks ditulis \\|.")))
            row += 1
        position = row
    return problems


def _heading_id(text):
    attrs = ATTRS.search(text)
    if attrs:
        found = ATTR_ID.search(attrs.group(0).strip(" {}"))
        if found:
            return found.group(1), True
        text = text[: attrs.start()]
    text = PLACEHOLDER.sub(" ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return slugify(text, "-"), False


def check_headings(page, lines):
    problems, seen, previous = [], {}, 0
    for number, line, code in lines:
        match = HEADING.match(line) if not code else None
        if not match:
            continue
        level = len(match.group(1))
        if level > previous + 1:
            wanted = "#" * (previous + 1)
            before = f"judul sebelumnya bertingkat {'#' * previous}" if previous else "ini judul pertama"
            problems.append(Problem(page.rel, number, (
                f"tingkat judul melompat ke {'#' * level}, padahal {before}. Pakai {wanted} di "
                "sini (naik satu tingkat demi satu), supaya daftar isi dan pembaca layar benar.")))
        previous = level
        anchor, explicit = _heading_id(match.group(2))
        if anchor in seen:
            how = ("ganti {#" + anchor + "} dengan kode lain") if explicit else (
                "ubah judulnya atau beri kode sendiri, misalnya {#" + anchor + "-2}")
            problems.append(Problem(page.rel, number, (
                f"judul ini punya kode '#{anchor}' yang sama dengan judul di baris {seen[anchor]}; "
                f"tautan ke bagian ini akan menuju bagian yang pertama. Di halaman ini {how}.")))
        else:
            seen[anchor] = number
    return problems


def check_links(page, lines):
    problems = []
    for number, line, code in lines:
        if code:
            continue
        text = CODE_SPAN.sub(lambda m: "x" * len(m.group(0)), line)
        if EMPTY_LINK.search(text) or EMPTY_HTML_LINK.search(text):
            problems.append(Problem(page.rel, number, (
                "tautan di baris ini tidak punya teks: tidak ada yang bisa diklik dan pembaca layar "
                "tidak tahu tujuannya. Tulis kata-kata yang menjelaskan tujuannya di dalam [ ], "
                "misalnya [Biaya penempatan](biaya.md).")))
    return problems


def check_page(page):
    lines, fence = _lines(page)
    return (check_fences(page, lines, fence) + check_boxes(page, lines) + check_tables(page, lines)
            + check_headings(page, lines) + check_links(page, lines))
