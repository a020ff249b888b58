"""Render facts from data/*.yml into Markdown, identically in every language.

A page writes a placeholder instead of typing a fact:

    {{ kontak: kp2mi_call_center }}     a contact as a link (tel:, WhatsApp or https)
    {{ fakta: usia_minimal }}           a single fact: "18 tahun", "Rp5 miliar", a date
    {{ pidana: 81 }}                    one penalty: "penjara paling lama 10 tahun dan denda ..."
    {{ tabel: pidana }}                 the table of criminal penalties
    {{ tabel: sanksi-administratif }}   the table of administrative sanctions
    {{ tabel: kontak }}                 the table of every contact, with the date it was confirmed
    {{ tabel: kontak-utama }}           the main contacts only (used on the help card and printouts)
    {{ tabel: status-terjemahan }}      the state of every Banjar translation (for translators)
    {{ tabel: selebaran }}              the handout PDFs (pmi_aman/plugin/print_guide.py)
    {{ tabel: periksa-tawaran }}        the offer check's questions (pmi_aman/offer_check.py)
    {{ tabel: periksa-tawaran-hasil }}  the offer check's result: danger signs, Pasal, penalties

An unknown kind or key is an error that names the file and line.
"""

import datetime as dt
import re
from functools import lru_cache

from . import DATA, freshness, schemas, source_refs, strings, translation
from .problems import Problem

PLACEHOLDER = re.compile(r"\{\{\s*([a-z-]+)\s*:\s*([A-Za-z0-9_.-]+)\s*\}\}")


def labels(lang):
    """The words of the facts and tables (data/strings/<lang>.yml, facts:)."""
    return strings.load(lang)["facts"]


@lru_cache(maxsize=None)
def load(name):
    """The data of data/<name>.yml, as read for rendering (its shape: schemas.py, check_data)."""
    return schemas.parse((DATA / f"{name}.yml").read_text(encoding="utf-8"), f"data/{name}.yml").data or {}


def format_date(value, lang):
    """2026-01-02 -> "2 Januari 2026"; a month alone ("2018-02") -> "Februari 2018"."""
    months = strings.load(lang)["dates"]["months"].split()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = value.split("-")
        return f"{months[int(month) - 1]} {year}"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {months[value.month - 1]} {value.year}"


def format_rupiah(amount):
    """Indonesian style: Rp15 miliar, Rp1,5 miliar, Rp200 juta, Rp1.000.000."""
    for size, word in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta")):
        if amount >= size:
            number = f"{amount / size:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"Rp{number} {word}"
    return "Rp" + f"{amount:,}".replace(",", ".")


def format_fact(fact, lang):
    kind, value = fact["type"], fact["value"]
    if kind == "years":
        return labels(lang)["years"].format(n=value)
    if kind == "rupiah":
        return format_rupiah(value)
    if kind == "date":
        return format_date(value, lang)
    if kind == "number" and isinstance(value, int):
        return f"{value:,}".replace(",", ".")  # Indonesian thousands: 1.200
    return str(value)


def penalty_text(row, lang):
    lab = labels(lang)
    prison = lab["prison"].format(years=row["prison_years"])
    fine = lab["fine"].format(fine=format_rupiah(row["fine"]))
    if row["connector"] == "unsure":  # the sheet does not say whether prison and fine go together
        return f"{prison}; {fine} ({lab['unsure']})"
    return f"{prison} {lab[row['connector']]} {fine}"


def table_fine(row, lang):
    lab = labels(lang)
    if row["connector"] == "unsure":
        return f"{format_rupiah(row['fine'])} ({lab['unsure_short']})"
    return f"{lab[row['connector']]} {format_rupiah(row['fine'])}"


def contact_href(contact):
    """Where a contact's link goes: tel:, WhatsApp or its web address."""
    kind, value = contact["kind"], contact["value"]
    if kind == "phone":
        return f"tel:{value}"
    if kind == "whatsapp":
        return f"https://wa.me/{value}"
    return value


