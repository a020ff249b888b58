"""Issue 18, class 1: contact-like numbers in any spelling are found in the Markdown (prose,
lists, tables, code spans, fenced blocks, front matter) and in the text of the built HTML; the
numbers real pages write (articles, laws, years, dates, amounts) are not."""

import datetime as dt

import pytest

from conftest import ROOT
from pmi_aman import contact_numbers, content_checks, pages, site_checks

TODAY = dt.date(2026, 12, 2)
FRONT = """---
title: Contoh
description: Halaman contoh untuk tes nomor kontak.
reviewed: 2026-11-01
sources:
  - UU No. 18 Tahun 2017
---
"""
# The body starts at line 8; the line under test is line 10.
BODY = "# Contoh\n\n{}\n\nPenutup.\n"
LINE = 10
# The prose check (content_checks.check_contacts) says "nomor telepon, WhatsApp atau surel";
# the fenced-block, front matter and built-text checks say "nomor telepon atau WhatsApp".
MESSAGE = "tampak seperti nomor telepon"


def problems_of(tmp_path, text, front=FRONT):
    path = tmp_path / "docs/id/contoh.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front + text, encoding="utf-8")
    page = pages.read_page(path, today=TODAY, lang="id")
    return path, page.problems + content_checks.check_page(page, "id")


@pytest.mark.parametrize("line, shown", [
    ("Hubungi 0812-3456-7890 sekarang.", "0812-3456-7890"),  # dashes
    ("Nomor agen 0812.3456.7890 saja.", "0812.3456.7890"),  # dots
    ("Nomor agen 0812 3456 7890 saja.", "0812 3456 7890"),  # spaces
    ("Nomor agen 0812/3456/7890 saja.", "0812/3456/7890"),  # slashes
    ("Kantor cabang (0511) 477 2123.", "(0511) 477 2123"),  # area code in brackets
    ("Dari luar negeri +62 812 3456 7890.", "+62 812 3456 7890"),  # +62, spaces
    ("Kirim pesan ke 62-812-3456-7890.", "62-812-3456-7890"),  # 62 without +
    ("Kantor: +62 (511) 477-2123.", "+62 (511) 477-2123"),  # +62 and brackets
    ("Agen Malaysia +60 3-1234 5678.", "+60 3-1234 5678"),  # a foreign number
    ("- Sponsor desa: 081234567890", "081234567890"),  # in a list, no grouping
    ("| Sponsor | 0812 3456 7890 |", "0812 3456 7890"),  # in a table cell
    ("Simpan nomor `0812-3456-7890` ini.", "0812-3456-7890"),  # in a code span
])
def test_typed_number_in_any_spelling_is_found(tmp_path, line, shown):
    path, problems = problems_of(tmp_path, BODY.format(line))
    found = [p for p in problems if MESSAGE in p.message]
    assert len(found) == 1, "\n".join(map(str, problems)) or "no problem found"
    assert (found[0].path, found[0].line) == (pages.relative(path), LINE)
    assert f"'{shown}'" in found[0].message
    assert "{{ kontak: nama }}" in found[0].message


@pytest.mark.parametrize("fence", ["```", "~~~", "````text"])
def test_number_in_a_fenced_block_is_found(tmp_path, fence):
    closing = fence.rstrip("text")
    body = f"# Contoh\n\n{fence}\nWA admin: 0812 3456 7890\n{closing}\n"
    path, problems = problems_of(tmp_path, body)
    found = [p for p in problems if MESSAGE in p.message]
    assert len(found) == 1, "\n".join(map(str, problems))
    assert (found[0].path, found[0].line) == (pages.relative(path), 11)
    assert "di dalam blok kode" in found[0].message


@pytest.mark.parametrize("key", ["title", "description"])
def test_number_in_title_or_description_is_found(tmp_path, key):
    front = FRONT.replace(f"{key}: ", f"{key}: Hubungi 0812-3456-7890 - ", 1)
    path, problems = problems_of(tmp_path, BODY.format("Teks."), front)
    found = [p for p in problems if MESSAGE in p.message]
    assert len(found) == 1, "\n".join(map(str, problems))
    assert found[0].line == (2 if key == "title" else 3)
    assert "di front matter" in found[0].message


def test_numbers_real_pages_write_are_not_contacts(tmp_path):
    body = "\n".join([
        "# Contoh",
        "",
        "Menurut UU No. 18 Tahun 2017, PP 59/2021 dan Kepmenaker 260/2015 (Pasal 79 sampai 85).",
        "Perkara MK 83/PUU-XVII/2019; Permen P2MI 4/2025; UU 1/2026 berlaku 2 Januari 2026.",
        "Biaya Rp15.000.000, uang saku Rp 1.500.000, modal 1.500.000.000; tahun 2015, 2017 dan 2025.",
        "Tanggal 2026-01-02 atau 02-01-2026; kantor buka 08.00-16.00.",
        "",
        "| Tahun | Jumlah |",
        "| --- | --- |",
        "| 2024 | 1.234 |",
        "",
        "```",
        "UU No. 18 Tahun 2017 dan PP 59/2021",
        "```",
    ])
    _, problems = problems_of(tmp_path, body + "\n")
    assert problems == []


def test_detector_variants_directly():
    assert list(contact_numbers.contact_like("(+62) 812 3456 7890")) == ["(+62) 812 3456 7890"]
    for text in ("Rp15.000.000.000", "2026-01-02", "PP 59/2021", "1 2 3 4 5 6 7 8", "0,5 persen"):
        assert list(contact_numbers.contact_like(text)) == [], text


# --- the built HTML text ---------------------------------------------------------------------

# A built page whose line 5 holds {number}.
PAGE = (ROOT / "tests/fixtures/contact-number-page.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("number", ["0812-3456-7890", "+62 812.3456.7890", "(0511) 477 2123"])
def test_number_written_by_a_template_is_found_in_the_built_text(tmp_path, number):
    site, docs = tmp_path / "site", tmp_path / "docs"
    (site / "biaya").mkdir(parents=True)
    (site / "biaya/index.html").write_text(PAGE.format(number=number), encoding="utf-8")
    locator = site_checks.Locator(site, docs, tmp_path)
    problems = contact_numbers.check_site_text(site, locator, ROOT / "data")
    assert len(problems) == 1, problems  # the known number 0-800-1000 is allowed
    assert problems[0].path.endswith("site/biaya/index.html")
    assert problems[0].line == 5
    assert f"'{number}' {MESSAGE}" in problems[0].message
    assert "templat, hook atau potongan teks" in problems[0].message


def test_number_in_the_built_text_names_its_markdown_line(tmp_path):
    site, docs = tmp_path / "site", tmp_path / "docs"
    (site / "biaya").mkdir(parents=True)
    (site / "biaya/index.html").write_text(PAGE.format(number="0812 3456 7890"), encoding="utf-8")
    (docs / "id").mkdir(parents=True)
    (docs / "id/biaya.md").write_text("# Biaya\n\nTeks.\n\nHubungi kami di 0812-3456-7890.\n", encoding="utf-8")
    locator = site_checks.Locator(site, docs, tmp_path)
    problems = contact_numbers.check_site_text(site, locator, ROOT / "data")
    assert len(problems) == 1, problems
    assert problems[0].path.endswith("docs/id/biaya.md") and problems[0].line == 5


def test_built_site_text_has_only_known_numbers(site):
    locator = site_checks.Locator(site, ROOT / "docs", ROOT)
    assert contact_numbers.check_site_text(site, locator, ROOT / "data") == []
