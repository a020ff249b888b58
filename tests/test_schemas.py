"""The declared shapes (pmi_aman/schemas.py): every data file and the front matter pass as they
are; one broken line of each kind (a wrong type, a missing required key, an unknown key) is
reported with the file, the line an editor must open, and a message in Indonesian.

Each case changes the real data file's text once and names the line the problem is on by its
text, not through the code under test."""

import pytest

from conftest import ROOT
from pmi_aman import facts, schemas

DATA = ROOT / "data"


def checked(name, old, new):
    """The real data/<name>.yml with `old` replaced once by `new`; returns (problems, lines)."""
    text = (DATA / f"{name}.yml").read_text(encoding="utf-8")
    assert old in text, f"{name}.yml no longer contains {old!r}: update this test"
    text = text.replace(old, new, 1)
    doc = schemas.validate(schemas.parse(text, f"data/{name}.yml"), schemas.SPECS[name])
    return doc.problems, text.split("\n")


def line_of(lines, start):
    """The first line that starts with `start`."""
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(start))


@pytest.mark.parametrize("name", sorted(schemas.SPECS))
def test_every_real_data_file_has_its_declared_shape(name):
    assert schemas.read(DATA / f"{name}.yml").problems == []


CASES = [
    # (file, text, replacement, line of the problem (its text), words of the message)
    ("facts", "  value: 18\n", '  value: "18"\n', "  value: \"18\"",
     "'usia_minimal': 'value: 18' harus berupa bilangan bulat"),
    ("facts", "  cite: \"Pasal 5 huruf a UU 18/2017\"\n", "", "usia_minimal:",
     "'usia_minimal' belum punya 'cite' (wajib diisi"),
    ("facts", "  ref: \"legal-facts.md 2.2\"\n", "  ref: \"legal-facts.md 2.2\"\n  sumber: x\n", "  sumber: x",
     "'usia_minimal': kunci 'sumber' tidak dikenal"),
    ("facts", "  type: years\n", "  type: tahun\n", "  type: tahun",
     "'usia_minimal': 'type: tahun' tidak dikenal. Pakai salah satu: 'years', 'rupiah', 'number' atau 'date'"),
    ("facts", "  value: 2026-01-02\n", "  value: 2026-02-30\n", "  value: 2026-02-30",
     "'kuhp_baru_berlaku': 'value: 2026-02-30' bukan tanggal yang sah. Tulis tanggal yang ada di kalender "
     "dalam bentuk TTTT-BB-HH"),
    ("contacts", "  kind: phone\n", "  kind: telepon\n", "  kind: telepon",
     "'kp2mi_call_center': 'kind: telepon' tidak dikenal. Pakai salah satu: 'phone', 'whatsapp' atau 'web'"),
    ("contacts", "    bjn: Pusat panggilan KP2MI/BP2MI (matan Indonesia, kada bayar pulsa)\n", "", "  name:",
     "'kp2mi_call_center': 'name' harus ditulis dalam bahasa Indonesia (id) dan bahasa Banjar (bjn)"),
    ("contacts", "  confirmed: 2025-04-10\n", "", "kp2mi_call_center:",
     "'kp2mi_call_center' belum punya 'confirmed' (wajib diisi"),
    ("contacts", "  confirmed: 2025-04-10\n", "  confirmed: kemarin\n", "  confirmed: kemarin",
     "'kp2mi_call_center': 'confirmed: kemarin' bukan tanggal. Tulis 2025-04-10, atau \"2025-04\""),
    ("contacts", "  confirmed: 2025-04-10\n", "  confirmed: \"2025-13\"\n", "  confirmed: \"2025-13\"",
     "'confirmed: 2025-13' bukan tanggal"),
    ("contacts", "  main: true\n", "  utama: true\n", "  utama: true",
     "'kp2mi_call_center': kunci 'utama' tidak dikenal. Kunci yang boleh di sini: "),
    ("contacts", "  main: true\n", "  mian: true\n", "  mian: true", "kunci 'mian' tidak dikenal; maksudnya 'main'?"),
    ("penalties", "    prison_years: 2\n", "    prison_years: dua\n", "    prison_years: dua",
     "'79': 'prison_years: dua' harus berupa bilangan bulat"),
    ("penalties", "    connector: and_or\n", "", '  - key: "79"', "'79' belum punya 'connector'"),
    ("penalties", '  - key: "79"\n', "  - key: 79\n", "  - key: 79",
     "'79': 'key: 79' harus berupa teks (apit dengan tanda kutip"),
    ("penalties", "    law: \"UU 18/2017\"\n", "    law: \"UU 18/2017\"\n    pasal_larangan: x\n", "    pasal_larangan: x",
     "'79': kunci 'pasal_larangan' tidak dikenal"),
    ("regulations", "  year: 2007\n", "  year: \"2007\"\n", "  year: \"2007\"",
     "'uu-21-2007': 'year: 2007' harus berupa bilangan bulat"),
    ("regulations", "  kind: Perppu\n", "  kind: Perpu\n", "  kind: Perpu", "'kind: Perpu' tidak dikenal"),
    ("regulations", "  title: Pelindungan Pekerja Migran Indonesia\n", "", "uu-18-2017:",
     "'uu-18-2017' belum punya 'title'"),
    ("regulations", "  mark: VERIFIED-VERBATIM\n", "  mark: VERIFIED-VERBATIM\n  catatan: x\n", "  catatan: x",
     "'uu-18-2017': kunci 'catatan' tidak dikenal"),
    ("offer_check", "    danger: ya\n", "    danger: iya\n", "    danger: iya",
     "pertanyaan 'perseorangan': 'danger: iya' tidak dikenal. Pakai salah satu: 'ya' atau 'tidak'"),
    ("offer_check", "    contacts: [polisi, kp2mi_call_center]\n", "    contacts: polisi\n", "    contacts: polisi",
     "pertanyaan 'perseorangan': 'contacts: polisi' harus berupa daftar"),
    ("offer_check", "    mark: FROM-SECONDARY-SOURCE\n", "", "  - key: perseorangan",
     "pertanyaan 'perseorangan' belum punya 'mark'"),
    ("offer_check", "    cite: Pasal 69 UU 18/2017\n", "    cite: Pasal 69 UU 18/2017\n    sitasi: x\n", "    sitasi: x",
     "pertanyaan 'perseorangan': kunci 'sitasi' tidak dikenal"),
    ("offer_check", "  - key: perseorangan\n", "  - key: Perseorangan\n", "  - key: Perseorangan",
     "'key: Perseorangan' hanya boleh huruf kecil, angka dan garis bawah"),
    ("limits", "contact_confirmed_months: 12\n", "contact_confirmed_months: dua belas\n",
     "contact_confirmed_months: dua belas", "'contact_confirmed_months: dua belas' harus berupa bilangan bulat"),
    ("limits", "contact_confirmed_months: 12\n", "contact_confirmed_months: 0\n", "contact_confirmed_months: 0",
     "'contact_confirmed_months: 0' harus paling sedikit 1"),
    ("limits", "page_reviewed_months: 12\n", "page_reviewed_months: 12\npage_review_months: 12\n", "page_review_months: 12",
     "kunci 'page_review_months' tidak dikenal; maksudnya 'page_reviewed_months'?"),
    ("external_domains", "wa.me: ", "https://wa.me/: ", "https://wa.me/: ", "'https://wa.me/' bukan nama domain"),
    ("external_domains", "github.com: Tempat", "github.com: 12\ngithub.io: Tempat", "github.com: 12",
     "domain 'github.com' harus berupa teks"),
]


