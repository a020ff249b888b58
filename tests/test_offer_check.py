"""Periksa tawaran kerja (data/offer_check.yml, pmi_aman/offer_check.py, offer-check.js).

- The rule: each question's danger answer gives its warning with the right Pasal (written here
  from the fact sheets, not read from the data file), "tidak tahu" gives "find out first", an
  offer answered on the legal side gives no warning but still the advice to check with
  Disnakerind, and nothing ever calls an offer safe.
- The data file check: a question without its Pasal, or with an unknown penalty or contact,
  stops the build with the file, the question and the line.
- In Chromium, both languages: the scripted broker offer, keyboard only, axe, the page without
  JavaScript, nothing sent or stored, and the printed checklist (one A4 sheet with its QR code).
"""

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from conftest import ROOT, copy_project, run_build
from pmi_aman import facts, offer_check, project
from pmi_aman.plugin import print_guide
from pmi_aman.browsing import block_outside
from test_accessibility import axe_problems
from test_print import normalize, pdf_text, public_url, qr_codes

DATA = ROOT / "data" / "offer_check.yml"
PAGES = {"id": "periksa-tawaran/", "bjn": "bjn/periksa-tawaran/"}

# The danger answer and the article of every question, and the penalty article, as the fact
# sheets give them (../shared/sources/legal-facts*.md). Written here on purpose: a wrong Pasal
# in data/offer_check.yml fails this test.
EXPECTED = {
    "perseorangan": ("ya", "Pasal 69", "Pasal 81"),            # legal-facts §7.1, §7.2
    "izin_p3mi": ("tidak", "Pasal 59", None),                  # §5.8 (SIP2MI)
    "terdaftar": ("tidak", "Pasal 1 angka 1", None),           # legal-facts-2 §7.3
    "biaya": ("ya", "Pasal 30 ayat (1)", None),                # §4.6; Pasal 86 UNVERIFIED
    "visa_kerja": ("tidak", "Pasal 13 huruf f", "Pasal 83"),   # §2.6, §7.2
    "paspor": ("ya", "Pasal 6 ayat (1)", None),                # §3.1
    "perjanjian": ("tidak", "Pasal 13 huruf g dan h", "Pasal 83"),
    "bpjs": ("tidak", "Pasal 5 huruf d", "Pasal 83"),          # §2.2, §7.2
    "timur_tengah": ("ya", "Pasal 32", None),                  # legal-facts-2 §8; §9.7
    "usia": ("tidak", "Pasal 66", "Pasal 80"),
    "data_palsu": ("ya", "Pasal 65", "Pasal 79"),
    "opp": ("tidak", "Permen P2MI 4/2025 Pasal 9 ayat (1) huruf e", None),  # legal-facts-2 §7.2
    "berangkat_resmi": ("tidak", "Pasal 42", None),            # §6.5
}
# The scripted broker: a person offers the job, on a tourist visa, for a fee of several million
# rupiah, and keeps the passport.
BROKER = {"perseorangan": "ya", "visa_kerja": "tidak", "biaya": "ya", "paspor": "ya"}
BROKER_PASAL = {"perseorangan": "Pasal 69", "visa_kerja": "Pasal 13 huruf f",
                "biaya": "Pasal 30 ayat (1)", "paspor": "Pasal 6 ayat (1)"}
SAFE_WORDS = re.compile(r"\b(aman|sah|legal|dijamin|pasti resmi)\b", re.IGNORECASE)


def legal_side(entry):
    return "tidak" if entry["danger"] == "ya" else "ya"


def penalty_pasal(text):
    return re.search(r"\((Pasal \d+)", text).group(1)


# ---- The rule ----------------------------------------------------------------------------------


def test_every_question_has_its_expected_pasal_written_in_this_test():
    assert [q["key"] for q in offer_check.questions()] == list(EXPECTED), (
        "a question was added, removed or moved: write its danger answer and Pasal in EXPECTED")
    assert 10 <= len(EXPECTED) <= 14


