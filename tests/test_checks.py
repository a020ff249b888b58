"""The checks editors rely on (scripts/check_site.py, `make check`): each one is fed a small broken
input and must fail with the expected file, line and message; the real site must pass them all."""

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pmi_aman import DOCS, LANGUAGES, content_checks, pages, site_checks

TODAY = dt.date(2026, 11, 28)
FRONT = """---
title: Contoh
description: Halaman contoh untuk tes pemeriksaan.
reviewed: 2026-11-01
sources:
  - UU No. 18 Tahun 2017
---
"""
FRONT_BJN = FRONT.replace("sources:", "translation:\n  source: 0123456789ab\n  status: draf\nsources:")
# The body starts at line 8 of the file; the line under test is line 12.
BODY = "# Contoh\n\nKalimat biasa tanpa masalah.\n\n{}\n\nPenutup.\n"
LINE = 12


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check_markdown(path, lang="id"):
    page = pages.read_page(path, today=TODAY, lang=lang)
    return page.problems + content_checks.check_page(page, lang)


def only(problems):
    assert len(problems) == 1, "\n".join(map(str, problems)) or "no problem found"
    return problems[0]


# --- source checks: one broken line each ----------------------------------------------------

SOURCE_CASES = {
    "script tag": ("<script>alert(1)</script>", "tag <script> tidak boleh dipakai"),
    "iframe tag": ('<iframe src="https://kp2mi.go.id/"></iframe>', "tag <iframe> tidak boleh dipakai"),
    "object tag": ('<object data="x.swf"></object>', "tag <object> tidak boleh dipakai"),
    "onclick attribute": ('<span onclick="kirim()">Daftar</span>', "atribut 'onclick' menjalankan skrip"),
    "onclick through attr_list": ('Daftar di sini.{: onclick="kirim()" }', "atribut 'on...=' di dalam { }"),
    "javascript: link": ("[Daftar](javascript:alert(1))", "tautan 'javascript:' tidak boleh dipakai"),
    "javascript: in html": ('<a href="javascript:alert(1)">Daftar</a>', "alamat 'javascript:alert(1)' menjalankan skrip"),
    "typed phone number": ("Hubungi 0812-3456-7890 untuk mendaftar.", "'0812-3456-7890' tampak seperti nomor telepon"),
    "typed foreign number": ("Agen di Malaysia: +60 3-1234 5678.", "'+60 3-1234 5678' tampak seperti nomor telepon"),
    "typed short number": ("Kalau darurat, hubungi 110.", "'hubungi 110' tampak seperti nomor telepon"),
    "typed e-mail": ("Kirim berkas ke rekrut@contoh.co.id.", "'rekrut@contoh.co.id' tampak seperti"),
    "typed tel: link": ("[Telepon](tel:+6281234567890)", "tampak seperti nomor telepon"),
    "typed WhatsApp link": ("[WhatsApp](https://wa.me/6281234567890)", "'wa.me/' tampak seperti"),
    "Pasal 92": ("Menurut Pasal 92 UU 18/2017, calo dihukum.", "'Pasal 92' tidak ada di UU 18/2017"),
    "Pasal beyond 91 in a range": ("Pidana diatur di Pasal 79 sampai 95.", "'Pasal 95' tidak ada di UU 18/2017"),
    "typed penalty": ("Calo diancam penjara paling lama 10 tahun (Pasal 81).", "ancaman penjara atau denda diketik langsung"),
    "typed penalty, years first": ("Calo diancam 10 tahun penjara (Pasal 81).", "ancaman penjara atau denda diketik langsung"),
    "typed fine": ("Perusahaan bisa kena denda sebesar Rp15 miliar.", "ancaman penjara atau denda diketik langsung"),
    "typed minimum age": ("Pekerja harus berusia minimal 18 tahun (Pasal 5).", "batas usia diketik langsung"),
    "typed minimum age, bare": ("Umur 18 tahun sudah boleh mendaftar.", "batas usia diketik langsung"),
    "article-penalty pair against the data": (
        "Pelanggaran larangan Pasal 69 diancam pidana Pasal 83.",
        "larangan Pasal 69 diancam pidana oleh Pasal 81",
    ),
    "TODO leftover": ("TODO: lengkapi bagian ini.", "sisa catatan penulisan 'TODO'"),
    "FIXME leftover": ("Biaya resmi (FIXME periksa lagi).", "sisa catatan penulisan 'FIXME'"),
    "lorem ipsum": ("Lorem ipsum dolor sit amet.", "sisa catatan penulisan 'Lorem ipsum'"),
    "unknown contact placeholder": ("Hubungi {{ kontak: calo_desa }}.", "kontak 'calo_desa' tidak ada di data/contacts.yml"),
    "unknown fact placeholder": ("Gaji {{ fakta: gaji_minimal }}.", "fakta 'gaji_minimal' tidak ada di data/facts.yml"),
    "unknown penalty placeholder": ("Ancaman: {{ pidana: 99 }}.", "pidana '99' tidak ada di data/penalties.yml"),
    "unknown table": ("{{ tabel: gaji }}", "tabel 'gaji' tidak dikenal"),
    "unknown placeholder kind": ("{{ nomor: kp2mi_call_center }}", "jenis '{{ nomor: ... }}' tidak dikenal"),
    # Cited regulations must be in data/regulations.yml.
    "unknown regulation": ("Aturan biaya ada di Permen P2MI 5/2025 Pasal 2.",
                           "peraturan 'Permen P2MI 5/2025' tidak ada di data/regulations.yml"),
    "unknown law, long form": ("Lihat UU Nomor 4 Tahun 2025 tentang perubahan UU 18/2017.",
                               "peraturan 'UU Nomor 4 Tahun 2025' tidak ada di data/regulations.yml"),
    "regulation of the wrong ministry": ("Biaya diatur Permenaker 17/2025.",
                                         "peraturan 'Permenaker 17/2025' tidak ada"),
    "unknown regulation further down a list": (
        "Lihat Peraturan Menteri P2MI Nomor 4 Tahun 2025 dan Nomor 99 Tahun 2025.",
        "peraturan 'Peraturan Menteri P2MI 99/2025' tidak ada",
    ),
    # A paragraph that states what the law does cites its article or regulation.
    "ban without citation": ("Calo dilarang menempatkan pekerja migran.",
                             "paragraf ini menyatakan aturan hukum ('dilarang') tanpa menyebut dasar hukumnya"),
    "obligation without citation": ("Setiap calon PMI wajib ikut pelatihan.", "aturan hukum ('wajib')"),
    "right without citation": ("Keluarga berhak menerima harta PMI yang meninggal.", "aturan hukum ('berhak')"),
    "according to the law without citation": ("Menurut undang-undang, paspor dipegang sendiri.",
                                              "aturan hukum ('Menurut undang-undang')"),
    "penalty placeholder is not a citation": ("Calo diancam {{ pidana: 81 }}.", "aturan hukum ('diancam')"),
}


