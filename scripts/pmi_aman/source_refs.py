"""Every entry of data/facts.yml, contacts.yml and penalties.yml is tied to the fact sheet.

Each entry carries `ref:`, one reference or a list of them, each written as

    "<berkas> <bagian>"              e.g. "legal-facts.md 2.2"      (a table row numbered 2.2)
                                          "legal-facts-2.md 9.2"    (the section "### 9.2 ...")
    "<berkas> <bagian> | <kata>"     e.g. "legal-facts.md 7.2 | 81" (the row of section 7.2
                                          whose first cell starts with "81")

<berkas> is a file in ../shared/sources/. <bagian> is a heading number ("## 10.", "### 7.2") —
the text runs to the next heading of the same or a higher level — or the number in the first
cell of a table row ("| 2.2 |"). After "|", only the table rows of that text whose first cell
starts with those words are used. An entry may also carry `quote:`, a span that must appear
word for word (spaces aside) in the referenced text; a fact's `value` must then be in the quote.

The check then confirms that the numbers of the entry appear in the referenced text: amounts
(Rp15.000.000.000 = Rp15 miliar = 15000000000), durations ("10 tahun"), counts, years, dates
(2025-04-10 = "10 Apr 2025"), article numbers, phone numbers in any grouping (+62 21 2924 4800 =
+622129244800) and web addresses. A number the sheet does not contain is an error naming the
data file and line.
"""

import datetime as dt
import re
from pathlib import Path

from . import ROOT

SOURCES = ROOT.parent / "shared" / "sources"
SHEETS = ("legal-facts.md", "legal-facts-2.md")

REF = re.compile(r"^\s*(?P<file>[\w.-]+\.md)\s+§?(?P<section>\d+(?:\.\d+)*|caveats)\.?\s*(?:\|\s*(?P<row>.+?))?\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(?:§\s*)?(\d+(?:\.\d+)*)\.?\s")
ROW = re.compile(r"^\|\s*\**\s*([^|]*?)\s*\**\s*\|")
MONTHS = {
    m: i + 1
    for i, names in enumerate([
        "jan januari january", "feb februari february pebruari", "mar maret march", "apr april",
        "mei may", "jun juni june", "jul juli july", "agu agustus aug august",
        "sep sept september", "okt oktober oct october", "nov november nopember",
        "des desember dec december",
    ])
    for m in names.split()
}
SCALE = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}
RUPIAH = re.compile(r"Rp\s?(\d[\d.,]*)(?:\s*(ribu|juta|miliar|milyar|triliun)\b)?", re.IGNORECASE)
DATE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b")
MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
# "18 (delapan belas) tahun" -> "18 tahun"
SPELLED = re.compile(r"(\d)\s*\([a-z\s-]+\)", re.IGNORECASE)
PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().-]*\d")
PASAL_NUMBER = re.compile(r"\bPasal\s+(\d+)")


def sheet_text(name, sources=SOURCES):
    path = Path(sources) / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def referenced_text(ref, sources=SOURCES):
    """(text, error message) for one reference."""
    match = REF.match(str(ref))
    if not match:
        return None, (
            f"referensi '{ref}' tidak bisa dibaca. Tulis '<berkas> <bagian>', misalnya "
            "'legal-facts.md 7.2 | 81' (bagian 7.2, baris tabel yang diawali 81) atau "
            "'legal-facts.md 2.2' (baris tabel bernomor 2.2).")
    name, section, row = match.group("file", "section", "row")
    if name not in SHEETS:
        return None, f"referensi '{ref}': berkas '{name}' bukan lembar fakta. Pakai {' atau '.join(SHEETS)}."
    text = sheet_text(name, sources)
    if text is None:
        return None, (
            f"lembar fakta {Path(sources) / name} tidak ditemukan, jadi angka entri ini tidak "
            "bisa dicocokkan dengan sumbernya. Folder ../shared harus ada di samping folder proyek.")
    lines = text.split("\n")
    found = _section(lines, section)
    if found is None:
        return None, (
            f"referensi '{ref}': bagian '{section}' tidak ada di {name}. Tulis nomor judul "
            "bagian (misalnya 7.2) atau nomor di kolom pertama baris tabel (misalnya 2.2).")
    if row:
        wanted = _plain(row)
        found = [line for line in found if (cell := ROW.match(line)) and _plain(cell.group(1)).startswith(wanted)]
        if not found:
            return None, (
                f"referensi '{ref}': di bagian {section} {name} tidak ada baris tabel yang "
                f"diawali '{row}'. Salin awal kolom pertama baris itu.")
    return "\n".join(found), None