@pytest.mark.parametrize("lang", ["id", "bjn"])
@pytest.mark.parametrize("key", list(EXPECTED))
def test_danger_answer_gives_its_warning_with_the_right_pasal(key, lang):
    danger, pasal, penalty = EXPECTED[key]
    result = offer_check.evaluate({key: danger}, lang)
    assert [w["key"] for w in result["warnings"]] == [key]
    assert result["find_out"] == []
    warning = result["warnings"][0]
    assert pasal in warning["cite"]
    assert [penalty_pasal(p) for p in warning["penalties"]] == ([penalty] if penalty else [])
    if penalty:
        row = next(r for r in facts.load("penalties")["criminal"] if r["pasal"] == penalty)
        assert warning["penalties"][0].startswith(facts.penalty_text(row, lang))
    assert warning["contacts"] and all(c["display"] for c in warning["contacts"])
    other = "tidak" if danger == "ya" else "ya"
    assert offer_check.evaluate({key: other}, lang)["warnings"] == []


@pytest.mark.parametrize("key", list(EXPECTED))
def test_dont_know_means_find_out_first_never_safe(key):
    result = offer_check.evaluate({key: "tidak-tahu"})
    assert result["warnings"] == []
    assert [f["key"] for f in result["find_out"]] == [key]


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_offer_on_the_legal_side_gives_no_warning_but_the_disnakerind_advice(lang):
    answers = {q["key"]: legal_side(q) for q in offer_check.questions()}
    result = offer_check.evaluate(answers, lang)
    assert result["warnings"] == [] and result["find_out"] == [] and result["unanswered"] == []
    assert "Disnakerind" in result["advice"] and "BP3MI" in result["advice"]
    assert SAFE_WORDS.search(result["advice"]) is None


def test_scripted_broker_offer_gives_four_warnings():
    result = offer_check.evaluate(BROKER)
    found = {w["key"]: w for w in result["warnings"]}
    assert list(found) == ["perseorangan", "biaya", "visa_kerja", "paspor"]
    for key, pasal in BROKER_PASAL.items():
        assert pasal in found[key]["cite"]
    assert "penjara paling lama 10 tahun dan denda paling banyak Rp15 miliar (Pasal 81" in found["perseorangan"]["penalties"][0]
    assert [c["display"] for c in found["perseorangan"]["contacts"]] == ["110", "0-800-1000"]
    assert len(result["unanswered"]) == len(EXPECTED) - 4


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_checklist_html_is_one_fieldset_per_question_with_labelled_answers(lang):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(offer_check.checklist(lang), "html.parser")
    assert soup.find("form") is None  # nothing can be submitted anywhere
    fieldsets = soup.find_all("fieldset")
    assert len(fieldsets) == len(EXPECTED)
    for fieldset, key in zip(fieldsets, EXPECTED):
        assert fieldset.find("legend").get_text(strip=True)
        radios = fieldset.find_all("input", type="radio")
        assert [r["value"] for r in radios] == list(offer_check.ANSWERS)
        assert {r["name"] for r in radios} == {key}
        assert all(r.parent.name == "label" and r.parent.get_text(strip=True) for r in radios)
    result = BeautifulSoup(offer_check.result(lang) + offer_check.result_list(lang), "html.parser").get_text(" ")
    assert SAFE_WORDS.search(result) is None, SAFE_WORDS.search(result)


# ---- The data file check ----------------------------------------------------------------------


def broken(change):
    """The real data file's text with one change (a function of its text)."""
    return change(DATA.read_text(encoding="utf-8"))


def line_of(text, needle):
    return text.split("\n").index(needle) + 1


def test_real_data_file_passes():
    assert offer_check.check() == []


def test_question_without_citation_is_named_with_its_line():
    text = broken(lambda t: t.replace("    cite: Pasal 13 huruf f UU 18/2017\n", ""))
    problems = offer_check.check(text)
    assert len(problems) == 1
    assert problems[0].path == "data/offer_check.yml"
    assert problems[0].line == line_of(text, "  - key: visa_kerja")
    assert "pertanyaan 'visa_kerja' belum punya 'cite'" in problems[0].message
    assert "pasal" in problems[0].message