@pytest.mark.parametrize("name, old, new, at, words", CASES, ids=[f"{c[0]}: {c[4][:40]}" for c in CASES])
def test_broken_data_names_file_line_and_fix(name, old, new, at, words):
    problems, lines = checked(name, old, new)
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    assert problem.path == f"data/{name}.yml"
    assert problem.line == line_of(lines, at)
    assert words in problem.message, problem.message
    assert "Input should" not in problem.message and "Field required" not in problem.message


def test_missing_fields_of_one_entry_are_named_together():
    problems, lines = checked("regulations", "  source: \"legal-facts.md caveat 1 (Mengingat PP 59/2021)\"\n"
                                             "  ref: \"legal-facts.md caveats\"\n  mark: VERIFIED-VERBATIM\n", "")
    (problem,) = problems
    assert problem.line == line_of(lines, "uu-18-2017:")
    assert "'uu-18-2017' belum punya 'source', 'ref', 'mark' (wajib diisi" in problem.message
    assert "Setiap fakta wajib punya sumber ('source')" in problem.message


def test_unreadable_yaml_names_its_line():
    problems, lines = checked("contacts", "  kind: phone\n", "  kind: phone: rumah\n")
    (problem,) = problems
    assert problem.line == line_of(lines, "  kind: phone: rumah")
    assert "berkas ini tidak bisa dibaca" in problem.message and "tanda kutip" in problem.message


def test_a_missing_data_file_is_named(tmp_path):
    (problem,) = schemas.read(tmp_path / "limits.yml").problems
    assert problem.path.endswith("limits.yml") and "berkas ini tidak ada" in problem.message


def test_check_data_reports_schema_problems_of_the_data_folder(tmp_path):
    for path in DATA.glob("*.yml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    text = (tmp_path / "facts.yml").read_text(encoding="utf-8").replace("  mark: VERIFIED-VERBATIM", "  mark: UNVERIFIED", 1)
    (tmp_path / "facts.yml").write_text(text, encoding="utf-8")
    problems = [p for p in facts.check_data(tmp_path) if p.path.endswith("facts.yml")]
    assert len(problems) == 1, problems
    assert problems[0].line == text.split("\n").index("  mark: UNVERIFIED") + 1
    assert "'mark: UNVERIFIED' tidak boleh terbit" in problems[0].message
