"""Issue 18, class 4: contacts confirmed longer ago than data/limits.yml allows fail (unless
marked for re-confirmation, which warns); pages reviewed longer ago than their limit warn."""

import datetime as dt

import pytest

from conftest import ROOT
from pmi_aman import facts, freshness

TODAY = dt.date(2026, 12, 2)
DATA = ROOT / "data"


def key_line(key):
    """The line of `key:` in the real data/contacts.yml."""
    return (DATA / "contacts.yml").read_text(encoding="utf-8").split("\n").index(f"{key}:") + 1


def contact(confirmed, reconfirm=None):
    entry = {"confirmed": confirmed}
    if reconfirm:
        entry["reconfirm"] = reconfirm
    return {"kp2mi_call_center": entry}  # a real key: its line in data/contacts.yml is known


@pytest.mark.parametrize("confirmed, months", [
    (dt.date(2025, 11, 1), 13),  # a date, just past 12 months
    ("2025-04-10", 19),  # a quoted date
    ("2018-02", 106),  # a month only (counted from the 1st)
    (dt.date(2020, 1, 1), 83),
])
def test_old_contact_fails_with_file_and_line(confirmed, months):
    errors, warnings = freshness.check_contacts(contact(confirmed), TODAY, DATA)
    assert warnings == []
    assert len(errors) == 1, errors
    assert errors[0].path == "data/contacts.yml"
    assert errors[0].line == key_line("kp2mi_call_center")
    assert f"terakhir dikonfirmasi {confirmed}, {months} bulan lalu (batas 12 bulan, data/limits.yml)" in errors[0].message
    assert "Konfirmasi ulang kontak ini dari sumber resmi" in errors[0].message


@pytest.mark.parametrize("confirmed", [dt.date(2026, 11, 30), dt.date(2025, 12, 2), "2026-01"])
def test_recent_contact_passes(confirmed):
    assert freshness.check_contacts(contact(confirmed), TODAY, DATA) == ([], [])


def test_contact_marked_for_reconfirmation_only_warns():
    errors, warnings = freshness.check_contacts(contact("2018-02", "tanya ke Kemlu"), TODAY, DATA)
    assert errors == []
    assert len(warnings) == 1
    assert "ditandai harus dikonfirmasi ulang (tanya ke Kemlu)" in warnings[0].message


def test_contact_without_a_date_fails_unless_marked_for_confirmation():
    errors, warnings = freshness.check_contacts(contact(None), TODAY, DATA)
    assert warnings == [] and len(errors) == 1
    assert errors[0].line == key_line("kp2mi_call_center")
    assert "tidak punya tanggal konfirmasi (confirmed: null)" in errors[0].message
    errors, warnings = freshness.check_contacts(contact(None, "sumber tanpa tanggal"), TODAY, DATA)
    assert errors == [] and len(warnings) == 1
    assert "ditandai harus dikonfirmasi ulang (sumber tanpa tanggal)" in warnings[0].message


@pytest.mark.parametrize("confirmed", ["kemarin", "\"2026-13\"", "2026-02-30"])
def test_unreadable_confirmation_date_fails(confirmed):
    """Not a date: a problem of the schema (schemas.Contact), named at its line."""
    text = (DATA / "contacts.yml").read_text(encoding="utf-8").replace(
        "  confirmed: 2025-04-10\n", f"  confirmed: {confirmed}\n", 1)
    problems = facts.schemas.validate(facts.schemas.parse(text, "data/contacts.yml"), facts.schemas.SPECS["contacts"]).problems
    assert len(problems) == 1, problems
    assert problems[0].line == text.split("\n").index(f"  confirmed: {confirmed}") + 1
    assert f"'confirmed: {confirmed.strip(chr(34))}' bukan tanggal" in problems[0].message
    # freshness itself passes such a contact by, instead of failing on it
    assert freshness.check_contacts(contact(confirmed), TODAY, DATA) == ([], [])


@pytest.mark.parametrize("text, expected", [
    ("contact_confirmed_months: dua belas\npage_reviewed_months: 12\n", "'contact_confirmed_months: dua belas' harus berupa bilangan bulat"),
    ("contact_confirmed_months: 12\n", "belum punya 'page_reviewed_months'"),
    ("contact_confirmed_months: 0\npage_reviewed_months: 12\n", "'contact_confirmed_months: 0' harus paling sedikit 1"),
])
def test_bad_limits_file_fails(tmp_path, text, expected):
    (tmp_path / "limits.yml").write_text(text, encoding="utf-8")
    found, problems = freshness.limits(tmp_path)
    assert any(expected in p.message for p in problems), problems
    assert all("jumlah bulan" in p.message for p in problems), problems
    assert "contact_confirmed_months" not in found or "page_reviewed_months" not in found


def test_limit_comes_from_the_limits_file(tmp_path):
    (tmp_path / "limits.yml").write_text("contact_confirmed_months: 24\npage_reviewed_months: 6\n", encoding="utf-8")
    assert freshness.check_contacts(contact("2025-04-10"), TODAY, tmp_path) == ([], [])
    errors, _ = freshness.check_contacts(contact("2024-11"), TODAY, tmp_path)
    assert "25 bulan lalu (batas 24 bulan" in errors[0].message


def test_real_contacts_are_recent_or_marked_for_reconfirmation():
    """Today every contact is older than 12 months (the sheet's newest contact source is
    10 April 2025): each one carries `reconfirm`, and none may be added without it."""
    errors, warnings = freshness.check_contacts(facts.load("contacts"))
    assert errors == []
    stale = {w.message.split("'")[1] for w in warnings}
    assert stale <= set(facts.load("contacts"))


# A page whose line 4 is 'reviewed: {reviewed}'.
PAGE = (ROOT / "tests/fixtures/reviewed-page.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("reviewed, months, warns", [
    ("2025-11-01", 13, True), ("2024-01-15", 34, True), ("2025-12-02", 12, False), ("2026-11-28", 0, False),
])
def test_old_page_review_warns(tmp_path, reviewed, months, warns):
    (tmp_path / "docs/id").mkdir(parents=True)
    (tmp_path / "docs/bjn").mkdir(parents=True)
    (tmp_path / "docs/id/contoh.md").write_text(PAGE.format(reviewed=reviewed), encoding="utf-8")
    warnings = freshness.check_pages(tmp_path / "docs", TODAY, DATA)
    if not warns:
        assert warnings == []
        return
    assert len(warnings) == 1
    assert warnings[0].path.endswith("docs/id/contoh.md") and warnings[0].line == 4
    assert f"terakhir diperiksa {reviewed}, {months} bulan lalu (batas 12 bulan" in warnings[0].message


def test_real_pages_are_reviewed_within_the_limit():
    assert freshness.check_pages() == []


def test_old_review_warns_but_builds_and_stale_contact_stops_the_build(buildable_copy, data_defects):
    """buildable_copy (conftest.py): docs/id/biaya.md reviewed 2024-01-15; data_defects: the
    `reconfirm` line of kemlu_hotline removed from data/contacts.yml."""
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    assert "PERINGATAN docs/id/biaya.md:4: halaman ini terakhir diperiksa 2024-01-15" in buildable_copy.output

    assert data_defects.result.returncode != 0
    line = key_line("kemlu_hotline")
    assert f"data/contacts.yml:{line}: kontak 'kemlu_hotline' terakhir dikonfirmasi 2018-02" in data_defects.output