@pytest.mark.parametrize("change, field, words", [
    (lambda t: t.replace('penalty: "81"', 'penalty: "99"'), "penalty", "'penalty: 99' tidak ada di data/penalties.yml"),
    (lambda t: t.replace("contacts: [polisi, kp2mi_call_center]\n    source: \"legal-facts.md §5.1",
                         "contacts: [calo_baik]\n    source: \"legal-facts.md §5.1"), "contacts",
     "kontak 'calo_baik' tidak ada di data/contacts.yml"),
    (lambda t: t.replace("    danger: ya\n    warning:\n      id: Orang", "    danger: mungkin\n    warning:\n      id: Orang"),
     "danger", "'danger: mungkin' tidak dikenal"),
    (lambda t: t.replace("cite: Pasal 69 UU 18/2017", "cite: UU 18/2017"), "cite", "tidak menyebut pasal"),
    (lambda t: t.replace("source: \"legal-facts.md §5.1 (Pasal 49), §7.1 (Pasal 69), §7.2 (Pasal 81)\"\n    mark: FROM-SECONDARY-SOURCE",
                         "source: \"legal-facts.md §5.1 (Pasal 49), §7.1 (Pasal 69), §7.2 (Pasal 81)\"\n    mark: UNVERIFIED"),
     "mark", "'mark: UNVERIFIED' tidak boleh terbit"),
    (lambda t: t.replace("id: Orang perseorangan dilarang menempatkan PMI.",
                         "id: Calo diancam penjara 10 tahun."), "warning", "ancaman penjara atau denda yang diketik"),
    (lambda t: t.replace("      bjn: Urang parsurangan kada bulih manempatakan PMI.\n", ""), "warning",
     "'warning' harus ditulis dalam bahasa Indonesia (id) dan bahasa Banjar (bjn)"),
])
def test_each_data_error_names_the_question_and_its_line(change, field, words):
    text = broken(change)
    problems = offer_check.check(text)
    assert len(problems) == 1, problems
    assert problems[0].path == "data/offer_check.yml"
    assert "pertanyaan 'perseorangan'" in problems[0].message
    assert words in problems[0].message
    start = line_of(text, "  - key: perseorangan")
    field_line = next(n for n in range(start, start + 40) if text.split("\n")[n - 1].startswith(f"    {field}:"))
    assert problems[0].line == field_line


def test_broken_yaml_names_the_line():
    text = DATA.read_text(encoding="utf-8").replace(
        '"Apakah umur Anda sudah {{ fakta: usia_minimal }} atau lebih?"',
        "Apakah umur Anda sudah {{ fakta: usia_minimal }} atau lebih?")
    path = ROOT / "build" / "test-offer-check.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        problems = offer_check.check(path="build/test-offer-check.yml")
    finally:
        path.unlink()
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "      id: Apakah umur Anda sudah {{ fakta: usia_minimal }} atau lebih?")
    assert "tanda kutip" in problems[0].message


@pytest.fixture(scope="module")
def broken_questions(tmp_path_factory):
    """data/offer_check.yml with a question without its citation and one with an unknown penalty:
    offer_check.check() finds both before the build, and one strict build reports them together.
    A copy of its own: the facts hook, which runs first, would hide them behind its problems."""
    copy = copy_project(tmp_path_factory.mktemp("offer") / "project")
    path = copy / "data/offer_check.yml"
    text = path.read_text(encoding="utf-8")
    assert "    cite: Pasal 6 ayat (1) UU 18/2017\n" in text and 'penalty: "79"' in text
    text = text.replace("    cite: Pasal 6 ayat (1) UU 18/2017\n", "").replace('penalty: "79"', 'penalty: "86"')
    path.write_text(text, encoding="utf-8")
    return copy, text, run_build(copy)


def test_build_stops_on_a_question_without_citation(broken_questions):
    copy, text, result = broken_questions
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/offer_check.yml:{line_of(text, '  - key: paspor')}: pertanyaan 'paspor' belum punya 'cite'" in output
    assert not (copy / "site" / "periksa-tawaran" / "index.html").exists()