@pytest.mark.parametrize("case", SOURCE_CASES)
def test_source_check_names_file_line_and_fix(tmp_path, case):
    line, expected = SOURCE_CASES[case]
    path = write(tmp_path / "docs/id/contoh.md", FRONT + BODY.format(line))
    problem = only(check_markdown(path))
    assert (problem.path, problem.line) == (pages.relative(path), LINE)
    assert expected in problem.message


def test_source_checks_apply_to_banjar_pages(tmp_path):
    path = write(tmp_path / "docs/bjn/contoh.md", FRONT_BJN + BODY.format("Calo diancam panjara paling lawas 10 tahun (Pasal 81)."))
    problem = only(check_markdown(path, "bjn"))
    assert (problem.path, problem.line) == (pages.relative(path), LINE + 3)
    assert "ancaman penjara atau denda" in problem.message


@pytest.mark.parametrize("line, word", [
    ("Calo kada bulih manempatakan PMI.", "kada bulih"),
    ("Satiap PMI baisi hak mamegang paspornya saurang.", "baisi hak"),
    ("Pian musti tadaptar di Disnakerind.", "musti"),
    ("Manurut undang-undang, paspor dipegang saurang.", "Manurut undang-undang"),
])
def test_law_statement_check_knows_banjar_words(tmp_path, line, word):
    path = write(tmp_path / "docs/bjn/contoh.md", FRONT_BJN + BODY.format(line))
    problem = only(check_markdown(path, "bjn"))
    assert (problem.path, problem.line) == (pages.relative(path), LINE + 3)
    assert f"menyatakan aturan hukum ('{word}') tanpa menyebut dasar hukumnya" in problem.message


def test_law_statement_check_names_the_line_of_the_word(tmp_path):
    body = "Paragraf ini dua baris.\nBaris keduanya menyebut kewajiban: calon PMI wajib mendaftar.\n"
    path = write(tmp_path / "docs/id/contoh.md", FRONT + BODY.format(body))
    problem = only(check_markdown(path))
    assert problem.line == LINE + 1
    assert "aturan hukum ('wajib')" in problem.message


