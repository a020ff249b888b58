"""Accessibility of every page in both languages: axe-core (axe-playwright-python) in Chromium
finds no violation of any impact on a phone-sized and a desktop screen (every WCAG 2.0, 2.1 and 2.2
A and AA rule and every best-practice rule); headings keep their order; and the skip link, the language switcher and search work from the keyboard."""


import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import ROOT
from pmi_aman.browsing import block_outside, serve, site_pages

# Every rule for WCAG 2.0/2.1/2.2 levels A and AA, and axe's best-practice rules (landmark-unique,
# region, heading-order...). Not AAA (Material's palette is not 7:1) and not the experimental rules.
AXE_OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
SCREENS = {"ponsel": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


def axe_problems(where, results):
    """One message (Indonesian) per axe violation, whatever its impact."""
    problems = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        problems.append(
            f"{where}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])}x): "
            f"{violation['help']}. Contoh: {targets}. Lihat {violation['helpUrl']}"
        )
    return problems


def heading_problems(where, html):
    """A page has one h1, and no heading skips a level (h2 followed by h4)."""
    article = BeautifulSoup(html, "html.parser").select_one("article") or BeautifulSoup(html, "html.parser")
    levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{where}: ada {levels.count(1)} judul utama (#); harus tepat satu")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"{where}: judul tingkat {after} langsung sesudah tingkat {before}; "
                            f"pakai {'#' * (before + 1)} dulu")
    return problems


@pytest.fixture(scope="module")
def axe():
    return Axe()


def open_page(browser, screen):
    context = browser.new_context(viewport=SCREENS[screen])
    block_outside(context)
    return context, context.new_page()


@pytest.mark.parametrize("screen", SCREENS)
def test_no_accessibility_violation_on_any_page(site, server, browser, axe, screen):
    paths = site_pages(site)
    assert "" in paths and "bjn/" in paths
    context, page = open_page(browser, screen)
    problems = []
    for path in paths:
        page.goto(server + path, wait_until="load")
        problems += axe_problems(f"/{path} ({screen})", axe.run(page, options=AXE_OPTIONS))
    context.close()
    assert not problems, "\n".join(problems)


def test_axe_check_reports_missing_alt_text_labels_low_contrast_and_best_practice(tmp_path, browser, axe):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>'
        '<h1>Uji</h1><img src="x.png"><p style="color:#bbb;background:#fff">Teks pucat</p>'
        '<input type="text"><nav aria-label="Bantuan"><a href="a/">A</a></nav>'
        '<nav aria-label="Bantuan"><a href="b/">B</a></nav></main></body></html>', encoding="utf-8")
    context, page = open_page(browser, "ponsel")
    with serve(tmp_path) as base:
        page.goto(base)
        problems = "\n".join(axe_problems("/uji", axe.run(page, options=AXE_OPTIONS)))
    context.close()
    assert "/uji: image-alt (critical, 1x)" in problems
    assert "/uji: color-contrast (serious, 1x)" in problems
    assert "/uji: label (critical, 1x)" in problems
    assert "/uji: landmark-unique (moderate, 1x)" in problems  # a best-practice rule


def test_headings_are_in_order_on_every_page(site):
    problems = []
    for path in site_pages(site):
        problems += heading_problems(f"/{path}", (site / path / "index.html").read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_heading_check_reports_skipped_levels_and_two_titles():
    html = "<article><h1>A</h1><h2>B</h2><h4>C</h4><h1>D</h1></article>"
    assert heading_problems("/x", html) == [
        "/x: ada 2 judul utama (#); harus tepat satu",
        "/x: judul tingkat 4 langsung sesudah tingkat 2; pakai ### dulu",
    ]


def tab_to(page, selector, limit=40):
    """Press Tab until the focused element matches selector; return how many presses it took."""
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return count
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


@pytest.mark.parametrize("screen", SCREENS)
def test_skip_link_is_the_first_tab_stop(server, browser, screen):
    context, page = open_page(browser, screen)
    page.goto(server + "biaya/")
    assert tab_to(page, "a.md-skip", limit=1) == 1
    target = page.get_attribute("a.md-skip", "href")
    assert target.startswith("#") and page.locator(target).count() == 1
    context.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path, other", [("biaya/", "bjn"), ("bjn/biaya/", "id")])
def test_language_switcher_works_from_the_keyboard(server, browser, screen, path, other):
    context, page = open_page(browser, screen)
    page.goto(server + path)
    tab_to(page, f"header a[hreflang={other}]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("html", "lang") == other
    assert page.url.endswith("biaya/")
    context.close()


@pytest.mark.parametrize("screen, control", [
    ("desktop", "input[data-md-component=search-query]"),  # the search field in the header
    ("ponsel", "label.md-header__button[for=__search]"),    # the search button of narrow screens
])
def test_search_opens_and_answers_from_the_keyboard(server, browser, screen, control):
    context, page = open_page(browser, screen)
    page.goto(server + "bjn/")
    tab_to(page, control)
    if control.startswith("label"):
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.activeElement.matches('input[data-md-component=search-query]')")
    page.keyboard.type("bagawi", delay=20)
    page.wait_for_selector(".md-search-result__link", state="visible")
    page.keyboard.press("ArrowDown")  # Material: arrow keys move through the results
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/bjn/" in page.url
    context.close()


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_menu_opens_from_the_keyboard_on_a_phone(server, browser, key):
    context, page = open_page(browser, "ponsel")
    page.goto(server + "biaya/")
    tab_to(page, "label.md-header__button[for=__drawer]")
    page.keyboard.press(key)
    assert page.is_checked("#__drawer")
    assert page.locator(".md-nav--primary a.md-nav__link[href='../tanda-bahaya/']").first.is_visible()
    context.close()


def test_checklist_boxes_get_their_text_as_label():
    from pmi_aman.plugin.render import label_checklists

    html = ('<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled/> KTP '
            '<a href="x/">asli</a><ul><li>lain</li></ul></li>'
            '<li class="task-list-item"><p><input type="checkbox" disabled/> Paspor</p><p>lagi</p></li></ul>')
    # The box is labelled by its text, and enabled: the reader can tick it.
    assert label_checklists(html) == (
        '<ul class="task-list"><li class="task-list-item"><label><input type="checkbox"/> KTP '
        '<a href="x/">asli</a></label><ul><li>lain</li></ul></li>'
        '<li class="task-list-item"><p><label><input type="checkbox"/> Paspor</label></p><p>lagi</p></li></ul>')