def test_build_stops_on_an_unknown_penalty_key(broken_questions):
    _, text, result = broken_questions
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = line_of(text, '    penalty: "86"')
    assert f"data/offer_check.yml:{line}: pertanyaan 'data_palsu': 'penalty: 86'" in output


# ---- In the browser ---------------------------------------------------------------------------


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    block_outside(context)
    page = context.new_page()
    yield page
    context.close()


def answer(page, answers):
    for key, value in answers.items():
        page.locator(f'input[name="{key}"][value="{value}"]').click()
    page.wait_for_function("document.querySelectorAll('[data-pmi-key]').length > 0")


def shown_results(page):
    return page.eval_on_selector_all(
        "[data-pmi-key]", "items => items.filter(i => !i.hidden && i.offsetParent).map(i => i.dataset.pmiKey)")


def visible_text(page, selector):
    return page.locator(selector).inner_text()


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_scripted_broker_offer_in_the_browser(server, tab, lang):
    tab.goto(server + PAGES[lang], wait_until="networkidle")
    sent = []
    tab.on("request", lambda r: sent.append((r.method, r.url, r.post_data)))
    answer(tab, BROKER)
    assert shown_results(tab) == ["perseorangan", "biaya", "visa_kerja", "paspor"]
    for key, pasal in BROKER_PASAL.items():
        text = visible_text(tab, f"#hasil-{key}")
        assert pasal in text
        assert offer_check.labels(lang)["danger"] in text
    broker = visible_text(tab, "#hasil-perseorangan")
    row = next(r for r in facts.load("penalties")["criminal"] if r["key"] == "81")
    assert facts.penalty_text(row, lang) + " (Pasal 81 UU 18/2017)" in broker
    assert tab.locator('#hasil-perseorangan a[href="tel:110"]').is_visible()
    assert tab.locator('#hasil-perseorangan a[href="tel:08001000"]').is_visible()
    summary = visible_text(tab, ".pmi-offer__summary")
    assert offer_check.labels(lang)["sum"]["danger"] + " 4" in summary
    assert SAFE_WORDS.search(visible_text(tab, ".pmi-offer-result")) is None
    tab.wait_for_load_state("networkidle")
    # Answering sends nothing: at most the site's own files are fetched (Material's bundle).
    assert all(method == "GET" and body is None and "?" not in url and url.startswith(server)
               for method, url, body in sent), sent
    stored = tab.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert stored == [0, 0, ""]


def test_result_check_sees_a_missing_warning(server, tab):
    """The browser assertion fails when the script does not show a danger sign."""
    tab.goto(server + PAGES["id"])
    answer(tab, BROKER)
    tab.evaluate("document.getElementById('hasil-paspor').hidden = true")
    assert shown_results(tab) != ["perseorangan", "biaya", "visa_kerja", "paspor"]