def test_list_item_stating_a_rule_is_not_covered_by_an_uncited_lead_in(tmp_path):
    body = "Ringkasnya:\n\n- calo dilarang merekrut;\n- paspor dipegang sendiri.\n"
    path = write(tmp_path / "docs/id/contoh.md", FRONT + BODY.format(body))
    problem = only(check_markdown(path))
    assert problem.line == LINE + 2
    assert "aturan hukum ('dilarang')" in problem.message


def test_law_statement_citation_may_sit_in_its_paragraph_list_lead_in_or_items(tmp_path):
    body = "\n".join([
        "Calo dilarang menempatkan pekerja",
        "migran (Pasal 69 UU 18/2017).",
        "",
        "Menurut Pasal 5 UU 18/2017, Anda harus:",
        "",
        "- sehat jasmani dan rohani;",
        "- terdaftar jaminan sosial, yang wajib sejak masa calon PMI.",
        "",
        "Sebelum bekerja, Anda wajib:",
        "",
        "- mengikuti proses resmi (Pasal 12);",
        "- memiliki dokumen (Pasal 13).",
        "",
        "JKK wajib sejak masa calon PMI (Permenaker 18/2018). Tabelnya:",
        "",
        "{{ tabel: sanksi-administratif }}",
        "",
        "Contoh kode: `wajib` tidak dihitung.",
    ])
    path = write(tmp_path / "docs/id/contoh.md", FRONT + BODY.format(body))
    assert check_markdown(path) == []


def test_law_word_in_link_text_is_a_page_title_not_a_rule(tmp_path):
    body = "Baca [Nang kada bulih wan sanksinya](larangan-sanksi.md).\n\nCalo kada bulih marekrut, [baca](x.md).\n"
    path = write(tmp_path / "docs/bjn/contoh.md", FRONT_BJN + BODY.format(body))
    problem = only(check_markdown(path, "bjn"))
    assert problem.line == LINE + 5  # only the sentence outside the link text
    assert "aturan hukum ('kada bulih')" in problem.message


def test_unknown_regulation_in_front_matter_sources_names_its_line(tmp_path):
    front = FRONT.replace("  - UU No. 18 Tahun 2017\n", "  - UU No. 18 Tahun 2017\n  - Permen P2MI No. 7 Tahun 2025\n")
    path = write(tmp_path / "docs/id/contoh.md", front + "# Contoh\n\nIsi.\n")
    problem = only(check_markdown(path))
    assert problem.line == 7
    assert "peraturan 'Permen P2MI No. 7 Tahun 2025' tidak ada di data/regulations.yml" in problem.message


def test_real_pages_cite_their_law_statements_and_only_known_regulations():
    """The home page's promise ('Setiap aturan disertai nomor pasalnya'), on every page in both
    languages, without building the site."""
    problems = []
    for lang in LANGUAGES:
        for path in pages.markdown_files(lang, DOCS):
            page = pages.read_page(path, lang=lang)
            problems += content_checks.check_regulations(page) + content_checks.check_law_citations(page)
    assert problems == [], "\n".join(map(str, problems))


def test_source_checks_accept_what_pages_legitimately_write(tmp_path):
    body = "\n".join([
        "# Contoh {#contoh}",
        "",
        "Usia minimal {{ fakta: usia_minimal }}. Calo diancam {{ pidana: 81 }} (Pasal 81 UU 18/2017).",
        "Hubungi {{ kontak: kp2mi_call_center }} atau {{ kontak: kp2mi_whatsapp }}.",
        "Larangan Pasal 69 diancam pidana Pasal 81. Rinciannya di PP 59/2021 Pasal 4 ayat (4).",
        "Pasal 3 ayat (2) Peraturan BP2MI 2/2020 dan Pasal 4 UU 21/2007; Pasal 79 sampai 85.",
        "Siti baru berusia 17 tahun. Sejak 2011 sampai 2025, pada 10 April 2025, tanggal 2026-11-28.",
        "Biaya Rp15.000.000 untuk pelatihan. Ancaman penjara menurut UU 18/2017 ada di tabel.",
        "{{ tabel: pidana }}",
        "",
        "```html",
        "<script>contoh kode</script> TODO (a phone number here is found: see test_contact_numbers)",
        "```",
        "",
        "- [ ] Paspor",
    ])
    path = write(tmp_path / "docs/id/contoh.md", FRONT + body + "\n")
    assert check_markdown(path) == []


# --- front matter ---------------------------------------------------------------------------

