"""The Banjar lexical check (make banjar-check, pmi_aman.banjar): its word lists, its messages
on a broken page, and the real site, whose report is printed and which must have no false friend
and no register slip."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
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


# --- the real site --------------------------------------------------------------------------------


def test_banjar_pages_have_no_false_friend_and_no_register_slip(lexicon):
    reports = banjar.analyse_site(ROOT / "docs", lexicon)
    floor = banjar.analyse_site(ROOT / "docs", lexicon, lang="id")
    text = banjar.format_report(reports, floor, banjar.load_ceiling(), details=False)
    print(text)  # the figures, as a report (pytest -s, or -rA)
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