def tab_to(page, selector, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_keyboard_alone_completes_the_check(server, tab, lang):
    """Tab into each question, choose with Space and the arrow keys, open the result with Enter;
    the page shows what offer_check.evaluate() gives for the same answers."""
    tab.goto(server + PAGES[lang])
    keys = list(EXPECTED)
    answers = {key: offer_check.ANSWERS[n % 3] for n, key in enumerate(keys)}
    tab_to(tab, f'input[name="{keys[0]}"]')
    for n, key in enumerate(keys):
        if n:
            tab.keyboard.press("Tab")
        assert tab.evaluate("document.activeElement.name") == key
        tab.keyboard.press("Space")
        for _ in range(offer_check.ANSWERS.index(answers[key])):
            tab.keyboard.press("ArrowRight")
    chosen = tab.eval_on_selector_all(".pmi-offer input:checked", "els => els.map(e => [e.name, e.value])")
    assert dict(chosen) == answers
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.hasAttribute('data-pmi-offer-show')")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "hasil"
    tab.wait_for_function("document.querySelectorAll('[data-pmi-key]').length > 0")
    expected = offer_check.evaluate(answers, lang)
    assert shown_results(tab) == [k for k in keys if k in {e["key"] for e in expected["warnings"] + expected["find_out"]}]


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_legal_side_in_the_browser_shows_no_warning_and_the_advice(server, tab, lang):
    tab.goto(server + PAGES[lang])
    answer(tab, {q["key"]: legal_side(q) for q in offer_check.questions()})
    assert shown_results(tab) == []
    summary = visible_text(tab, ".pmi-offer__summary")
    assert offer_check.labels(lang)["sum"]["none"] in summary
    assert tab.locator(".pmi-offer__advice").is_visible()
    tab.locator("[data-pmi-offer-reset]").click()
    assert tab.eval_on_selector_all(".pmi-offer input:checked", "els => els.length") == 0


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_no_accessibility_violation_before_and_after_answering(server, tab, lang):
    axe = Axe()
    tab.goto(server + PAGES[lang])
    problems = axe_problems(f"/{PAGES[lang]}", axe.run(tab))
    answer(tab, {**BROKER, "bpjs": "tidak-tahu"})
    problems += axe_problems(f"/{PAGES[lang]} (dijawab)", axe.run(tab))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_without_javascript_every_question_and_every_danger_sign_shows(browser, server, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    block_outside(context)
    page = context.new_page()
    page.goto(server + PAGES[lang])
    legends = page.locator(".pmi-offer legend")
    assert legends.count() == len(EXPECTED)
    assert all(legends.nth(i).is_visible() for i in range(legends.count()))
    rules = page.locator(".pmi-offer__rule")
    for n, entry in enumerate(offer_check.questions()):  # the danger answer and its Pasal
        assert rules.nth(n).is_visible()
        assert entry["cite"] in rules.nth(n).inner_text()
        assert offer_check.labels(lang)[entry["danger"]] in rules.nth(n).inner_text()
    assert not page.locator("[data-pmi-offer-show]").is_visible()  # buttons need the script
    result = visible_text(page, ".pmi-offer-result")
    assert offer_check.labels(lang)["noscript"] in result
    assert offer_check.labels(lang)["advice"] in result
    context.close()


STYLE = ".pmi-offer [hidden]"  # a rule of overrides/assets/stylesheets/offer-check.css


def test_script_and_stylesheet_only_on_the_offer_check(site):
    for path in ("periksa-tawaran", "bjn/periksa-tawaran"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert "assets/javascripts/offer-check.js" in html and STYLE in html
    for path in ("biaya", "bjn/biaya", "tanda-bahaya"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert "offer-check" not in html and STYLE not in html
    whole = (site / "cetak-semua" / "index.html").read_text(encoding="utf-8")
    assert STYLE in whole and "offer-check.js" not in whole  # a chapter, for print
    for lang, path in PAGES.items():  # the danger signs the script loads, in the page's language
        html = (site / path / "index.html").read_text(encoding="utf-8")
        src = re.search(r'data-pmi-offer-src="([^"]+)"', html).group(1)
        script = (site / path / src).resolve()
        assert script == (site / offer_check.result_script_name(lang)).resolve() and script.exists()
        assert offer_check.questions()[0]["title"][lang] in script.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["id", "bjn"])
def test_printed_checklist_is_one_a4_sheet_with_its_qr_code(site, lang):
    """The handout PDF that `make site` printed."""
    pdf = site / ("" if lang == "id" else f"{lang}/") / "selebaran" / "pdf" / "periksa-tawaran.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert qr_codes(pdf) == [public_url("periksa-tawaran", lang)]
    text = normalize(" ".join(pdf_text(pdf)))
    for entry in offer_check.questions():
        question, _ = facts.render(entry["question"][lang], lang, "x")
        assert normalize(question)[:40] in text, question
    assert normalize(offer_check.labels(lang)["tidak-tahu"]) in text
    options = project.options()
    assert "periksa-tawaran" in options.handouts and print_guide.budget("periksa-tawaran", options) == 1