FRONT_CASES = {
    "malformed YAML": (FRONT.replace("title: Contoh", "title: Biaya: murah"), 2, "front matter tidak bisa dibaca"),
    "missing description": (FRONT.replace("description: Halaman contoh untuk tes pemeriksaan.\n", ""), 6,
                            "front matter belum punya 'description'"),
    "empty title": (FRONT.replace("title: Contoh", "title:"), 2, "front matter belum punya 'title'"),
    "missing sources": (FRONT.replace("sources:\n  - UU No. 18 Tahun 2017\n", ""), 5, "front matter belum punya 'sources'"),
    "title is a list": (FRONT.replace("title: Contoh", "title: [Contoh, Lain]"), 2, "'title' harus berupa teks"),
    "title is a number": (FRONT.replace("title: Contoh", "title: 2026"), 2, "'title: 2026' harus berupa teks"),
    "misspelt key": (FRONT.replace("reviewed:", "reviewd: 2026-11-01\nreviewed:"), 4,
                     "kunci 'reviewd' tidak dikenal; maksudnya 'reviewed'?"),
    "future reviewed date": (FRONT.replace("2026-11-01", "2026-12-01"), 4, "'reviewed: 2026-12-01' ada di masa depan"),
    "impossible reviewed date": (FRONT.replace("2026-11-01", "2026-02-30"), 4, "'reviewed: 2026-02-30' bukan tanggal yang sah"),
    "reviewed date in the wrong order": (FRONT.replace("2026-11-01", "01-11-2026"), 4, "bukan tanggal yang sah"),
    "sources on one line": (FRONT.replace("sources:\n  - UU", "sources: UU"), 5, "'sources: UU No. 18 Tahun 2017' harus berupa daftar"),
    "leftover in the description": (FRONT.replace("Halaman contoh", "TODO halaman contoh"), 3, "sisa catatan penulisan 'TODO'"),
    "no front matter": ("", 1, "halaman tidak diawali front matter"),
}


@pytest.mark.parametrize("case", FRONT_CASES)
def test_front_matter_check_names_file_line_and_fix(tmp_path, case):
    front, line, expected = FRONT_CASES[case]
    path = write(tmp_path / "docs/id/contoh.md", front + "# Contoh\n\nIsi.\n")
    problem = only(check_markdown(path))
    assert (problem.path, problem.line) == (pages.relative(path), line)
    assert expected in problem.message


def test_banjar_page_needs_its_translation_state(tmp_path):
    path = write(tmp_path / "docs/bjn/contoh.md", FRONT + "# Contoh\n\nIsi.\n")
    problem = only(check_markdown(path, "bjn"))
    assert (problem.path, problem.line) == (pages.relative(path), 7)  # the closing '---'
    assert "front matter belum punya 'translation'" in problem.message
    assert f"make translation-status PIN={pages.relative(path)}" in problem.message


TRANSLATION_CASES = {
    "unknown status": ("status: draf", "status: selesai", 7, "'translation: status: selesai' tidak dikenal"),
    "reviewed without reviewer": ("status: draf", "status: ditinjau", 5,
                                  "'translation' berstatus 'ditinjau' harus menyebut 'reviewer'"),
    "review date in the future": ("status: draf", "status: draf\n  reviewed_on: 2026-12-01", 8,
                                  "'translation: reviewed_on: 2026-12-01' ada di masa depan"),
    "misspelt key": ("status: draf", "status: draf\n  reviewer_name: Ani", 8,
                     "'translation': kunci 'reviewer_name' tidak dikenal; maksudnya 'reviewer'?"),
}


@pytest.mark.parametrize("case", TRANSLATION_CASES)
def test_translation_state_check_names_file_line_and_fix(tmp_path, case):
    old, new, line, expected = TRANSLATION_CASES[case]
    path = write(tmp_path / "docs/bjn/contoh.md", FRONT_BJN.replace(old, new) + "# Contoh\n\nIsi.\n")
    problem = only(check_markdown(path, "bjn"))
    assert (problem.path, problem.line) == (pages.relative(path), line)
    assert expected in problem.message


# --- built-site checks: small HTML trees ----------------------------------------------------

# A built page with {up} (the way up to the site root), {url} (the page's address) and {content}.
HTML = (ROOT / "tests/fixtures/tiny-site-page.html").read_text(encoding="utf-8")
CONTENT_LINE = HTML.split("\n").index("{content}") + 1  # 11
SOURCE = FRONT + "# Judul {{#ada}}\n\n{}\n"  # the link sits on line 10 of the Markdown source


