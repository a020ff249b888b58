"""Checks over one page's Markdown source. Each returns Problems with file, line and a fix.

Used by the build (scripts/hooks/facts.py stops on any problem) and by scripts/check_site.py.
"""

import re
from html.parser import HTMLParser

from . import facts
from .problems import Problem

UU18_LAST_ARTICLE = 91

# Laws other than UU 18/2017 that pages cite by article. A "Pasal N" followed (in the same
# sentence) by one of these belongs to that law, not to UU 18/2017.
OTHER_LAWS = re.compile(
    r"\b(PP|Perban|Permen|Permenaker|Perpres|Kepmenaker|KUHP|UU\s*(No\.?\s*)?(1|21|6|11|39)\s*"
    r"(/|Tahun)\s*(2023|2026|2007|2020|2004))",
    re.IGNORECASE,
)
PASAL = re.compile(r"\bPasal\s+(\d+)")
FENCE = re.compile(r"^\s*(```|~~~)")
PLACEHOLDER = facts.PLACEHOLDER

PHONE = re.compile(r"(?<![\w.,/])(\+62|62|0)[\s-]?\d{2,4}(?:[\s-]?\d{2,5}){1,3}(?![\w.,/])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
CONTACT_LINK = re.compile(r"\b(tel:|wa\.me/|api\.whatsapp\.com|mailto:)", re.IGNORECASE)
LEFTOVER = re.compile(r"\b(TODO|FIXME|XXX|TBD)\b|lorem ipsum", re.IGNORECASE)
TYPED_PENALTY = re.compile(
    r"(penjara|panjara|kurungan)\s+(paling\s+(lama|lawas)\s+)?\d+|denda\s+(paling\s+banyak\s+)?Rp\s?\d",
    re.IGNORECASE,
)
TYPED_AGE = re.compile(
    r"\b(usia|umur)\s+(minimal|paling\s+rendah|sekurang-kurangnya|paling\s+sedikit|"
    r"sahanyar-hanyarnya|minimal\s+)?\s*\d+\s+tahun",
    re.IGNORECASE,
)
JS_URL = re.compile(r"\]\(\s*javascript:|javascript:", re.IGNORECASE)
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "form", "base", "meta", "link", "style"}


def prose_lines(page):
    """Yield (line number in file, line) for body lines outside code fences."""
    in_fence = False
    for index, line in enumerate(page.body.split("\n")):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield page.body_line + index, line


def without_placeholders(line):
    return PLACEHOLDER.sub(" ", line)


def check_facts(page, lang):
    _, problems = facts.render(page.body, lang, page.rel)
    return [Problem(p.path, p.line + page.body_line - 1, p.message) for p in problems]


class _HtmlScanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []  # (line in body, message)

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append(
                (line, f"tag <{tag}> tidak boleh dipakai di halaman. Hapus tag itu; tulis isi "
                 "dengan Markdown biasa. Untuk tabel atau tautan, lihat CONTRIBUTING.md.")
            )
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.found.append(
                    (line, f"atribut '{name}' menjalankan skrip dan tidak boleh dipakai. Hapus "
                     "atribut itu.")
                )
            if value and value.strip().lower().startswith(("javascript:", "data:text/html")):
                self.found.append(
                    (line, f"alamat '{value[:30]}' menjalankan skrip dan tidak boleh dipakai.")
                )

    handle_startendtag = handle_starttag


def check_html_safety(page):
    scanner = _HtmlScanner()
    # Blank out fenced code so that examples inside ``` are not taken for HTML.
    body = []
    in_fence = False
    for line in page.body.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            body.append("")
        else:
            body.append("" if in_fence else line)
    scanner.feed("\n".join(body))
    scanner.close()
    problems = [Problem(page.rel, page.body_line + line - 1, msg) for line, msg in scanner.found]
    for number, line in prose_lines(page):
        if JS_URL.search(line) and not any(p.line == number for p in problems):
            problems.append(
                Problem(page.rel, number, "tautan 'javascript:' tidak boleh dipakai. Pakai "
                        "alamat https:// atau tautan ke halaman lain.")
            )
    return problems


def check_contacts(page):
    problems = []
    for number, line in prose_lines(page):
        text = without_placeholders(line)
        for pattern in (PHONE, EMAIL, CONTACT_LINK):
            match = pattern.search(text)
            if match:
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        f"'{match.group(0).strip()}' tampak seperti nomor telepon, WhatsApp atau "
                        "surel yang diketik langsung. Kontak hanya boleh ditulis lewat "
                        "{{ kontak: nama }} dari data/contacts.yml, supaya tidak ada nomor salah "
                        "(nomor calo) di situs ini.",
                    )
                )
                break
    return problems


def check_articles(page):
    problems = []
    for number, line in prose_lines(page):
        text = without_placeholders(line)
        for match in PASAL.finditer(text):
            article = int(match.group(1))
            rest = re.split(r"(?<=[.;])\s", text[match.end():], maxsplit=1)[0]
            if OTHER_LAWS.search(rest[:80]):
                continue
            if not 1 <= article <= UU18_LAST_ARTICLE:
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        f"'Pasal {article}' tidak ada di UU 18/2017 (pasalnya 1 sampai "
                        f"{UU18_LAST_ARTICLE}). Periksa nomor pasal di lembar fakta; kalau pasal "
                        "itu dari peraturan lain, sebutkan peraturannya (misalnya 'PP 59/2021').",
                    )
                )
    return problems


def check_typed_facts(page):
    problems = []
    for number, line in prose_lines(page):
        text = without_placeholders(line)
        if TYPED_PENALTY.search(text):
            problems.append(
                Problem(
                    page.rel,
                    number,
                    "ancaman penjara atau denda diketik langsung. Pakai {{ pidana: 81 }} atau "
                    "{{ tabel: pidana }} supaya angkanya sama dengan data/penalties.yml.",
                )
            )
        elif TYPED_AGE.search(text):
            problems.append(
                Problem(
                    page.rel,
                    number,
                    "batas usia diketik langsung. Tulis {{ fakta: usia_minimal }} supaya sama "
                    "dengan data/facts.yml.",
                )
            )
    return problems


def check_leftovers(page):
    problems = []
    for number, line in prose_lines(page):
        match = LEFTOVER.search(line)
        if match:
            problems.append(
                Problem(
                    page.rel,
                    number,
                    f"sisa catatan penulisan '{match.group(0)}' masih ada. Selesaikan atau hapus "
                    "sebelum halaman terbit.",
                )
            )
    return problems


def check_page(page, lang):
    """Every source check for one page (front matter problems are in page.problems)."""
    return (
        check_facts(page, lang)
        + check_html_safety(page)
        + check_contacts(page)
        + check_articles(page)
        + check_typed_facts(page)
        + check_leftovers(page)
    )
