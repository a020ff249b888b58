"""The Banjar lexical check (make banjar-check, pmi_aman.banjar): its word lists, its messages
on a broken page, and the real site, whose report is printed and which must have no false friend
and no register slip."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BANJAR_REPORT, ROOT
from pmi_aman import banjar, banjar_data

FIXTURE = ROOT / "tests/fixtures/banjar/docs"
BAD = "tests/fixtures/banjar/docs/bjn/uji.md"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def lexicon():
    return banjar.load()


@pytest.fixture(scope="module")
def bad_report(lexicon):
    (report,) = banjar.analyse_site(FIXTURE, lexicon)
    return report


def messages(report, kind):
    return [f"{report.rel}:{f.line}: {f.message}" for f in report.of(kind)]


# --- the word lists ---------------------------------------------------------------------------


def test_derived_indonesian_forms_have_their_banjar_counterparts(lexicon):
    expected = {"tidak": "kada", "yang": "nang", "untuk": "gasan", "saja": "haja", "juga": "jua"}
    for word, counterpart in expected.items():
        assert lexicon.indonesian[word][0] == counterpart, (word, lexicon.indonesian.get(word))
    assert {"lawan", "wan"} <= set(lexicon.indonesian["dengan"])
    # 'pulang' is a Banjar word (again): NusaX's Banjar side uses it, so it is not class (b).
    assert "pulang" not in lexicon.indonesian and "pulang" in lexicon.attested
    assert lexicon.classify("kada") == banjar.ATTESTED
    assert lexicon.classify("tidak") == banjar.INDONESIAN
    assert lexicon.classify("tanda-tanda") == lexicon.classify("tanda")
    assert lexicon.classify("zzqx") == banjar.KEEP


needs_shared = pytest.mark.skipif(
    not (SHARED / "sources/banjar").is_dir(),
    reason="../shared/sources/banjar/ tidak ada di samping proyek ini (CI menyediakannya)",
)


@needs_shared
def test_committed_word_lists_are_what_the_generator_makes_from_the_sources():
    made = banjar_data.generate(SHARED)
    for name, text in made.items():
        committed = (banjar.FOLDER / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"data/banjar/{name} tidak sama dengan hasil generator dari ../shared. Jalankan "
            "'make banjar-data' lalu commit hasilnya."
        )


@needs_shared
def test_every_false_friend_has_its_evidence_in_the_sources(lexicon):
    sources = banjar_data.Sources(SHARED)
    lexicon_pairs = set(sources.lexicon)
    base = SHARED / "sources/banjar/mediawiki"
    import json
    messages_by_key = {}
    for path in base.glob("*.json"):
        messages_by_key.update(json.loads(path.read_text(encoding="utf-8")))
    for entry in lexicon.false_friends:
        assert entry["evidence"], entry["word"]
        for evidence in entry["evidence"]:
            if evidence["source"] == "nusax-lexicon":
                assert (evidence["indonesian"], evidence["banjar"]) in lexicon_pairs, evidence
            elif evidence["source"] == "mediawiki":
                assert evidence["contains"] in messages_by_key.get(evidence["key"], ""), evidence
            elif evidence["source"] == "nusax-mt":
                assert any(
                    evidence["indonesian"] in banjar_data.words(r["indonesian"])
                    and evidence["banjar"] in banjar_data.words(r["banjarese"])
                    for r in sources.pairs
                ), evidence
            else:
                pytest.fail(f"unknown evidence source {evidence}")


# --- messages on a broken page ------------------------------------------------------------------


def test_false_friends_are_named_with_file_line_and_the_fix(bad_report):
    found = messages(bad_report, "salah-arti")
    assert f"{BAD}:2: 'Larangan' menyesatkan dalam bahasa Banjar: 'larang' berarti 'mahal'." in found[0]
    assert "tulis 'kada bulih'" in found[0]
    assert any(m.startswith(f"{BAD}:12: 'Larangan'") for m in found)  # the heading
    assert any(m.startswith(f"{BAD}:16: 'Pulang'") and "'bulik'" in m for m in found)  # pulang ka kampung
    assert any(m.startswith(f"{BAD}:20: 'ditolak'") and "kada hakun" in m for m in found)
    # 'takunakan pulang' is Banjar for 'ask again': not a false friend.
    assert not any(f":18:" in m for m in found)
    assert len(found) == 4


def test_register_slips_are_named_with_the_polite_word(bad_report):
    found = messages(bad_report, "ragam")
    assert found[0].startswith(f"{BAD}:14: 'Anda' bukan ragam sopan bahasa Banjar untuk situs ini. Tulis 'Pian'")
    assert found[1].startswith(f"{BAD}:24: 'Saya' bukan ragam sopan") and "'ulun'" in found[1]
    assert len(found) == 2


def test_identical_sentences_are_reported_unless_listed(bad_report):
    found = messages(bad_report, "sama")
    assert found == [
        f"{BAD}:24: kalimat ini sama persis dengan tests/fixtures/banjar/docs/id/uji.md:21: "
        "\"Saya tidak tahu alamatnya.\". Terjemahkan ke bahasa Banjar, atau, bila memang sengaja "
        "sama (nama, judul undang-undang), tambahkan kalimatnya ke data/banjar/kalimat-sama.txt."
    ]
    assert bad_report.identical_allowed == 1  # the office's name, in data/banjar/kalimat-sama.txt


def test_indonesian_forms_and_unknown_words_are_counted_without_names(bad_report):
    indonesian = {f.word: f for f in bad_report.of("indonesia")}
    assert "tidak" in indonesian and indonesian["tidak"].line == 24
    assert "'kada'" in indonesian["tidak"].message or "kada" in indonesian["tidak"].message
    unknown = [f.word for f in bad_report.of("lain")]
    assert "zzqx" in unknown and "Pelaihari" not in unknown
    words = [t.word for t in bad_report.tokens]
    # Names, acronyms, placeholders and legal terms (data/banjar/istilah-tetap.txt) are not counted.
    for skipped in ("KP2MI", "Pelaihari", "Disnakerind", "kp2mi_call_center", "Tenaga", "Perindustrian"):
        assert skipped not in words
    counts = bad_report.counts()
    assert sum(counts.values()) == len(bad_report.tokens) > 0


def test_command_fails_on_the_broken_page_and_names_it():
    result = subprocess.run(
        [sys.executable, "scripts/banjar_check.py", "--docs", str(FIXTURE)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{BAD}:14: 'Anda' bukan ragam sopan" in result.stdout
    assert f"{BAD}:24: kata Indonesia (b): tidak -> kada" in result.stdout
    assert "GAGAL: 6 salah arti atau ragam" in result.stdout


def test_banjar_text_in_data_files_is_checked_with_its_line(tmp_path, lexicon):
    data = tmp_path / "data"
    data.mkdir()
    (data / "offer_check.yml").write_text(
        "questions:\n  - key: contoh\n    question:\n      id: Apakah dilarang?\n"
        "      bjn: Napakah calo malarang Pian bagawi?\n    cite: Pasal 69 UU 18/2017\n"
        "    note:\n      bjn: >-\n        teks panjang nang kada diperiksa\n", encoding="utf-8")
    (report,) = banjar.analyse_data(tmp_path, lexicon)
    (error,) = report.errors()
    assert (error.path, error.line) == ("data/offer_check.yml", 5)
    assert "'malarang' menyesatkan dalam bahasa Banjar" in error.message


# --- the real site --------------------------------------------------------------------------------


def test_banjar_pages_have_no_false_friend_and_no_register_slip(lexicon, request):
    reports = banjar.analyse_site(ROOT / "docs", lexicon) + banjar.analyse_data(ROOT, lexicon)
    floor = banjar.analyse_site(ROOT / "docs", lexicon, lang="id")
    text = banjar.format_report(reports, floor, banjar.load_ceiling(), details=False)
    request.config.stash[BANJAR_REPORT] = text  # printed at the end of the run (conftest.py)
    errors = [str(p) for r in reports for p in r.errors()]
    assert errors == [], "\n".join(errors)
    assert len(reports) >= 15
    # The figures are a report, not a gate; they must still be figures of real text.
    total = banjar.total_counts(reports)
    assert total[banjar.ATTESTED] > total[banjar.INDONESIAN]
    floor_total = banjar.total_counts(floor)
    assert floor_total[banjar.INDONESIAN] > total[banjar.INDONESIAN]
    assert "batas atas: kalimat Banjar NusaX" in text and "batas bawah: halaman bahasa Indonesia" in text


def test_make_banjar_check_passes_on_the_project():
    result = subprocess.run(
        [sys.executable, "scripts/banjar_check.py"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    assert "JUMLAH" in result.stdout


# --- the review kit ---------------------------------------------------------------------------------


def test_review_sheet_puts_both_texts_side_by_side_with_the_doubts_marked(tmp_path):
    from bs4 import BeautifulSoup

    from pmi_aman import review_kit

    written = review_kit.write(tmp_path, docs=FIXTURE)
    assert [p.name for p in written] == ["index.html", "uji.html"]
    sheet = BeautifulSoup((tmp_path / "tinjau/uji.html").read_text(encoding="utf-8"), "html.parser")
    rows = sheet.select("tbody tr")
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    # line number and text of each side, and an empty column for the reviewer's notes
    assert cells[0] == ["2", "Larangan dan sanksi", "2", "Larangan wan sanksi", ""]
    assert ["11", "Anda tidak boleh berangkat lewat calo.", "14", "Anda kada bulih tulak liwat calo.", ""] in cells
    assert all(row.find_all("td")[1]["lang"] == "id" and row.find_all("td")[3]["lang"] == "bjn"
               for row in rows if row.find_all("td")[1].get_text(strip=True))
    marks = {(m["class"][0], m.get_text()) for m in sheet.select("td mark")}
    assert ("ff", "Larangan") in marks and ("ff", "ditolak") in marks
    assert ("rg", "Anda") in marks and ("rg", "Saya") in marks
    assert ("id", "tidak") in marks and ("un", "zzqx") in marks
    assert "menyesatkan dalam bahasa Banjar" in sheet.select_one("td mark.ff")["title"]
    same = sheet.select("span.same-s")
    assert [s.get_text() for s in same] == ["Saya tidak tahu alamatnya."]
    assert "Diperiksa oleh (nama)" in sheet.select_one(".sign").get_text()
    index = BeautifulSoup((tmp_path / "tinjau/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in index.select("a")] == ["uji.html"]


def test_built_site_has_a_review_sheet_for_every_page_outside_the_menu(site):
    from bs4 import BeautifulSoup

    from pmi_aman import pages, review_kit

    names = [name for name, _ in pages.pairs(ROOT / "docs")]
    index = BeautifulSoup((site / "tinjau/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in index.select("tbody a")] == [review_kit.file_name(n) for n in names]
    for name in names:
        sheet = BeautifulSoup((site / "tinjau" / review_kit.file_name(name)).read_text(encoding="utf-8"), "html.parser")
        assert sheet.select("tbody tr td[lang=bjn]"), name
    # Not in the readers' menu.
    home = (site / "index.html").read_text(encoding="utf-8") + (site / "bjn/index.html").read_text(encoding="utf-8")
    assert "tinjau/" not in home


# --- the reviewer's record ----------------------------------------------------------------------------


def test_reviewer_command_records_name_and_date_and_the_page_says_so(buildable_copy):
    """buildable_copy (conftest.py) ran `translation_status.py --pin docs/bjn/biaya.md --reviewer
    "Siti  Aisyah"` before its build."""
    import datetime as dt

    from bs4 import BeautifulSoup

    copy = buildable_copy.root

    def status(*args):
        return subprocess.run([sys.executable, "scripts/translation_status.py", *args],
                              cwd=copy, capture_output=True, text=True, timeout=120)

    result = buildable_copy.notes["reviewer pin"]
    assert result.returncode == 0, result.stdout + result.stderr
    today = dt.date.today().isoformat()
    text = (copy / "docs/bjn/biaya.md").read_text(encoding="utf-8")
    assert f'  status: ditinjau\n  reviewer: "Siti Aisyah"\n  reviewed_on: {today}\n' in text
    listing = status()
    assert f"DITINJAU  docs/bjn/biaya.md (ditinjau oleh Siti Aisyah pada {today})" in listing.stdout
    assert status("--reviewer", "Siti").returncode == 1  # REVIEWER needs PIN

    assert buildable_copy.result.returncode == 0, buildable_copy.output
    page = BeautifulSoup((copy / "site/bjn/biaya/index.html").read_text(encoding="utf-8"), "html.parser")
    note = page.select_one(".pmi-reviewed-by").get_text(" ", strip=True)
    assert note.startswith("Tarjamahan ngini sudah dipariksa ulih Siti Aisyah (")
    assert not page.select(".pmi-notice--draft")
    status_page = BeautifulSoup((copy / "site/status-terjemahan/index.html").read_text(encoding="utf-8"), "html.parser")
    row = next(tr for tr in status_page.select("article table tr") if "biaya" in str(tr))
    assert f"Siti Aisyah ({today})" in row.get_text(" ", strip=True)
    sheet = (copy / "site/tinjau/index.html").read_text(encoding="utf-8")
    assert "ditinjau (Siti Aisyah)" in sheet


def test_review_date_in_the_future_stops_the_build_with_file_and_line(page_defects):
    """page_defects (conftest.py): 'reviewed_on: 2999-01-01' in docs/bjn/biaya.md."""
    text = (page_defects.root / "docs/bjn/biaya.md").read_text(encoding="utf-8")
    line = text.split("\n").index("  reviewed_on: 2999-01-01") + 1
    assert page_defects.result.returncode != 0
    assert (f"docs/bjn/biaya.md:{line}: 'translation: reviewed_on: 2999-01-01' ada di masa depan"
            in page_defects.output)