def tiny_site(tmp_path, content="", nav_extra="", markdown=None):
    """site/ with a home page and site/biaya/index.html (whose article holds `content`), and the
    matching docs/id/biaya.md (whose line 10 holds `markdown`)."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    write(site / "assets/site.css", "")
    write(site / "assets/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(site / "index.html", HTML.format(up="", url="", content="<p>Beranda</p>"))
    page = HTML.format(up="../", url="biaya/", content=content)
    write(site / "biaya/index.html", page.replace("</nav>", nav_extra + "</nav>"))
    write(docs / "id/index.md", SOURCE.format("Beranda."))
    source = write(docs / "id/biaya.md", SOURCE.format(markdown if markdown is not None else "Isi."))
    return site, docs, source


def site_problems(site, docs):
    return site_checks.check_site(site, docs, ROOT)


def test_tiny_site_without_problems_passes(tmp_path):
    content = "\n".join([
        '<p><a href="./">ini</a> <a href="../">beranda</a> <a href="..">beranda</a> <a href="#ada">judul</a></p>',
        '<p><a href="/pmi-aman/biaya/#ada">mutlak</a> <a href="https://pmi-aman.github.io/pmi-aman/">situs</a></p>',
        '<p><a href="https://siskop2mi.bp2mi.go.id/">SISKOP2MI</a> <a href="https://kp2mi.go.id/">KP2MI</a></p>',
        '<p><a href="tel:08001000">0-800-1000</a> <a href="https://wa.me/628118080141">WA</a></p>',
        '<p><img src="../assets/logo.svg" alt="Logo PMI Aman"> <svg><path d="M0 0"/></svg></p>',
    ])
    site, docs, _ = tiny_site(tmp_path, content)
    assert site_problems(site, docs) == []


SITE_CASES = {
    # name: (HTML in the article, the same link in the Markdown source, expected message)
    "broken internal link": (
        '<p><a href="../hilang/">Hilang</a></p>', '<a href="../hilang/">Hilang</a>',
        "tautan '../hilang/' menuju halaman atau berkas yang tidak ada di situs",
    ),
    "broken anchor": (
        '<p><a href="../#tidak-ada">Beranda</a></p>', "[Beranda](index.md#tidak-ada)",
        "menuju bagian '#tidak-ada' yang tidak ada di halaman index.html",
    ),
    "broken anchor on the same page": (
        '<p><a href="#tidak-ada">di atas</a></p>', "[di atas](#tidak-ada)",
        "menuju bagian '#tidak-ada' yang tidak ada",
    ),
    "missing download": (
        '<p><a href="../unduh/selebaran.pdf">Unduh</a></p>', "[Unduh](../unduh/selebaran.pdf)",
        "tautan '../unduh/selebaran.pdf' menuju halaman atau berkas yang tidak ada",
    ),
    "missing image": (
        '<p><img src="../assets/peta.png" alt="Peta Tanah Laut"></p>', "![Peta Tanah Laut](../assets/peta.png)",
        "tautan '../assets/peta.png' menuju halaman atau berkas yang tidak ada",
    ),
    "image without alt": (
        '<p><img src="../assets/logo.svg" alt=""></p>', "![](../assets/logo.svg)",
        "gambar '../assets/logo.svg' tidak punya teks pengganti (alt)",
    ),
    "http:// link": (
        '<p><a href="http://kp2mi.go.id/">KP2MI</a></p>', "[KP2MI](http://kp2mi.go.id/)",
        "tautan 'http://kp2mi.go.id/' tidak memakai https://",
    ),
    "unlisted domain": (
        '<p><a href="https://lowongan.contoh.com/daftar">Lowongan</a></p>', "[Lowongan](https://lowongan.contoh.com/daftar)",
        "domain 'lowongan.contoh.com' (tautan 'https://lowongan.contoh.com/daftar') tidak ada di daftar",
    ),
    "look-alike domain": (
        '<p><a href="https://kp2mi.go.id.contoh.com/">KP2MI</a></p>', "[KP2MI](https://kp2mi.go.id.contoh.com/)",
        "domain 'kp2mi.go.id.contoh.com'",
    ),
    "tel: link with an unknown number": (
        '<p><a href="tel:+6281234567890">Agen</a></p>', "[Agen](tel:+6281234567890)",
        "nomor telepon di tautan 'tel:+6281234567890' tidak ada di data/contacts.yml",
    ),
    "WhatsApp link with an unknown number": (
        '<p><a href="https://wa.me/6281234567890">WA</a></p>', "[WA](https://wa.me/6281234567890)",
        "nomor WhatsApp di tautan 'https://wa.me/6281234567890' tidak ada di data/contacts.yml",
    ),
    "mailto: link": (
        '<p><a href="mailto:calo@contoh.com">Surel</a></p>', "[Surel](mailto:calo@contoh.com)",
        "alamat surel di tautan 'mailto:calo@contoh.com' tidak ada di data/contacts.yml",
    ),
    "javascript: link": (
        '<p><a href="javascript:alert(1)">Klik</a></p>', '<a href="javascript:alert(1)">Klik</a>',
        "memakai skema 'javascript:' yang tidak diizinkan",
    ),
    "image loaded from another host": (
        '<p><img src="https://kp2mi.go.id/logo.png" alt="Logo"></p>', "![Logo](https://kp2mi.go.id/logo.png)",
        "'https://kp2mi.go.id/logo.png' dimuat dari luar situs",
    ),
    "absolute path outside the site": (
        '<p><a href="/biaya/">Biaya</a></p>', '<a href="/biaya/">Biaya</a>',
        "memakai alamat absolut yang tidak diawali /pmi-aman/",
    ),
    "link out of the site folder": (
        '<p><a href="../../../rahasia.txt">x</a></p>', '<a href="../../../rahasia.txt">x</a>',
        "menuju ke luar folder situs",
    ),
}


@pytest.mark.parametrize("case", SITE_CASES)
def test_site_check_names_the_markdown_source_line(tmp_path, case):
    html, markdown, expected = SITE_CASES[case]
    site, docs, source = tiny_site(tmp_path, html, markdown=markdown)
    problem = only(site_problems(site, docs))
    assert (problem.path, problem.line) == (pages.relative(source), 10)
    assert expected in problem.message


def test_link_written_by_a_template_names_the_built_file(tmp_path):
    # A link that no Markdown contains: only the build (a template, a hook) writes it.
    site, docs, source = tiny_site(tmp_path, nav_extra='<a href="../bjn/biaya/">Bahasa Banjar</a>')
    problem = only(site_problems(site, docs))
    assert (problem.path, problem.line) == (pages.relative(site / "biaya/index.html"), 8)
    assert "tautan '../bjn/biaya/' menuju halaman atau berkas yang tidak ada" in problem.message
    assert f"tidak ada di teks halaman {pages.relative(source)}" in problem.message
    assert "templat" in problem.message and "mkdocs.yml" in problem.message


def test_same_template_problem_on_many_pages_is_reported_once(tmp_path):
    site, docs, _ = tiny_site(tmp_path)
    for name in ("a", "b", "c"):
        write(site / name / "index.html", HTML.format(up="../", url="biaya/", content="").replace(
            "</nav>", '<a href="../hilang/">x</a></nav>'))
    problem = only(site_problems(site, docs))
    assert problem.path == pages.relative(site / "a/index.html")
    assert "Sama di 2 halaman lain." in problem.message


@pytest.mark.parametrize("html, expected", [
    ('<p onclick="kirim()">x</p>', "atribut 'onclick' pada <p> menjalankan skrip"),
    ('<iframe src="../"></iframe>', "tag <iframe> tidak boleh ada di situs"),
    ('<script src="https://cdn.contoh.com/x.js"></script>', "'https://cdn.contoh.com/x.js' dimuat dari luar situs"),
    ('<link rel="stylesheet" href="../assets/hilang.css">', "tautan '../assets/hilang.css' menuju halaman atau berkas"),
])
def test_unsafe_or_broken_html_from_the_build_is_caught(tmp_path, html, expected):
    site, docs, _ = tiny_site(tmp_path, html)
    problem = only(site_problems(site, docs))
    assert (problem.path, problem.line) == (pages.relative(site / "biaya/index.html"), CONTENT_LINE)
    assert expected in problem.message


def test_canonical_address_of_a_missing_page_is_caught(tmp_path):
    site, docs, _ = tiny_site(tmp_path)
    write(site / "lama/index.html", HTML.format(up="../", url="baru/", content=""))
    problem = only(site_problems(site, docs))
    assert (problem.path, problem.line) == (pages.relative(site / "lama/index.html"), 5)
    assert "https://pmi-aman.github.io/pmi-aman/baru/" in problem.message


def test_domain_allowlist_entries_need_a_domain_and_a_reason(tmp_path):
    for name in ("mkdocs.yml", "data/contacts.yml"):
        write(tmp_path / name, (ROOT / name).read_text(encoding="utf-8"))
    write(tmp_path / "data/external_domains.yml",
          "# daftar\nkp2mi.go.id: Situs resmi KP2MI.\ncontoh.com:\nhttps://calo.com/: Situs calo.\n")
    rules = site_checks.Rules(tmp_path)
    where = pages.relative(tmp_path / "data/external_domains.yml")
    assert [(p.path, p.line) for p in rules.problems] == [(where, 3), (where, 4)]
    assert "domain 'contoh.com' belum punya alasan" in rules.problems[0].message
    assert "'https://calo.com/' bukan nama domain" in rules.problems[1].message
    assert rules.allows("siskop2mi.kp2mi.go.id") and not rules.allows("contoh.com")


def test_real_domain_allowlist_gives_a_reason_for_each_domain():
    rules = site_checks.Rules(ROOT)
    assert rules.problems == []
    for needed in ("kp2mi.go.id", "bp2mi.go.id", "kemlu.go.id", "wa.me", "github.com"):
        assert needed in rules.domains


# --- the same checker over the offline edition (page.html links, read from file://) ----------


def offline_edition(tmp_path, content="", nav_extra="", markdown=None, canonical="biaya/", public_content=""):
    """The public tiny_site (whose biaya/ holds `public_content`), and its offline edition
    offline/ (biaya.html, whose article holds `content`; index.html; kegiatan/index.html) built
    from the same docs/."""
    site, docs, source = tiny_site(tmp_path, public_content, markdown=markdown)
    write(site / "kegiatan/index.html", HTML.format(up="../", url="kegiatan/", content=""))
    offline = tmp_path / "offline"

    def page(url, content):
        html = HTML.format(up="", url=url, content=content).replace('href=""', 'href="index.html"')
        return html.replace('href="biaya/#ada"', 'href="biaya.html#ada"')

    write(offline / "assets/site.css", "")
    write(offline / "assets/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    write(offline / "index.html", page("", "<p>Beranda</p>"))
    write(offline / "kegiatan/index.html", page("kegiatan/", "").replace('href="', 'href="../').replace(
        'href="../https:', 'href="https:'))
    write(offline / "biaya.html", page(canonical, content).replace("</nav>", nav_extra + "</nav>"))
    # A 404 page is for the web server only (not in the ZIPs): its absolute links are right there.
    write(offline / "404.html", HTML.format(up="/pmi-aman/", url="404.html", content=""))
    return site, offline, docs, source


def offline_problems(offline, docs, public=None):
    return site_checks.check_site(offline, docs, ROOT, offline=True, public=public)


def test_tiny_offline_edition_without_problems_passes(tmp_path):
    content = ('<p><a href="index.html">beranda</a> <a href="biaya.html#ada">ini</a> <a href="#ada">judul</a> '
               '<a href="kegiatan/index.html">kegiatan</a> <img src="assets/logo.svg" alt="Logo"> '
               '<a href="https://pmi-aman.github.io/pmi-aman/bjn/">Banjar</a></p>')
    site, offline, docs, _ = offline_edition(tmp_path, content)
    write(site / "bjn/index.html", "<p>Banjar</p>")
    assert offline_problems(offline, docs, public=site) == []


OFFLINE_CASES = {
    # name: (HTML in the article of biaya.html, the same link in the Markdown source, expected message)
    "broken link": (
        '<p><a href="hilang.html">Hilang</a></p>', "[Hilang](hilang.md)",
        "tautan 'hilang.html' menuju halaman atau berkas yang tidak ada di edisi luring (hilang.html)",
    ),
    "broken anchor": (
        '<p><a href="index.html#tidak-ada">Beranda</a></p>', "[Beranda](index.md#tidak-ada)",
        "tautan 'index.html#tidak-ada' menuju bagian '#tidak-ada' yang tidak ada di halaman index.html (edisi luring)",
    ),
    "link to a folder": (
        '<p><a href="kegiatan/">Kegiatan</a></p>', '<a href="kegiatan/">Kegiatan</a>',
        "tautan 'kegiatan/' menuju folder kegiatan, bukan halaman: dari file:// peramban hanya "
        "menampilkan daftar isi folder itu. Tautan harus menuju kegiatan/index.html",
    ),
    "absolute path": (
        '<p><a href="/pmi-aman/biaya/">Biaya</a></p>', '<a href="/pmi-aman/biaya/">Biaya</a>',
        "tautan '/pmi-aman/biaya/' memakai alamat absolut (diawali '/'): dari file://",
    ),
}


@pytest.mark.parametrize("case", OFFLINE_CASES)
def test_offline_edition_check_names_the_markdown_source_line(tmp_path, case):
    html, markdown, expected = OFFLINE_CASES[case]
    _, offline, docs, source = offline_edition(tmp_path, html, markdown=markdown)
    problem = only(offline_problems(offline, docs))
    assert (problem.path, problem.line) == (pages.relative(source), 10)
    assert expected in problem.message


def test_offline_link_written_by_a_template_names_the_page_and_the_target(tmp_path):
    _, offline, docs, source = offline_edition(
        tmp_path, nav_extra='<a href="hilang.html">x</a> <a href="index.html#tidak-ada">y</a>')
    problems = offline_problems(offline, docs)
    assert [(p.path, p.line) for p in problems] == [(pages.relative(offline / "biaya.html"), 8)] * 2
    broken, anchor = sorted(problems, key=lambda p: "bagian" in p.message)
    assert "tautan 'hilang.html' menuju halaman atau berkas yang tidak ada di edisi luring (hilang.html)" in broken.message
    assert "menuju bagian '#tidak-ada' yang tidak ada di halaman index.html (edisi luring)" in anchor.message
    assert f"tidak ada di teks halaman {pages.relative(source)}" in broken.message


def test_offline_links_to_the_public_address_are_checked_against_the_public_site(tmp_path):
    site, offline, docs, _ = offline_edition(tmp_path, canonical="lama/")
    problem = only(offline_problems(offline, docs, public=site))
    assert (problem.path, problem.line) == (pages.relative(offline / "biaya.html"), 5)
    assert ("tautan 'https://pmi-aman.github.io/pmi-aman/lama/' menuju halaman atau berkas yang "
            "tidak ada di situs (lama)") in problem.message
    assert offline_problems(offline, docs) == []  # without the public site's build: not checked


def test_a_problem_of_both_editions_is_reported_once(tmp_path):
    site, offline, docs, source = offline_edition(
        tmp_path, '<p><a href="hilang.html">Hilang</a></p>', markdown="[Hilang](hilang.md)",
        public_content='<p><a href="../hilang/">Hilang</a></p>')
    problem = only(site_checks.check_editions(site, offline, docs, ROOT))
    assert (problem.path, problem.line) == (pages.relative(source), 10)
    assert "tautan '../hilang/' menuju halaman atau berkas yang tidak ada di situs" in problem.message


# --- the one command ------------------------------------------------------------------------


def check_site_command(cwd, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check_site.py"), *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )


def test_check_command_reports_each_problem_and_fails(tmp_path):
    site, docs, source = tiny_site(tmp_path, '<p><a href="../hilang/">Hilang</a></p>',
                                   markdown='<a href="../hilang/">Hilang</a> TODO')
    result = check_site_command(ROOT, "--site", str(site), "--docs", str(docs))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.strip().split("\n")
    where = f"{pages.relative(source)}:10: "
    assert any(line.startswith(where + "sisa catatan penulisan 'TODO'") for line in lines), result.stdout
    assert any(line.startswith(where + "tautan '../hilang/' menuju") for line in lines), result.stdout
    assert re.fullmatch(r"Pemeriksaan selesai: 2 masalah \(2 halaman Markdown, 2 halaman HTML, \d+,\d\d detik\)\.",
                        lines[-1]), lines[-1]


def test_check_command_without_a_built_site_says_to_build(tmp_path):
    _, docs, _ = tiny_site(tmp_path)
    result = check_site_command(ROOT, "--site", str(tmp_path / "kosong"), "--docs", str(docs))
    assert result.returncode == 1
    assert "Jalankan 'make build' dulu" in result.stdout


def test_real_site_passes_every_check(site):
    """`make test` runs this: every check of `make check` over the real sources and the built
    site (site/ and build/offline/). Its time is printed by the command, not asserted here."""
    result = check_site_command(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tidak ada masalah" in result.stdout


# --- inside a real build --------------------------------------------------------------------


def test_real_build_stops_on_a_broken_page_with_file_and_line(page_defects):
    """page_defects (conftest.py): 'Hubungi {{ kontak: calo_desa }} ...' added to docs/bjn/biaya.md."""
    line = page_defects.notes["contact line"]
    assert "{{ kontak: calo_desa }}" in (page_defects.root / "docs/bjn/biaya.md").read_text(
        encoding="utf-8").split("\n")[line - 1]
    assert page_defects.result.returncode != 0
    assert f"docs/bjn/biaya.md:{line}: kontak 'calo_desa' tidak ada di data/contacts.yml" in page_defects.output


def test_link_broken_only_after_the_build_is_caught(buildable_copy, buildable_copy_checked):
    """MkDocs validates Markdown links, not the ones templates write: a broken link in a
    template builds cleanly, and check_site.py catches it. buildable_copy (conftest.py) wrote
    '<a href="{{ base_url }}/hilang/">x</a><a href="https://calo.contoh.com/">y</a>' at the
    start of overrides/main.html's content block."""
    text = buildable_copy.notes["template"]  # overrides/main.html before the change
    assert "{% block content %}" in text
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    result = buildable_copy_checked
    assert result.returncode == 1
    line = text[: text.index("{% block content %}")].count("\n") + 2
    assert f"overrides/main.html:{line}: domain 'calo.contoh.com'" in result.stdout, result.stdout
    assert re.search(r"^site/\S+\.html:\d+: tautan '[./]*hilang/' menuju halaman atau berkas yang tidak ada.*"
                     r"dibuat saat build oleh templat.*Sama di \d+ halaman lain", result.stdout, re.M), result.stdout
