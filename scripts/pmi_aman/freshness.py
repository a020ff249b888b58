"""How old the contacts and the pages are allowed to be (limits in data/limits.yml).

- A contact whose `confirmed` date is older than `contact_confirmed_months` is an error, unless
  the entry says with `reconfirm:` that it must be confirmed again: then it is a warning.
- A page whose `reviewed:` date is older than `page_reviewed_months` is a warning.
"""

import datetime as dt
import re
from pathlib import Path

from . import DATA, DOCS, LANGUAGES, pages, schemas
from .problems import Problem

def limits(data=DATA):
    """The limits, and the problems of the limits file itself (its shape: schemas.Limits)."""
    doc = schemas.read(Path(data) / "limits.yml")
    found = doc.data if isinstance(doc.data, dict) else {}
    return {key: value for key, value in found.items() if doc.clean((key,))}, doc.problems


def as_date(value):
    """A date from 2025-04-10, "2025-04-10" or a month "2018-02" (the 1st of that month)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    return dt.date.fromisoformat(text)


def months_between(start, end):
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def check_contacts(contacts, today=None, data=DATA, doc=None):
    """(errors, warnings) for contacts confirmed longer ago than the limit. `doc`: the
    schemas.Document of data/contacts.yml, for the lines (read from `data` when not given).
    A `confirmed` that is not a date is a problem of the schema (schemas.Contact)."""
    today = today or dt.date.today()
    found, problems = limits(data)
    limit = found.get("contact_confirmed_months")
    if limit is None:
        return problems, []
    warnings = []
    for key, contact in contacts.items():
        if contact.get("confirmed") is None:  # the sheet gives no date (CONTRIBUTING)
            finding = f"kontak '{key}' tidak punya tanggal konfirmasi (confirmed: null)."
        else:
            try:
                confirmed = as_date(contact["confirmed"])
            except (TypeError, ValueError):
                continue  # not a date: reported by the schema
            age = months_between(confirmed, today)
            if age <= limit:
                continue
            finding = (f"kontak '{key}' terakhir dikonfirmasi {contact['confirmed']}, {age} bulan "
                       f"lalu (batas {limit} bulan, data/limits.yml).")
        doc = doc or schemas.read(Path(data) / "contacts.yml")
        line = doc.line((key,))
        if contact.get("reconfirm"):
            warnings.append(Problem("data/contacts.yml", line, finding + (
                f" Kontak ini ditandai harus dikonfirmasi ulang ({contact['reconfirm']}): telepon atau periksa sumber resmi, "
                "lalu perbarui 'confirmed', 'source' dan lembar fakta, dan hapus 'reconfirm'.")))
        else:
            problems.append(Problem("data/contacts.yml", line, finding + (
                " Konfirmasi ulang kontak ini dari sumber resmi lalu perbarui 'confirmed' dan "
                "'source'; kalau belum bisa, tulis 'reconfirm: alasan' supaya tercatat sebagai "
                "kontak yang harus diperiksa, atau hapus kontak ini.")))
    return problems, warnings


def check_pages(docs=DOCS, today=None, data=DATA):
    """Warnings for pages reviewed longer ago than the limit."""
    today = today or dt.date.today()
    found, problems = limits(data)
    limit = found.get("page_reviewed_months")
    if limit is None:
        return problems
    warnings = []
    for lang in LANGUAGES:
        for path in pages.markdown_files(lang, docs):
            page = pages.read_page(path, today=today, lang=lang)
            reviewed = page.meta.get("reviewed")
            if not isinstance(reviewed, dt.date):
                continue  # a missing or impossible date is already an error of read_page
            age = months_between(reviewed, today)
            if age > limit:
                warnings.append(Problem(page.rel, pages.line_of_key(page.front, "reviewed"), (
                    f"halaman ini terakhir diperiksa {reviewed}, {age} bulan lalu (batas {limit} "
                    "bulan, data/limits.yml). Periksa lagi isinya dengan lembar fakta, lalu tulis "
                    "tanggal hari ini di 'reviewed:'.")))
    return warnings
