"""Issue 18, class 2: every entry of data/facts.yml, contacts.yml and penalties.yml names the
part of the fact sheet (../shared/sources/legal-facts*.md) its numbers come from, and a number
the sheet does not contain fails with the data file and line.

The tests read the real fact sheets at ../shared beside the project (they are there in CI,
read-only); nothing from ../shared is copied into this repository."""

import copy
import re

import pytest

from conftest import ROOT
from pmi_aman import facts, source_refs

SOURCES = ROOT.parent / "shared" / "sources"


def real(kind, key):
    if kind == "penalties":
        rows = facts.load("penalties")["criminal"] + facts.load("penalties")["administrative"]
        return copy.deepcopy(next(r for r in rows if r["key"] == key))
    return copy.deepcopy(facts.load(kind)[key])


def problems(entry, key="x"):
    return source_refs.check_entry(key, entry, SOURCES)


def test_fact_sheets_are_beside_the_project():
    missing = source_refs.sheets_missing(SOURCES)
    assert not missing, (f"lembar fakta {missing} tidak ada di {SOURCES}: folder shared harus ada "
                         "di samping folder proyek (../shared), seperti di CI.")


def test_every_real_entry_has_a_ref_and_matches_the_sheet():
    docs = facts.documents()
    assert facts.check_sources(SOURCES, docs) == []
    for doc, loc, entry in facts._entries(docs):
        assert entry.get("ref"), f"{doc.path}: {loc}"


@pytest.mark.parametrize("kind, key, field, value", [
    ("penalties", "81", "fine", 16_000_000_000),  # an amount changed
    ("penalties", "81", "fine", 1_500_000_000),  # an amount from another row of the sheet
    ("penalties", "79", "prison_years", 3),  # a duration changed
    ("penalties", "80", "prohibition", "Pasal 67"),  # the wrong prohibition
    ("penalties", "tppo4", "fine", 120_000_000),  # an UNVERIFIED minimum typed as the maximum
    ("facts", "p3mi_deposito", "value", 2_500_000_000),  # a rupiah fact
    ("facts", "usia_minimal", "value", 17),  # a years fact
    ("facts", "jumlah_hak_pmi", "value", 12),  # a count
    ("facts", "jumlah_dokumen_pasal13", "value", 9),  # a count of a lettered list (a-h = 8)
    ("facts", "kuhp_baru_berlaku", "value", "2026-01-03"),  # a date
    ("facts", "kasus_syamsudin_noor_janji_riyal", "value", 1300),  # the sheet writes "1.200 riyal"
    ("facts", "usia_minimal", "cite", "Pasal 6 huruf a UU 18/2017"),  # the article cited
    ("contacts", "kp2mi_whatsapp", "value", "628118080142"),  # one digit of a phone number
    ("contacts", "kp2mi_whatsapp", "display", "0811-8080-142"),  # the number shown
    ("contacts", "kp2mi_call_center_abroad", "value", "+622129244801"),
    ("contacts", "jobsinfo", "value", "https://jobsinfo.bp2mi.co.id/"),  # a web address
    ("contacts", "kemlu_hotline", "confirmed", "2019-02"),  # the confirmation date
])
def test_changed_number_fails_naming_the_field(kind, key, field, value):
    entry = real(kind, key)
    entry[field] = value
    found = problems(entry, key)
    assert [f for f, _ in found] == [field], found
    message = found[0][1]
    assert f"'{key}': {field} '{value}' tidak ada di sumbernya ({entry['ref']})" in message
    assert "Salin angka persis dari lembar fakta" in message


@pytest.mark.parametrize("kind, key, field, value", [
    ("contacts", "kp2mi_call_center_abroad", "display", "+62-21-2924-4800"),  # another grouping
    ("contacts", "kp2mi_call_center_abroad", "display", "(021) 2924 4800"),  # the national form
    ("contacts", "kp2mi_whatsapp", "display", "0811 8080 141"),
    ("contacts", "kp2mi_whatsapp", "value", "+62 811 8080 141"),
    ("penalties", "81", "fine", 15_000_000_000),  # the sheet writes Rp15.000.000.000
    ("penalties", "82", "fine", 15_000_000_000),  # the sheet writes Rp15 miliar
])
def test_same_number_in_another_spelling_passes(kind, key, field, value):
    entry = real(kind, key)
    entry[field] = value
    assert problems(entry, key) == []


@pytest.mark.parametrize("ref, expected", [
    ("lembar fakta 7.2", "tidak bisa dibaca. Tulis '<berkas> <bagian>'"),
    ("legal-facts-3.md 7.2 | 81", "berkas 'legal-facts-3.md' bukan lembar fakta"),
    ("legal-facts.md 7.9 | 81", "bagian '7.9' tidak ada di legal-facts.md"),
    ("legal-facts.md caveats", "fine '15000000000' tidak ada di sumbernya"),  # a named block, wrong place
    ("legal-facts.md 7.2 | 88", "tidak ada baris tabel yang diawali '88'"),
    ("legal-facts.md 7.3 | Police routinely", "fine '15000000000' tidak ada di sumbernya"),  # the wrong row
])
def test_bad_reference_fails(ref, expected):
    entry = real("penalties", "81")
    entry["ref"] = ref
    found = problems(entry, "81")
    assert found, "no problem found"
    assert any(expected in message for _, message in found), found


def test_quote_must_be_in_the_referenced_text():
    entry = real("penalties", "81")
    entry["quote"] = "Orang perseorangan yang melaksanakan penempatan PMI"
    assert problems(entry, "81") == []
    entry["quote"] = "Orang perseorangan yang membantu penempatan PMI"
    found = problems(entry, "81")
    assert [f for f, _ in found] == ["quote"]
    assert "kutipan 'Orang perseorangan yang membantu penempatan PMI' tidak ada di" in found[0][1]


def test_missing_sheet_is_named(tmp_path):
    entry = real("penalties", "81")
    found = source_refs.check_entry("81", entry, tmp_path)
    assert len(found) == 1
    assert f"lembar fakta {tmp_path / 'legal-facts.md'} tidak ditemukan" in found[0][1]
    assert "../shared harus ada di samping folder proyek" in found[0][1]


def _line(path, needle, after):
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if after in l)
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def test_changed_amount_stops_the_build_with_file_and_line(data_defects):
    """data_defects (conftest.py, with ../shared as in CI): the fine of Pasal 82 changed from
    15000000000 to 25000000000 in data/penalties.yml."""
    line = _line(data_defects.root / "data/penalties.yml", "fine: 25000000000", '- key: "82"')
    assert line == data_defects.notes["fine line"]
    assert data_defects.result.returncode != 0
    assert f"data/penalties.yml:{line}: '82': fine '25000000000' tidak ada di sumbernya" in data_defects.output


def test_build_without_the_sheets_says_what_is_missing(buildable_copy):
    assert not (buildable_copy.root.parent / "shared").exists()
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    assert re.search(r"PERINGATAN data: lembar fakta .*shared/sources/legal-facts\.md.* tidak ditemukan",
                     buildable_copy.output)
