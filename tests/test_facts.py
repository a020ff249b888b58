"""Facts are written once in data/*.yml and rendered identically into both languages."""

import re

import pytest
from bs4 import BeautifulSoup

from pmi_aman import facts, schemas


@pytest.mark.parametrize("amount, text", [
    (15_000_000_000, "Rp15 miliar"), (1_500_000_000, "Rp1,5 miliar"),
    (200_000_000, "Rp200 juta"), (85_000_000, "Rp85 juta"), (750_000, "Rp750.000"),
])
def test_rupiah_formatting(amount, text):
    assert facts.format_rupiah(amount) == text


def test_dates_in_each_language():
    assert facts.format_date("2026-11-28", "id") == "28 November 2026"
    assert facts.format_date("2026-11-28", "bjn") == "28 Nupimbir 2026"
    assert facts.format_date("2018-02", "bjn") == "Pibuari 2018"


def test_unknown_placeholder_names_line_and_choices():
    text, problems = facts.render("a\n\nHubungi {{ kontak: calo_baik }}.", "id", "docs/id/x.md")
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].path == "docs/id/x.md"
    assert "kontak 'calo_baik' tidak ada di data/contacts.yml" in problems[0].message
    assert "kp2mi_call_center" in problems[0].message


def test_real_data_is_complete_and_publishable():
    assert facts.check_data() == []


def test_same_facts_in_both_languages(site):
    """Every number, amount and phone number on an Indonesian page is on its Banjar page."""
    pattern = re.compile(r"Rp[\d.,]+ (?:juta|miliar)|\+?\d[\d -]{5,}\d|\b\d+ tahun\b")
    for name in ("larangan-sanksi", "pengaduan-bantuan", "index", "perusahaan-penempatan"):
        path_id = site / ("index.html" if name == "index" else f"{name}/index.html")
        path_bjn = site / "bjn" / ("index.html" if name == "index" else f"{name}/index.html")
        text_id = BeautifulSoup(path_id.read_text(encoding="utf-8"), "html.parser").find("article").get_text(" ")
        text_bjn = BeautifulSoup(path_bjn.read_text(encoding="utf-8"), "html.parser").find("article").get_text(" ")
        found = sorted(set(pattern.findall(text_id)))
        assert found, name
        assert found == sorted(set(pattern.findall(text_bjn))), name


def test_unverified_fact_stops_the_build(data_defects):
    """data_defects (conftest.py): the first fact of data/facts.yml is marked UNVERIFIED."""
    text = (data_defects.root / "data/facts.yml").read_text(encoding="utf-8")
    line = text.split("\n").index("  mark: UNVERIFIED") + 1
    assert data_defects.result.returncode != 0
    assert re.search(rf"data/facts\.yml:{line}: '\w+': 'mark: UNVERIFIED' tidak boleh terbit", data_defects.output)


def test_penalty_table_follows_the_data_file(buildable_copy):
    """buildable_copy (conftest.py): prison_years 10 changed to 12 in data/penalties.yml."""
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    for page in ("site/larangan-sanksi/index.html", "site/bjn/larangan-sanksi/index.html"):
        html = (buildable_copy.root / page).read_text(encoding="utf-8")
        assert "12 tahun" in html


def test_contact_needs_a_confirmed_date_or_an_explicit_null(tmp_path):
    """A contact without `confirmed:` is a problem of its schema; `confirmed: null` is accepted
    (freshness then asks for a 'reconfirm' mark) and the contacts table says so."""
    contact = ("contoh:\n  name: {id: Contoh, bjn: Cuntuh}\n  kind: web\n  display: contoh.go.id\n"
               "  value: https://contoh.go.id/\n  source: lembar fakta 10\n  ref: legal-facts.md 10\n"
               "  mark: FROM-SECONDARY-SOURCE\n")
    path = tmp_path / "contacts.yml"
    path.write_text("# kontak\n" + contact, encoding="utf-8")
    (problem,) = schemas.read(path).problems
    assert problem.line == 2 and "'contoh' belum punya 'confirmed'" in problem.message
    path.write_text("# kontak\n" + contact + "  confirmed: null\n  reconfirm: tanpa tanggal\n", encoding="utf-8")
    assert schemas.read(path).problems == []
    assert facts.confirmed_date({"confirmed": None}, "id") == "tidak ada tanggal di sumber"
    assert facts.confirmed_date({"confirmed": None}, "bjn") == "kadada tanggal di sumber"


def test_unsure_connector_is_said_not_guessed():
    row = {"prison_years": 10, "fine": 15000000000, "connector": "unsure"}
    assert facts.penalty_text(row, "id") == (
        "penjara paling lama 10 tahun; denda paling banyak Rp15 miliar "
        "(belum pasti apakah penjara dan denda dijatuhkan bersama)")
    assert " dan denda paling" not in facts.penalty_text(row, "id")
    assert "Rp15 miliar (penghubung 'dan' atau 'dan/atau' belum pasti)" in facts.table_penalties("id")
