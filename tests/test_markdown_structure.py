"""Issue 18, class 5: Markdown that builds but breaks the page is found with file, line and an
Indonesian message: unclosed fences, unindented boxes, wrong cell counts, duplicate heading
ids, skipped heading levels, links with no text. The real pages pass."""

import datetime as dt

import pytest

from conftest import ROOT
from pmi_aman import LANGUAGES, markdown_structure, pages

FRONT = """---
title: Contoh
description: Contoh.
reviewed: 2026-11-01
sources:
  - UU No. 18 Tahun 2017
---
"""
# The body starts at line 8 of the file.


def problems_of(tmp_path, body):
    path = tmp_path / "docs/id/contoh.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FRONT + body, encoding="utf-8")
    return path, markdown_structure.check_page(pages.read_page(path, today=dt.date(2026, 12, 2)))


def line_of(body, text):
    """The file line of the last body line equal to `text` (the second of two duplicates)."""
    lines = body.split("\n")
    return 7 + len(lines) - lines[::-1].index(text)


CASES = {
    # unclosed code fences
    "unclosed ```": ("# A\n\n```\nkode\n\n## B\n", "```", "blok kode yang dibuka dengan ``` di baris ini tidak pernah ditutup"),
    "unclosed ~~~": ("# A\n\n~~~\nkode\n", "~~~", "blok kode yang dibuka dengan ~~~ di baris ini tidak pernah ditutup"),
    "closed by a shorter fence": ("# A\n\n````\nkode\n```\n", "````", "dibuka dengan ```` di baris ini"),
    "closed by the other kind": ("# A\n\n```text\nkode\n~~~\n", "```text", "dibuka dengan ``` di baris ini"),
    # boxes whose body is not indented
    "box body not indented": ('# A\n\n!!! warning "Awas"\nCalo menipu.\n', "Calo menipu.", "isi kotak '!!! warning' (baris 10) tidak menjorok"),
    "box body after a blank line": ("# A\n\n!!! tip\n\nBawa KTP.\n", "Bawa KTP.", "isi kotak '!!! tip' (baris 10) tidak menjorok"),
    "box body indented 2 spaces in a list": ("# A\n\n- Butir\n\n    !!! note\n    Teks.\n", "    Teks.", "isi kotak '!!! note' (baris 12) tidak menjorok"),
    "collapsible box with no body": ('# A\n\n??? question "Tanya"\n', '??? question "Tanya"', "isi kotak '??? question' (baris 10) tidak menjorok"),
    # table rows with the wrong number of cells
    "row with too many cells": ("# A\n\n| A | B |\n| --- | --- |\n| 1 | 2 | 3 |\n", "| 1 | 2 | 3 |", "baris tabel ini punya 3 kolom, padahal judul tabel (baris 10) punya 2 kolom; sel yang berlebih tidak tampil"),
    "row with too few cells": ("# A\n\n| A | B | C |\n| --- | --- | --- |\n| 1 | 2 |\n", "| 1 | 2 |", "punya 2 kolom, padahal judul tabel (baris 10) punya 3 kolom; sel yang kurang tampil kosong"),
    "delimiter row short": ("# A\n\n| A | B |\n| --- |\n| 1 | 2 |\n", "| --- |", "baris pemisah (| --- |) punya 1 kolom"),
    "unescaped pipe in text": ("# A\n\n| A | B |\n| --- | --- |\n| dan/atau | x | y |\n| ok | ok |\n", "| dan/atau | x | y |", "punya 3 kolom"),
    # duplicate heading ids
    "same heading text twice": ("# A\n\n## Biaya\n\nx\n\n## Biaya\n", "## Biaya", "punya kode '#biaya' yang sama dengan judul di baris 10"),
    "same explicit id twice": ("# A\n\n## Biaya {#biaya}\n\n## Ongkos {#biaya}\n", "## Ongkos {#biaya}", "ganti {#biaya} dengan kode lain"),
    "explicit id equal to a generated one": ("# A\n\n## Langkah 1\n\n## Daftar {#langkah-1}\n", "## Daftar {#langkah-1}", "kode '#langkah-1' yang sama dengan judul di baris 10"),
    # heading levels that skip
    "## then ####": ("# A\n\n## B\n\n#### C\n", "#### C", "tingkat judul melompat ke ####, padahal judul sebelumnya bertingkat ##. Pakai ###"),
    "# then ###": ("# A\n\n### B\n", "### B", "melompat ke ###, padahal judul sebelumnya bertingkat #. Pakai ##"),
    "first heading ##": ("## A\n", "## A", "melompat ke ##, padahal ini judul pertama. Pakai #"),
    # links with no text
    "empty link": ("# A\n\nBaca [](biaya.md) dulu.\n", "Baca [](biaya.md) dulu.", "tautan di baris ini tidak punya teks"),
    "link of spaces": ("# A\n\nBaca [ ](biaya.md).\n", "Baca [ ](biaya.md).", "tidak punya teks"),
    "link of emphasis only": ("# A\n\nBaca [**](biaya.md).\n", "Baca [**](biaya.md).", "tidak punya teks"),
    "empty reference link": ("# A\n\nBaca [][biaya].\n\n[biaya]: biaya.md\n", "Baca [][biaya].", "tidak punya teks"),
    "empty html link": ('# A\n\nBaca <a href="biaya.md"> </a>.\n', 'Baca <a href="biaya.md"> </a>.', "tidak punya teks"),
}


@pytest.mark.parametrize("name", CASES)
def test_broken_markdown_is_found_with_file_and_line(tmp_path, name):
    body, line_text, expected = CASES[name]
    path, problems = problems_of(tmp_path, body)
    assert len(problems) == 1, "\n".join(map(str, problems)) or "no problem found"
    assert problems[0].path == pages.relative(path)
    assert problems[0].line == line_of(body, line_text)
    assert expected in problems[0].message


def test_markdown_the_pages_legitimately_write_passes(tmp_path):
    body = "\n".join([
        "# Judul {#judul}",
        "",
        "## Bagian {#bagian}",
        "",
        "### Sub",
        "",
        "## Bagian lain",
        "",
        "- [ ] Paspor",
        "- [x] KTP",
        "",
        '!!! warning "Awas"',
        "    Calo menipu.",
        "",
        "    - [Biaya](biaya.md)",
        "",
        "| A | B |",
        "| :--- | ---: |",
        "| `a|b` | dan\\|atau |",
        "",
        "```",
        "## bukan judul",
        "[](bukan-tautan)",
        "| 1 | 2 | 3 |",
        "```",
        "",
        "![Logo](logo.svg) dan [Tanya](tanya-jawab.md#a) serta [x][ref].",
        "{{ tabel: kontak }}",
        "",
        "[ref]: biaya.md",
    ])
    _, problems = problems_of(tmp_path, body + "\n")
    assert problems == []


def test_real_pages_pass():
    found = []
    for lang in LANGUAGES:
        for path in pages.markdown_files(lang, ROOT / "docs"):
            found += markdown_structure.check_page(pages.read_page(path, lang=lang))
    assert found == []