def _plain(text):
    return re.sub(r"\s+", " ", text.replace("*", "")).strip().lower()


def _section(lines, number):
    for index, line in enumerate(lines):
        heading = HEADING.match(line)
        # "caveats": the sheet's unnumbered "Top caveats to read first" block.
        named = number == "caveats" and re.match(r"^(#{1,6})\s.*\bcaveats\b", line, re.IGNORECASE)
        if named:
            heading = named
        if (heading and named) or (heading and heading.group(2) == number):
            level = len(heading.group(1))
            end = next((j for j in range(index + 1, len(lines))
                        if (h := re.match(r"^(#{1,6})\s", lines[j])) and len(h.group(1)) <= level), len(lines))
            return lines[index:end]
    for line in lines:
        cell = ROW.match(line)
        if cell and cell.group(1).strip() == number:
            return [line]
    return None


# --- what a text says: amounts, durations, numbers, dates, phones ---------------------------

def _amount(digits, scale):
    digits = digits.rstrip(".,")
    if scale:
        return round(float(digits.replace(".", "").replace(",", ".")) * SCALE[scale.lower()])
    return int(re.split(r",\d{1,2}$", digits)[0].replace(".", "").replace(",", ""))


def amounts(text):
    found = set()
    for match in RUPIAH.finditer(text):
        try:
            found.add(_amount(match.group(1), match.group(2)))
        except ValueError:
            continue
    for match in re.finditer(r"\b(\d[\d.,]*)\s*(juta|miliar|milyar|triliun)\b", text, re.IGNORECASE):
        try:
            found.add(_amount(match.group(1), match.group(2)))
        except ValueError:
            continue
    found.update(int(n) for n in re.findall(r"(?<![\d.,])(\d{7,})(?![\d.,]\d)", text))
    return found


def durations(text):
    text = SPELLED.sub(r"\1", text)
    return {int(n) for n in re.findall(r"\b(\d+)\s*(?:tahun|years?\b|-year)", text, re.IGNORECASE)}


