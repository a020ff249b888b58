"""Structural checks between an Indonesian page and its Banjar translation.

A translation may reword everything, but it must keep the page's skeleton, so that no step,
link, fact or warning is silently lost:

- the same heading outline: levels and explicit {#ids}, in the same order;
- in each section (the text under one heading): the same link and image targets, the same
  data placeholders ({{ kind: key }}), the same admonitions/details (by type), and the same
  number of list items (checklist, numbered, plain) and table rows;
- a body that is not simply the Indonesian text (an untranslated copy).

- in each section, the same article numbers ("Pasal 81") and the same numbers in the text,
  whether typed in digits or in words ("sepuluh tahun", "lima belas miliar" = 10 tahun,
  15000000000), so that a penalty, an amount or an age typed into one language is found.

Items are compared per section, not in strict order, because word order within a sentence may
differ between the two languages. The comparison runs on every pair whatever its pin says:
also when the Indonesian page changed since the translation was pinned (state "usang"; the
messages then say so), and an unreadable pin is an error of its own (schemas.Translation).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from . import DEFAULT_LANGUAGE, pages, translation
from .content_checks import PASAL, prose_lines
from .facts import PLACEHOLDER
from .problems import Problem

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ATTRS = re.compile(r"(?<!\{)\{([^{}]*)\}\s*$")
ATTR_ID = re.compile(r"(?:^|\s)#([\w.:-]+)")
INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)")
REFERENCE = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s|$)")
AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^>\s]+)>")
HTML_URL = re.compile(r"\b(href|src)\s*=\s*[\"']([^\"']+)[\"']")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*([\w-]+)")
CHECKLIST = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+\S")
BULLET = re.compile(r"^\s*[-*+]\s+\S")
TABLE_ROW = re.compile(r"^\s*\|")

# Kinds of items, named as in messages. Keyed kinds are compared item by item (link target,
# placeholder, box type); counted kinds by number only.
KEYED = ("tautan", "gambar", "data", "kotak", "pasal", "angka")
COUNTED = {
    "centang": "butir daftar periksa (- [ ])",
    "nomor": "butir daftar bernomor (1. 2. ...)",
    "butir": "butir daftar (- ...)",
    "tabel": "baris tabel",
}


@dataclass
class Heading:
    level: int
    anchor: str  # the explicit {#id}, or "" when the heading has none
    source: str  # the heading line as written
    line: int

    @property
    def key(self):
        return (self.level, self.anchor)


@dataclass
class Outline:
    rel: str
    first_line: int
    last_line: int
    headings: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (section, kind, key, line)
    body: str = ""


def heading_of(line, number):
    match = HEADING.match(line)
    if not match:
        return None
    attrs = ATTRS.search(match.group(2))
    anchor = ""
    if attrs:
        found = ATTR_ID.search(attrs.group(1))
        anchor = found.group(1) if found else ""
    return Heading(len(match.group(1)), anchor, line.strip(), number)


# Numbers in words, Indonesian and Banjar (../shared/sources/banjar/glossary-id-bjn.tsv).
DIGIT_WORDS = {
    "satu": 1, "asa": 1, "dua": 2, "tiga": 3, "talu": 3, "empat": 4, "ampat": 4, "lima": 5,
    "enam": 6, "anam": 6, "tujuh": 7, "pitu": 7, "delapan": 8, "walu": 8, "sembilan": 9, "sanga": 9,
    "sepuluh": 10, "sapuluh": 10, "sebelas": 11, "sabalas": 11, "seratus": 100, "saratus": 100,
    "seribu": 1000, "saribu": 1000,
}
MULTIPLIERS = {"belas": None, "balas": None, "puluh": 10, "ratus": 100}
SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}
# Spelled numbers count only before a unit: "sepuluh tahun", "lima belas miliar", "dua juta".
UNIT = r"(?:tahun|bulan|minggu|hari|jam|persen|rupiah|ribu|juta|miliar|milyar|triliun)\b"
NUMBER_WORDS = re.compile(
    r"\b((?:(?:" + "|".join(list(DIGIT_WORDS) + list(MULTIPLIERS) + list(SCALES)) + r")\s+)+)(?=" + UNIT + ")",
    re.IGNORECASE,
)
DIGITS = re.compile(
    r"(?:(?<=Rp)|(?<=Rp )|(?<![\w.,/#-]))(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(ribu|juta|miliar|milyar|triliun)\b)?(?![\w/])"
)
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^{}]*\}|<[^>]*>|`[^`]*`|https?://\S+")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")


def words_value(text):
    """"lima belas miliar" -> 15000000000; None when the words are not one number."""
    total, current, seen = 0, 0, False
    for word in text.lower().split():
        if word in DIGIT_WORDS:
            current += DIGIT_WORDS[word]
        elif word in ("belas", "balas"):
            current += 10
        elif word in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[word]
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def numbers_of(line):
    """Every number of one line of text, as a plain value: "Rp15.000.000.000", "15 miliar" and
    "lima belas miliar" are all 15000000000; "10 (sepuluh) tahun" is 10 once."""
    text = LINK_TARGET.sub(" ", line)
    text = PASAL.sub(" ", text)
    text = LIST_MARKER.sub(" ", text)
    text = re.sub(r"\(\s*[a-z][a-z\s]*\)", " ", text)  # "10 (sepuluh) tahun": the words repeat the digits
    values = []
    for match in DIGITS.finditer(text):
        whole, fraction, scale = match.groups()
        number = float(whole.replace(".", "") + ("." + fraction if fraction else ""))
        value = number * SCALES[scale.lower()] if scale else number
        values.append(str(int(value)) if value == int(value) else str(value))
    for match in NUMBER_WORDS.finditer(text):
        words = match.group(1)
        following = text[match.end():].split(None, 1)[0].lower() if text[match.end():].strip() else ""
        if following in SCALES:  # "lima belas miliar": the scale is the unit the lookahead saw
            words += following
        value = words_value(words)
        if value is not None:
            values.append(str(value))
    return values


def number_items(text):
    """("pasal", "Pasal 81") and ("angka", "10") for the article numbers and numbers of a text."""
    for match in PASAL.finditer(text):
        for number in re.findall(r"\d+", match.group(0)):
            yield "pasal", f"Pasal {number}"
    for value in numbers_of(text):
        yield "angka", value


def items_of(line):
    """Yield (kind, key) for every structural item on one line outside code."""
    for match in PLACEHOLDER.finditer(line):
        yield "data", f"{{{{ {match.group(1)}: {match.group(2)} }}}}"
    line = PLACEHOLDER.sub(" ", line)
    yield from number_items(line)
    for match in INLINE_LINK.finditer(line):
        yield ("gambar" if match.group(1) else "tautan"), match.group(2)
    match = REFERENCE.match(line)
    if match:
        yield "tautan", match.group(2)
    for match in AUTOLINK.finditer(line):
        yield "tautan", match.group(1)
    for match in HTML_URL.finditer(line):
        yield ("gambar" if match.group(1) == "src" else "tautan"), match.group(2)
    match = ADMONITION.match(line)
    if match:
        yield "kotak", f"{match.group(1).rstrip('+')} {match.group(2)}"
    if CHECKLIST.match(line):
        yield "centang", ""
    elif NUMBERED.match(line):
        yield "nomor", ""
    elif BULLET.match(line):
        yield "butir", ""
    if TABLE_ROW.match(line):
        yield "tabel", ""


def outline(path):
    page = pages.read_page(path)
    lines = page.body.split("\n")
    result = Outline(page.rel, page.body_line, page.body_line + len(lines) - 1, body=page.body)
    for number, line in prose_lines(page):
        heading = heading_of(line, number)
        if heading:
            result.headings.append(heading)
            # Article numbers and numbers in a heading belong to the section it opens.
            text = ATTRS.sub("", PLACEHOLDER.sub(" ", HEADING.match(line).group(2)))
            for kind, key in number_items(text):
                result.items.append((len(result.headings), kind, key, number))
            continue
        for kind, key in items_of(line):
            result.items.append((len(result.headings), kind, key, number))
    return result


def normalized(body):
    return "\n".join(line.rstrip() for line in body.strip().split("\n"))


def compare_headings(source, target):
    """Problems (at most one) for the first difference in the heading outline."""
    ours, theirs = source.headings, target.headings
    matcher = SequenceMatcher(a=[h.key for h in ours], b=[h.key for h in theirs], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 != j2 - j1:
            # Unequal blocks: name a heading that is really gone, or really added.
            if ours[i1].key in {h.key for h in theirs}:
                tag = "insert"
            elif theirs[j1].key in {h.key for h in ours}:
                tag = "delete"
        if tag == "delete" or (tag == "replace" and i2 - i1 != j2 - j1):
            missing = ours[i1]
            line = theirs[j1].line if j1 < len(theirs) else target.last_line
            keep = f"tingkat ({'#' * missing.level})" + (
                f" dan {{#{missing.anchor}}}" if missing.anchor else "")
            return [Problem(
                target.rel, line,
                f"bagian '{missing.source}' ada di {source.rel}:{missing.line} tetapi tidak ada "
                "di terjemahan. Tambahkan bagian itu di sekitar baris ini: terjemahkan judulnya, "
                f"tetapi biarkan {keep} sama.",
            )]
        if tag == "insert":
            extra = theirs[j1]
            return [Problem(
                target.rel, extra.line,
                f"bagian '{extra.source}' tidak ada di {source.rel}. Hapus bagian itu, atau "
                "tambahkan dulu bagian yang sama ke halaman Indonesia.",
            )]
        wrong, wanted = theirs[j1], ours[i1]
        return [Problem(
            target.rel, wrong.line,
            f"judul '{wrong.source}' tidak cocok dengan '{wanted.source}' di "
            f"{source.rel}:{wanted.line}. Tingkat judul (jumlah #) dan {{#id}}-nya harus sama "
            "dengan halaman Indonesia; hanya teks judulnya yang diterjemahkan.",
        )]
    return []


def compare_items(source, target, by_section):
    """Problems for links, data, boxes and list/table counts that differ (first per kind)."""
    def section(item):
        return item[0] if by_section else 0

    def heading_text(index):
        return source.headings[index - 1].source if by_section and index else ""

    def start_line(index):
        return target.headings[index - 1].line if by_section and index else target.first_line

    problems = []
    sections = sorted({section(i) for i in source.items + target.items})
    for index in sections:
        where = f" (di bagian '{heading_text(index)}')" if heading_text(index) else ""
        for kind in list(KEYED) + list(COUNTED):
            ours = [i for i in source.items if section(i) == index and i[1] == kind]
            theirs = [i for i in target.items if section(i) == index and i[1] == kind]
            if kind in COUNTED:
                if len(ours) != len(theirs):
                    at = f"{source.rel}:{ours[0][3]}" if ours else source.rel
                    problems.append(Problem(
                        target.rel, (theirs[0][3] if theirs else start_line(index)),
                        f"{COUNTED[kind]}{where}: {len(ours)} di {at}, tetapi {len(theirs)} di "
                        "terjemahan. Terjemahkan setiap butir, jangan dihapus atau ditambah.",
                    ))
                continue
            missing = Counter(i[2] for i in ours) - Counter(i[2] for i in theirs)
            extra = Counter(i[2] for i in theirs) - Counter(i[2] for i in ours)
            if missing and extra and kind in ("pasal", "angka"):
                first = next(i for i in ours if i[2] in missing)
                wrong = next(i for i in theirs if i[2] in extra)
                problems.append(Problem(
                    target.rel, wrong[3],
                    f"{kind} '{wrong[2]}' di terjemahan tidak cocok dengan {kind} '{first[2]}' di "
                    f"{source.rel}:{first[3]}{where}. Tulis {kind} yang sama seperti di halaman "
                    "Indonesia; hanya kata-katanya yang diterjemahkan.",
                ))
            elif missing:
                first = next(i for i in ours if i[2] in missing)
                problems.append(Problem(
                    target.rel, start_line(index),
                    f"{kind} '{first[2]}' ada di {source.rel}:{first[3]} tetapi tidak ada "
                    f"di terjemahan{where}. Tambahkan {kind} yang sama, tanpa diubah.",
                ))
            elif extra:
                first = next(i for i in theirs if i[2] in extra)
                problems.append(Problem(
                    target.rel, first[3],
                    f"{kind} '{first[2]}' ada di terjemahan tetapi tidak ada di "
                    f"{source.rel}{where}. Hapus, atau tambahkan dulu ke halaman Indonesia.",
                ))
    return problems


def untranslated(source, target):
    if normalized(source.body) != normalized(target.body):
        return []
    return [Problem(
        target.rel, target.first_line,
        f"isi halaman ini sama persis dengan {source.rel}: belum diterjemahkan. Terjemahkan "
        "ke bahasa Banjar; teks Indonesia tidak boleh tampil sebagai halaman Banjar.",
    )]


def without_heading_items(outline_):
    lines = {h.line for h in outline_.headings}
    return Outline(outline_.rel, outline_.first_line, outline_.last_line, outline_.headings,
                   [i for i in outline_.items if i[3] not in lines], outline_.body)


OUTDATED_NOTE = (" Halaman Indonesia sudah berubah sejak terjemahan ini dibuat: perbarui terjemahannya, "
                 "lalu jalankan 'make translation-status PIN={rel}'.")


def check_pair(id_path, bjn_path, outdated=False):
    """Every structural difference between an Indonesian page and its translation, whatever
    the pin says. For an outdated translation each message also says to update and re-pin."""
    source, target = outline(id_path), outline(bjn_path)
    if untranslated(source, target):
        return untranslated(source, target)
    problems = compare_headings(source, target)
    if problems:  # a heading already reported: its numbers are not reported again
        source, target = without_heading_items(source), without_heading_items(target)
    items = compare_items(source, target, by_section=not problems)
    problems = problems + sorted(items, key=lambda p: p.line)
    if outdated:
        note = OUTDATED_NOTE.format(rel=target.rel)
        problems = [Problem(p.path, p.line, p.message + note) for p in problems]
    return problems


def check_all(docs=None):
    """Problems for every pair of pages, outdated or not."""
    problems = []
    for name, by_lang in pages.pairs(docs):
        status = translation.status_of(name, by_lang)
        if status.state == translation.MISSING:
            continue
        for lang, path in by_lang.items():
            if lang != DEFAULT_LANGUAGE:
                outdated = status.state == translation.OUTDATED
                problems += check_pair(by_lang[DEFAULT_LANGUAGE], path, outdated)
    return problems
