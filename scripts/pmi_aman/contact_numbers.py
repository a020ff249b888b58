"""Phone and WhatsApp numbers typed in by hand, in any spelling.

A number is contact-like when it starts with +<country>, 62, 0 or an area code in brackets
"(0511)", and has 7 to 15 digits grouped by spaces, dots, dashes, slashes or brackets:
0812-3456-7890, 0812.3456.7890, 0812 3456 7890, 0812/3456/7890, (0511) 477 2123,
+62 812 3456 7890, 62-812-3456-7890, +62 (511) 477-2123, +60 3-1234 5678.

Not contact-like: rupiah amounts (Rp15.000.000.000), dates (02-01-2026, 2026-01-02), years and
year ranges, article and regulation numbers (Pasal 81, UU No. 18 Tahun 2017, PP 59/2021,
83/PUU-XVII/2019), opening hours (08.00-16.00).

Used on the Markdown (every line, code and fenced blocks included, and the title and
description) and on the text of the built HTML (numbers written by templates, hooks or
snippets). In the built site, a number of a contact in data/contacts.yml is allowed: it got
there through {{ kontak: ... }}.
"""

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from .problems import Problem

SEPARATOR = r"[ \t.\-/()\u00a0\u2010-\u2013]"
CANDIDATE = re.compile(
    rf"(?<![\w.,/\-])(?:\+\s?|\(\+?)?\d(?:{SEPARATOR}{{0,3}}\d){{5,}}\)?"
)
START = re.compile(r"^(?:\+|\(\+?|\(0|0|62)")
NOT_CONTACT = [
    re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$"),  # 02-01-2026, 2/1/26
    re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$"),  # 2026-01-02
    re.compile(r"^\d{1,2}[.:]\d{2}\s?[-\u2013]\s?\d{1,2}[.:]\d{2}$"),  # 08.00-16.00
    re.compile(r"^\d{1,3}(?:\.\d{3})+$"),  # 1.500.000 (an amount without Rp)
]
MIN_DIGITS, MAX_DIGITS = 7, 15


def contact_like(text):
    """Yield every contact-like number in a text, as written."""
    for match in CANDIDATE.finditer(text):
        found = match.group(0).strip(" \t.-/\u00a0")
        if found.startswith("(") and found.count("(") > found.count(")"):
            found = found[1:]
        if found.count(")") > found.count("("):
            found = found.rstrip(")")
        digits = re.sub(r"\D", "", found)
        if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
            continue
        if not START.match(match.group(0).lstrip()):
            continue
        before = text[max(0, match.start() - 4): match.start()]
        if re.search(r"Rp\.?\s?$", before, re.IGNORECASE):
            continue
        if any(p.match(found) for p in NOT_CONTACT):
            continue
        yield found


def first(text):
    return next(contact_like(text), None)


MESSAGE = (
    "'{found}' tampak seperti nomor telepon atau WhatsApp yang diketik langsung{where}. Kontak "
    "hanya boleh ditulis lewat {{{{ kontak: nama }}}} dari data/contacts.yml, supaya tidak ada "
    "nomor salah (nomor calo) di situs ini. Kalau ini bukan nomor telepon (misalnya nomor "
    "perkara), tulis tanpa awalan 0/62/+ atau pisahkan dengan kata."
)


def check_markdown(page, placeholder):
    """Numbers the prose check does not see: in fenced blocks and in title/description."""
    problems = []
    in_fence = False
    fence = re.compile(r"^\s*(```|~~~)")
    for index, line in enumerate(page.body.split("\n")):
        if fence.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            found = first(placeholder.sub(" ", line))
            if found:
                problems.append(Problem(page.rel, page.body_line + index,
                                        MESSAGE.format(found=found, where=" di dalam blok kode")))
    for number, line in enumerate(page.front.split("\n"), start=1):
        if line.startswith(("title:", "description:")):
            found = first(line)
            if found:
                problems.append(Problem(page.rel, number,
                                        MESSAGE.format(found=found, where=" di front matter")))
    return problems


def known_numbers(data):
    """phone keys of every phone and WhatsApp contact in data/contacts.yml."""
    from .source_refs import phone_key

    contacts = yaml.safe_load((Path(data) / "contacts.yml").read_text(encoding="utf-8")) or {}
    keys = set()
    for contact in contacts.values():
        if contact.get("kind") in ("phone", "whatsapp"):
            keys.add(phone_key(contact.get("value", "")))
            keys.add(phone_key(contact.get("display", "")))
    return keys


def _source_line(source, found):
    """The line of a Markdown source holding this number (in any grouping), or 0."""
    digits = re.sub(r"\D", "", found)
    for number, line in enumerate(source.read_text(encoding="utf-8").split("\n"), start=1):
        if digits and digits in re.sub(r"\D", "", line):
            return number
    return 0


def _markdown_reports(source, line):
    """Whether the Markdown checks already report a typed number on this line of the source
    (content_checks.check_contacts for the text, check_markdown for code blocks, title and
    description): then the built text does not report it a second time."""
    lines = source.read_text(encoding="utf-8").split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    front = lines.index("---", 1) + 1 if lines and lines[0] == "---" and "---" in lines[1:] else 0
    if line <= front and not text.startswith(("title:", "description:")):
        return False
    return first(re.sub(r"\{\{.*?\}\}", " ", text)) is not None


HIDDEN = {"script", "style", "svg", "template"}


def check_site_text(site, locator, data, soups=None, markdown_checked=False):
    """Contact-like numbers in the visible text of the built pages that are not in data/.
    `soups` ({page path inside site/: BeautifulSoup}) saves parsing the pages again.
    `markdown_checked`: the Markdown sources are checked in the same run (check_site), so a
    number the Markdown check reports on its line is not reported a second time."""
    from .pages import relative
    from .source_refs import phone_key

    allowed = known_numbers(data)
    problems = []
    site = Path(site)
    if soups is None:
        soups = {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
                 for p in sorted(site.rglob("*.html"))}
    for page, soup in soups.items():
        path = site / page
        for string in soup.find_all(string=True):
            if not any(ch.isdigit() for ch in string) or string.find_parent(HIDDEN) is not None:
                continue
            for found in contact_like(str(string)):
                if phone_key(found) in allowed:
                    continue
                embedded = locator.embedded(page, string)
                if embedded and any(_source_line(origin, found) for origin in embedded):
                    continue  # a whole-guide chapter or review sheet: reported at its own page
                source = locator.source_of(page)
                line = _source_line(source, found) if source else 0
                if source and line and markdown_checked and _markdown_reports(source, line):
                    continue  # reported once, by the Markdown check of that line
                if source and line:
                    problems.append(Problem(relative(source), line, MESSAGE.format(found=found, where="")))
                else:
                    where = " (ditulis oleh templat, hook atau potongan teks saat build: cari di overrides/, includes/ dan scripts/pmi_aman/plugin/)"
                    problems.append(Problem(relative(path), string.parent.sourceline or 0,
                                            MESSAGE.format(found=found, where=where)))
    return sorted(set(problems), key=lambda p: (p.path, p.line))