def numbers(text):
    """Standalone numbers, plus the length of a lettered list (a. ... h. = 8) or (1)...(13)."""
    found = {int(n) for n in re.findall(r"(?<![\w./])(\d+)(?![\w]|[.,]\d)", text)}
    # Indonesian thousands: "1.200 riyal" is 1200.
    found |= {int(n.replace(".", "")) for n in re.findall(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+)(?![\w]|[.,]\d)", text)}
    letters = set(re.findall(r"^\s*>?\s*\"?([a-z])\.\s", text, re.MULTILINE))
    if "a" in letters:
        count = 0
        while chr(ord("a") + count) in letters:
            count += 1
        found.add(count)
    return found


def dates(text):
    """ISO dates (2025-04-10) and months (2018-02) a text mentions."""
    found = set()
    for day, month, year in DATE.findall(text):
        if month.lower() in MONTHS:
            try:
                found.add(dt.date(int(year), MONTHS[month.lower()], int(day)).isoformat())
            except ValueError:
                pass
    for month, year in MONTH_YEAR.findall(text):
        if month.lower() in MONTHS:
            found.add(f"{year}-{MONTHS[month.lower()]:02d}")
    for year, month, day in ISO_DATE.findall(text):
        found.add(f"{year}-{month}-{day}" if day else f"{year}-{month}")
    return found


def phone_key(value):
    """The same key for every spelling of a number: +62 21 2924 4800, 62-21-29244800, (021) 2924 4800."""
    digits = re.sub(r"\D", "", str(value))
    if digits.startswith("62") and len(digits) > 6:
        return digits[2:]
    return digits[1:] if digits.startswith("0") and len(digits) > 6 else digits


def phones(text):
    return {phone_key(m.group(0)) for m in PHONE_RUN.finditer(text)}


def _date_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --- the claims an entry makes --------------------------------------------------------------

def claims(entry):
    """(field, shown value, kind, wanted) for every number an entry states."""
    out = []
    kind = entry.get("type")
    if "value" in entry and kind:  # data/facts.yml
        value = entry["value"]
        if kind == "rupiah":
            out.append(("value", value, "amount", int(value)))
        elif kind == "years":
            out.append(("value", value, "duration", int(value)))
        elif kind == "number":
            out.append(("value", value, "number", int(value)))
        elif kind == "date":
            out.append(("value", value, "date", _date_value(value)))
    if entry.get("kind") in ("phone", "whatsapp"):  # data/contacts.yml
        out.append(("value", entry.get("value"), "phone", phone_key(entry.get("value", ""))))
        out.append(("display", entry.get("display"), "phone", phone_key(entry.get("display", ""))))
    elif entry.get("kind") == "web":
        host = re.sub(r"^https?://", "", str(entry.get("value", ""))).strip("/").lower()
        out.append(("value", entry.get("value"), "text", host))
    if entry.get("confirmed") and not entry.get("confirmed_note"):
        out.append(("confirmed", entry["confirmed"], "date", _date_value(entry["confirmed"])))
    if "prison_years" in entry:  # data/penalties.yml
        out.append(("prison_years", entry["prison_years"], "duration", int(entry["prison_years"])))
    if "fine" in entry:
        out.append(("fine", entry["fine"], "amount", int(entry["fine"])))
    for field in ("pasal", "prohibition", "cite"):
        value = str(entry.get(field) or "")
        match = PASAL_NUMBER.search(value)
        if match:
            out.append((field, value, "number", int(match.group(1))))
    return out


def _holds(kind, wanted, text):
    if kind == "amount":
        return wanted in amounts(text)
    if kind == "duration":
        return wanted in durations(text)
    if kind == "number":
        return wanted in numbers(text)
    if kind == "date":
        return wanted in dates(text)
    if kind == "phone":
        return wanted in phones(text)
    return wanted in text.lower()


def _flat(text):
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def check_entry(key, entry, sources=SOURCES):
    """(field the problem is on, Indonesian message) for every number the sheet lacks. An
    entry without `ref` is a problem of its schema (schemas.Sourced)."""
    refs = entry.get("ref")
    if not refs:
        return []
    texts, problems = [], []
    for ref in refs if isinstance(refs, list) else [refs]:
        text, error = referenced_text(ref, sources)
        if error:
            problems.append(("ref", f"'{key}': {error}"))
        else:
            texts.append(text)
    if problems:
        return problems
    text = "\n".join(texts)
    quote = entry.get("quote")
    if quote and _flat(str(quote)) not in _flat(text):
        problems.append(("quote", (
            f"'{key}': kutipan '{quote}' tidak ada di {', '.join(map(str, refs if isinstance(refs, list) else [refs]))}. "
            "Salin kutipan persis dari lembar fakta.")))
    for field, shown, kind, wanted in claims(entry):
        # A fact's value must be in the quote when there is one: "13 items", not any "(13)".
        within = str(quote) if quote and field == "value" and entry.get("type") else text
        if not _holds(kind, wanted, within):
            where = ", ".join(map(str, refs if isinstance(refs, list) else [refs]))
            problems.append((field, (
                f"'{key}': {field} '{shown}' tidak ada di sumbernya ({where}). Salin angka persis "
                "dari lembar fakta, atau perbaiki 'ref' kalau sumbernya di bagian lain. Angka yang "
                "tidak ada di lembar fakta tidak boleh terbit.")))
    return problems


def sheets_missing(sources=SOURCES):
    return [name for name in SHEETS if not (Path(sources) / name).is_file()]