def contact_link(contact):
    return f"[{contact['display']}]({contact_href(contact)})"


def contact_inline(contact, lang):
    link = contact_link(contact)
    if contact["kind"] == "whatsapp":
        return f"{labels(lang)['whatsapp']} {link}"
    return link


def table_penalties(lang):
    lab = labels(lang)
    rows = [
        f"| {lab['col_pasal']} | {lab['col_act']} | {lab['col_who']} | {lab['col_prison']} | {lab['col_fine']} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in load("penalties")["criminal"]:
        pasal = row["pasal"]
        if row.get("prohibition", "-") != "-":
            pasal += f" ({lab['ban'].format(pasal=row['prohibition'])})"
        rows.append(
            f"| {pasal} | {row['act'][lang]} | {row['who'][lang]} "
            f"| {lab['years'].format(n=row['prison_years'])} "
            f"| {table_fine(row, lang)} |"
        )
    return "\n".join(rows)


def table_administrative(lang):
    lab = labels(lang)
    rows = [
        f"| {lab['col_pasal']} | {lab['col_act']} | {lab['col_who']} | {lab['col_sanction']} |",
        "| --- | --- | --- | --- |",
    ]
    for row in load("penalties")["administrative"]:
        rows.append(
            f"| {row['pasal']} | {row['act'][lang]} | {row['who'][lang]} | {lab['administrative']} |"
        )
    return "\n".join(rows)


def confirmed_date(contact, lang):
    """The date a source last named the contact, or a note when the sources give no date."""
    if contact.get("confirmed") is None:
        return labels(lang)["undated"]
    return format_date(contact["confirmed"], lang)


def table_contacts(lang, main_only=False):
    lab = labels(lang)
    rows = [
        f"| {lab['col_contact']} | {lab['col_detail']} | {lab['col_confirmed']} |",
        "| --- | --- | --- |",
    ]
    for contact in load("contacts").values():
        if main_only and not contact.get("main"):
            continue
        rows.append(
            f"| {contact['name'][lang]} | {contact_inline(contact, lang)} "
            f"| {confirmed_date(contact, lang)} |"
        )
    return "\n".join(rows)


TABLES = {
    "pidana": table_penalties,
    "sanksi-administratif": table_administrative,
    "kontak": table_contacts,
    "kontak-utama": lambda lang: table_contacts(lang, main_only=True),
    # These two depend on the edition being built; the build passes its own
    # (pmi_aman.plugin.render.page_markdown).
    "status-terjemahan": translation.status_table,
    "selebaran": lambda lang: _handouts_table(lang),
    "periksa-tawaran": lambda lang: _offer_check().checklist(lang),
    "periksa-tawaran-hasil": lambda lang: _offer_check().result(lang),
}


def _handouts_table(lang):
    from . import project
    from .plugin import print_guide  # imported here: the plugin uses this module

    return print_guide.table(lang, project.options())


def _offer_check():
    from . import offer_check  # imported here: offer_check itself uses this module

    return offer_check


def _criminal(key):
    for row in load("penalties")["criminal"]:
        if row["key"] == key:
            return row
    return None


def render_one(kind, key, lang, tables=None):
    """Return (text, error message or None). tables: more {{ tabel: ... }} made by the build."""
    if kind == "kontak":
        contact = load("contacts").get(key)
        if contact is None:
            known = ", ".join(sorted(load("contacts")))
            return None, (
                f"kontak '{key}' tidak ada di data/contacts.yml. Pakai salah satu: {known}. "
                "Kontak baru harus ditambahkan dulu ke data/contacts.yml beserta sumbernya."
            )
        return contact_inline(contact, lang), None
    if kind == "fakta":
        fact = load("facts").get(key)
        if fact is None:
            known = ", ".join(sorted(load("facts")))
            return None, f"fakta '{key}' tidak ada di data/facts.yml. Pakai salah satu: {known}."
        return format_fact(fact, lang), None
    if kind == "pidana":
        row = _criminal(key)
        if row is None:
            known = ", ".join(r["key"] for r in load("penalties")["criminal"])
            return None, f"pidana '{key}' tidak ada di data/penalties.yml. Pakai salah satu: {known}."
        return penalty_text(row, lang), None
    if kind == "tabel":
        known = {**TABLES, **(tables or {})}
        table = known.get(key)
        if table is None:
            return None, f"tabel '{key}' tidak dikenal. Pakai salah satu: {', '.join(known)}."
        return table(lang), None
    return None, (
        f"jenis '{{{{ {kind}: ... }}}}' tidak dikenal. Pakai kontak, fakta, pidana atau tabel."
    )


def render(markdown, lang, path, tables=None):
    """Replace every placeholder; return (markdown, problems)."""
    problems = []
    out = []
    for number, line in enumerate(markdown.split("\n"), start=1):

        def replace(match):
            text, error = render_one(match.group(1), match.group(2), lang, tables)
            if error:
                problems.append(Problem(path, number, error))
                return match.group(0)
            return text

        out.append(PLACEHOLDER.sub(replace, line))
    return "\n".join(out), problems


DATA_FILES = ("facts", "contacts", "penalties", "regulations")


def documents(data=None):
    """{name: schemas.Document} of the data files, each checked against its schema."""
    folder = DATA if data is None else data
    return {name: schemas.read(folder / f"{name}.yml") for name in DATA_FILES}


def _entries(docs):
    """(document, location, entry) for every fact, contact, penalty and regulation."""
    for name in ("facts", "contacts", "regulations"):
        data = docs[name].data
        for key, entry in (data.items() if isinstance(data, dict) else ()):
            yield docs[name], (key,), entry
    data = docs["penalties"].data
    for group in ("criminal", "administrative"):
        rows = data.get(group) if isinstance(data, dict) else None
        for index, entry in enumerate(rows if isinstance(rows, list) else []):
            yield docs["penalties"], (group, index), entry


def _key(loc, entry):
    return entry.get("key", "?") if isinstance(loc[-1], int) else loc[-1]


def check_sources(sources=source_refs.SOURCES, docs=None):
    """Every number of every entry appears in the part of the fact sheet its `ref` names (for
    entries whose shape is right). Nothing to compare (and an empty list) when the fact sheets
    are absent: see sheets_missing."""
    if source_refs.sheets_missing(sources):
        return []
    problems = []
    for doc, loc, entry in _entries(docs or documents()):
        if not doc.clean(loc):
            continue
        for field, message in source_refs.check_entry(_key(loc, entry), entry, sources):
            problems.append(Problem(doc.path, doc.line(loc + (field,)), message))
    return problems


def check_data(data=None):
    """Every data file has its declared shape (schemas.py: fields, types, a publishable mark,
    both languages), its numbers are in the fact sheet (when ../shared is there), and no
    contact is older than the limit in data/limits.yml without being marked for re-confirmation."""
    docs = documents(data)
    problems = [problem for doc in docs.values() for problem in doc.problems]
    contacts = docs["contacts"]
    clean = {key: entry for key, entry in (contacts.data or {}).items() if contacts.clean((key,))} \
        if isinstance(contacts.data, dict) else {}
    folder = DATA if data is None else data
    return problems + check_sources(docs=docs) + freshness.check_contacts(clean, data=folder, doc=contacts)[0]


def data_warnings():
    """Problems that do not stop the build: contacts marked for re-confirmation that are past
    the limit, and the fact sheets missing (nothing could be compared)."""
    warnings = freshness.check_contacts(load("contacts"))[1]
    missing = source_refs.sheets_missing()
    if missing:
        warnings.append(Problem("data", 0, (
            f"lembar fakta {', '.join(str(source_refs.SOURCES / m) for m in missing)} tidak "
            "ditemukan, jadi angka di data/*.yml tidak dicocokkan dengan sumbernya. Letakkan "
            "folder shared di samping folder proyek (../shared) lalu jalankan lagi.")))
    return warnings
