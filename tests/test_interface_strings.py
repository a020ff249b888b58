"""Interface strings: one file per language, data/strings/id.yml and data/strings/bjn.yml, with
the same keys, read by the Python modules and by the templates (pmi_aman.strings)."""

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from pmi_aman import strings
from pmi_aman.problems import ContentError

STRINGS = ROOT / "data/strings"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def line_of(path, pattern):
    """1-based number of the first line matching pattern."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if re.match(pattern, line))


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    """A copy of data/strings/ to break."""
    target = tmp_path / "strings"
    shutil.copytree(STRINGS, target)
    return target


def test_both_files_have_the_same_keys():
    assert strings.check() == []
    for lang in ("id", "bjn"):
        assert strings.load(lang)["offer_check"]["sum"]["danger"].endswith(":")


def test_a_key_missing_in_banjar_stops_the_build_with_file_line_and_fix(project_copy):
    bjn = project_copy / "data/strings/bjn.yml"
    edit(bjn, "  noscript: Amun kadada JavaScript", "  # noscript: Amun kadada JavaScript")
    section = line_of(bjn, r"offer_check:")
    source = line_of(project_copy / "data/strings/id.yml", r"  noscript:")
    result = run_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert (
        f"data/strings/bjn.yml:{section}: kunci 'offer_check.noscript' ada di data/strings/id.yml "
        f"(baris {source}) tetapi tidak ada di file ini. Tambahkan 'noscript:' di bawah "
        f"'offer_check:' (baris {section}) dengan teksnya"
    ) in output, output
    assert output.count("offer_check.noscript") == 1, output


@pytest.mark.parametrize("lang, old, new, where, at, message", [
    # a key only in the Banjar file: reported in the Indonesian file, with the Banjar line
    ("bjn", "  help: Patulung\n", "  help: Patulung\n  halp: Patulung\n", "id", r"footer:",
     "kunci 'footer.halp' ada di {bjn} (baris {halp}) tetapi tidak ada di file ini. Tambahkan 'halp:'"),
    # a whole section missing: the whole file (line 0)
    ("bjn", "guide:\n  contents: Daptar isi\n", "", "bjn", None,
     "kunci 'guide' ada di {id} (baris {guide}) tetapi tidak ada di file ini. Tambahkan 'guide:'"),
    # a {placeholder} translated, or its braces broken
    ("bjn", "prison: panjara paling lawas {years} tahun", "prison: panjara paling lawas {tahun} tahun",
     "bjn", r"  prison:", "'facts.prison' memakai {{tahun}}, padahal {id} memakai {{years}}"),
    ("bjn", 'years: "{n} tahun"', 'years: "{n tahun"', "bjn", r"  years:",
     "'facts.years': tanda {{ dan }} tidak berpasangan"),
    # no text after the colon; a key written twice
    ("id", "  share: Bagikan\n", "  share:\n", "id", r"  share:$", "'actions.share' belum berisi teks"),
    ("bjn", "  share: Bagiakan\n", "  share: Bagiakan\n  share: Bagi\n", "bjn", r"  share: Bagi$",
     "kunci 'actions.share' ditulis dua kali"),
    # not text: YAML reads On as true
    ("bjn", "  tip: Tips\n", "  tip: On\n", "bjn", r"  tip: On", "'admonition.tip' dibaca sebagai angka atau ya/tidak"),
    # a section missing where the other file says it is not used (~)
    ("bjn", "review_kit: ~\n", "", "bjn", None, "kunci 'review_kit' ada di {id}"),
    # not YAML
    ("bjn", '  share_manual: "Salin alamat ngini:"', "  share_manual: Salin alamat ngini: x",
     "bjn", r"  share_manual:", "bukan YAML yang sah"),
])
def test_broken_files_are_reported_with_file_and_line(folder, lang, old, new, where, at, message):
    edit(folder / f"{lang}.yml", old, new)
    (problem,) = strings.check(folder)
    reported = folder / f"{where}.yml"
    assert problem.path == reported.as_posix()
    assert problem.line == (line_of(reported, at) if at else 0)
    names = {"id": folder / "id.yml", "bjn": folder / "bjn.yml"}
    expected = message.format(
        id=names["id"].as_posix(), bjn=names["bjn"].as_posix(),
        halp=line_of(names["bjn"], r"  halp:") if "halp" in new else 0,
        guide=line_of(names["id"], r"guide:"))
    assert expected in problem.message, problem.message


def test_a_section_written_tilde_is_not_used_in_that_language(folder):
    assert strings.load("bjn", folder)["review_kit"]["title"] == "Lembar tinjauan bahasa Banjar"  # id.yml's
    edit(folder / "bjn.yml", "review_kit: ~", "review_kit:\n  title: Lembar")  # written: then complete
    problems = strings.check(folder)
    assert "kunci 'review_kit.col_page' ada di" in " ".join(p.message for p in problems)
    section = line_of(folder / "bjn.yml", "review_kit:")
    assert all(p.path.endswith("bjn.yml") and p.line == section for p in problems)
    assert strings.load("bjn", folder)["review_kit"]["title"] == "Lembar"
    assert strings.load("bjn", folder)["review_kit"]["col_page"] == "Halaman"  # a missing key: id.yml's


def test_each_load_reads_the_file_afresh(folder):
    """`make serve` rebuilds in one process: a changed file must not be served from memory."""
    assert strings.load("bjn", folder)["help"]["button"] == "Patulung"
    edit(folder / "bjn.yml", "  button: Patulung", "  button: Patulung lah")
    assert strings.load("bjn", folder)["help"]["button"] == "Patulung lah"
    assert strings.Interface("bjn", folder).t("help.button") == "Patulung lah"


def test_templates_get_a_clear_error_for_an_unknown_key():
    interface = strings.Interface("bjn")
    assert interface.t("print.source") == "Dicitak matan situs PMI Aman"
    assert interface.t("theme.action.skip") == "Capil ka isi"  # only the first dot separates
    assert interface.t("theme.no.such.key", None) is None
    assert strings.Interface("id").t("theme.search", None) is None  # theme: ~ in id.yml
    with pytest.raises(ContentError) as error:
        interface.t("print.sumber")
    assert "data/strings/bjn.yml: templat memakai teks antarmuka 'print.sumber'" in str(error.value)


def test_python_modules_and_templates_read_the_data_files(site):
    banjar = soup(site / "bjn/biaya/index.html")
    assert banjar.html["lang"] == "bjn"
    assert banjar.select_one(".pmi-footer-edit a").get_text(strip=True) == "Babak laman ngini di GitHub"
    menu = [a.get_text(" ", strip=True) for a in banjar.select(".md-nav--primary .md-nav__link")]
    assert "Sabalum tulak" in menu and "Sebelum berangkat" not in menu  # nav: of bjn.yml
    table = soup(site / "bjn/larangan-sanksi/index.html").find("th", string="Parbuatan nang kada bulih")
    assert table is not None  # facts: of bjn.yml
    indonesian = soup(site / "biaya/index.html")
    assert indonesian.select_one(".pmi-footer-edit a").get_text(strip=True) == "Ubah halaman ini di GitHub"


def test_banjar_menu_admonitions_and_material_strings_come_from_bjn_yml(project_copy):
    p = project_copy
    bjn = p / "data/strings/bjn.yml"
    edit(bjn, "  Bantuan: Patulung\n", "  Bantuan: Patulung lah\n")
    edit(bjn, "  warning: Awas\n", "  warning: Awas bujur\n")
    edit(bjn, "  toc: Daptar isi\n", "")  # Material's Indonesian string takes its place
    edit(p / "docs/bjn/pengaduan-bantuan.md", '!!! warning "Bajaga-jaga lawan numur palsu"', "!!! warning")
    result = run_build(p)
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(p / "site/bjn/pengaduan-bantuan/index.html")
    assert page.html["lang"] == "bjn"
    menu = [a.get_text(" ", strip=True) for a in page.select(".md-nav--primary .md-nav__link")]
    assert "Patulung lah" in menu
    titles = [t.get_text(strip=True) for t in page.select(".admonition.warning .admonition-title")]
    assert "Awas bujur" in titles
    assert page.select_one(".md-nav--secondary").get("aria-label") == "Daftar isi"
    assert page.select_one("a.md-skip").get_text(strip=True) == "Capil ka isi"
