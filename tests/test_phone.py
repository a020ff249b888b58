"""The site on a cheap phone: Chromium at 360 x 640, every page of both languages.

- Help is one tap away: the help control (partials/pmi-help.html) is on the first screen of
  every page, opens without JavaScript, and lists exactly the main contacts of
  data/contacts.yml; on the home page the first help number is on the first screen.
- Nothing is wider than the screen (contact tables are stacked), and no phone number breaks
  over two lines.
- Abbreviations: the first use on each page is spelled out (scripts/pmi_aman/reading.py), and
  a tap on a later one shows its expansion (site.js).
- The tanda-bahaya checklist is near the top and can be ticked.
Each measuring function is also fed a broken page, to show that it can fail.
"""

import pytest
import yaml

from conftest import ROOT
from pmi_aman import DEFAULT_LANGUAGE, LANGUAGES, reading
from pmi_aman.browsing import block_outside, site_pages

SCREEN = {"width": 360, "height": 640}
PHONE_LINKS = 'a[href^="tel:"], a[href^="https://wa.me/"]'

HELP_CONTROL = """() => {
  const button = document.querySelector(".pmi-help__button");
  if (!button) return null;
  const r = button.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right,
           visible: button.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
           text: button.textContent.trim() };
}"""

HELP_CONTACTS = """() => [...document.querySelectorAll(".pmi-help__contacts a")]
  .filter(a => a.checkVisibility())
  .map(a => ({ text: a.textContent.trim(), href: a.getAttribute("href"),
               bottom: a.getBoundingClientRect().bottom }))"""

# Elements (visible, inside the page as the reader sees it) sticking out of the screen. The
# closed menu drawer and search overlay are moved off-screen on purpose by Material; text for
# screen readers only (inside a 1 px box that hides its overflow) is not seen either.
TOO_WIDE = """(width) => {
  const out = [];
  const clipped = el => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if (getComputedStyle(a).overflow !== "visible" && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };
  document.querySelectorAll("body *").forEach(el => {
    if (!el.checkVisibility({ visibilityProperty: true })) return;
    if (el.closest(".md-sidebar--primary, .md-search, .md-skip, .md-dialog")) return;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    if ((r.right > width + 1 || r.left < -1) && !clipped(el)) {
      out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ?
        "." + el.className.trim().split(/\\s+/).join(".") : "") + " " + Math.round(r.width) + "px");
    }
  });
  return { elements: out.slice(0, 5), scroll: document.documentElement.scrollWidth };
}"""

# A phone number that wraps is drawn as more than one line box.
WRAPPED_NUMBERS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(a => a.checkVisibility())
  .filter(a => new Set([...a.getClientRects()].map(r => Math.round(r.top))).size > 1)
  .map(a => a.textContent.trim())"""

FIRST_NUMBER_IN_ARTICLE = """() => {
  const a = [...document.querySelectorAll("article a[href^='tel:']")].find(a => a.checkVisibility());
  if (!a) return null;
  const r = a.getBoundingClientRect();
  return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY), text: a.textContent.trim() };
}"""


def main_contacts():
    with open(ROOT / "data" / "contacts.yml", encoding="utf-8") as f:
        contacts = yaml.safe_load(f)
    prefix = {"phone": "tel:", "whatsapp": "https://wa.me/", "web": ""}
    return [
        {"text": c["display"], "href": prefix[c["kind"]] + c["value"]}
        for c in contacts.values()
        if c.get("main")
    ]


def help_problems(where, control, contacts, expected):
    """Indonesian messages: the help control is missing, off the first screen, or lists other
    contacts than data/contacts.yml (main: true)."""
    if control is None:
        return [f"{where}: tidak ada tombol Bantuan (overrides/partials/pmi-help.html)"]
    problems = []
    if not control["visible"] or control["top"] < 0 or control["bottom"] > SCREEN["height"]:
        problems.append(f"{where}: tombol '{control['text']}' tidak terlihat di layar pertama "
                        f"(y={round(control['top'])})")
    shown = [{"text": c["text"], "href": c["href"]} for c in contacts]
    if shown != expected:
        problems.append(f"{where}: kontak di tombol Bantuan {shown} berbeda dari data/contacts.yml {expected}")
    return problems


def width_problems(where, measured):
    problems = [f"{where}: {el} lebih lebar dari layar {SCREEN['width']} px" for el in measured["elements"]]
    if measured["scroll"] > SCREEN["width"]:
        problems.append(f"{where}: halaman bisa digeser ke samping ({measured['scroll']} px)")
    return problems


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=SCREEN, has_touch=True, is_mobile=True)
    block_outside(context)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def measured(site, server, phone):
    """Every page of both languages, measured once at 360 x 640."""
    results = {}
    for path in site_pages(site, readers_only=True):
        phone.goto(server + path, wait_until="load")
        control = phone.evaluate(HELP_CONTROL)
        width = phone.evaluate(TOO_WIDE, SCREEN["width"])
        if control is not None:
            phone.locator(".pmi-help__button").tap()
        contacts = phone.evaluate(HELP_CONTACTS)
        wrapped = phone.evaluate(WRAPPED_NUMBERS, PHONE_LINKS)
        results[path] = {"control": control, "contacts": contacts, "width": width, "wrapped": wrapped}
    return results


def test_every_page_was_measured(measured):
    assert "" in measured and "bjn/" in measured
    assert len([p for p in measured if p.startswith("bjn/")]) >= 15


def test_help_control_on_first_screen_with_the_main_contacts(measured):
    expected = main_contacts()
    assert len(expected) >= 3
    problems = []
    for path, m in measured.items():
        problems += help_problems(f"/{path}", m["control"], m["contacts"], expected)
    assert problems == []


def test_help_control_is_named_in_the_pages_language(measured):
    assert measured[""]["control"]["text"] == "Bantuan"
    assert measured["bjn/"]["control"]["text"] == "Patulung"


def test_help_opens_without_javascript(browser, server):
    context = browser.new_context(viewport=SCREEN, java_script_enabled=False, has_touch=True)
    block_outside(context)
    tab = context.new_page()
    tab.goto(server + "bjn/biaya/")
    tab.locator(".pmi-help__button").tap()
    contacts = tab.evaluate(HELP_CONTACTS)
    context.close()
    assert [{"text": c["text"], "href": c["href"]} for c in contacts] == main_contacts()
    assert all(c["bottom"] <= SCREEN["height"] for c in contacts), "kontak terpotong di bawah layar"


def test_nothing_wider_than_the_screen(measured):
    problems = []
    for path, m in measured.items():
        problems += width_problems(f"/{path}", m["width"])
    assert problems == []


def test_no_phone_number_wraps(measured):
    problems = [f"/{path}: nomor terpotong ke baris baru: {m['wrapped']}" for path, m in measured.items() if m["wrapped"]]
    assert problems == []


@pytest.mark.parametrize("path", ["", "bjn/"])
def test_home_help_number_on_first_screen(server, phone, path):
    phone.goto(server + path)
    first = phone.evaluate(FIRST_NUMBER_IN_ARTICLE)
    print(f"/{path}: nomor bantuan pertama {first}")
    assert first is not None
    assert first["bottom"] <= SCREEN["height"], f"/{path}: nomor bantuan pertama di y={first['top']} px"


# ---- The measurements fail on a broken page --------------------------------------------------


def test_checks_catch_a_broken_page(server, phone):
    phone.goto(server + "pengaduan-bantuan/")
    phone.evaluate("""() => {
      document.querySelector(".pmi-help").style.marginTop = "700px";
      document.querySelector(".pmi-help__contacts li").remove();
      document.querySelector("article").insertAdjacentHTML("afterbegin",
        '<div style="width:500px">LEBAR</div>' +
        '<p style="width:60px"><a href="tel:08001000" style="white-space:normal">0-800- 1000</a></p>');
    }""")
    control = phone.evaluate(HELP_CONTROL)
    phone.locator(".pmi-help__button").evaluate("b => b.parentElement.open = true")
    contacts = phone.evaluate(HELP_CONTACTS)
    problems = help_problems("/pengaduan-bantuan/", control, contacts, main_contacts())
    assert any("tidak terlihat di layar pertama" in p for p in problems)
    assert any("berbeda dari data/contacts.yml" in p for p in problems)
    assert any("div" in p and "lebih lebar" in p for p in width_problems("x", phone.evaluate(TOO_WIDE, SCREEN["width"])))
    assert "0-800- 1000" in phone.evaluate(WRAPPED_NUMBERS, PHONE_LINKS)


def test_missing_help_control_is_reported():
    assert "tidak ada tombol Bantuan" in help_problems("/x/", None, [], main_contacts())[0]


# ---- Abbreviations -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "bjn/", "pengaduan-bantuan/"])
def test_tap_on_an_abbreviation_shows_its_expansion(server, phone, path):
    phone.goto(server + path)
    # A later use (the first one is spelled out in the text).
    abbr = phone.locator("article abbr[title]:not(:has(+ .pmi-abbr-expansion))").last
    abbr.scroll_into_view_if_needed()
    title = abbr.get_attribute("title")
    abbr.tap()
    tip = abbr.locator("xpath=following-sibling::*[1]")
    assert tip.is_visible()
    assert tip.inner_text().strip() == f"({title})"
    abbr.tap()
    assert abbr.locator("xpath=following-sibling::*[1][contains(@class,'pmi-abbr-tip')]").count() == 0


def test_first_use_spelled_out_on_every_page(site):
    """On every built page, each abbreviation used in running text is spelled out once."""
    import re

    problems = []
    for lang in LANGUAGES:
        root = site if lang == DEFAULT_LANGUAGE else site / lang
        for page in sorted(root.glob("**/index.html")):
            if lang == DEFAULT_LANGUAGE and page.relative_to(site).parts[0] in LANGUAGES:
                continue
            html = page.read_text(encoding="utf-8")
            article = html[html.find("<article"):html.find("</article>")]
            used = set(re.findall(r'<abbr title="[^"]*">([^<]*)</abbr>', article))
            spelled = set(re.findall(r'<abbr title="[^"]*">([^<]*)</abbr><span class="pmi-abbr-expansion">', article))
            text = reading.text_of(article).lower()
            for short in used - spelled:
                title = reading.expansions(lang).get(short, "")
                if title.split(" (")[0].split(",")[0].lower() not in text:
                    problems.append(f"{page.relative_to(site)}: {short} tidak pernah dijelaskan")
    assert problems == []


def test_spell_out_first_use_only_in_running_text():
    html = (
        '<h2><abbr title="Pekerja Migran Indonesia">PMI</abbr></h2>'
        '<p>Calon <abbr title="Pekerja Migran Indonesia">PMI</abbr> dan '
        '<abbr title="Pekerja Migran Indonesia">PMI</abbr>.</p>'
        '<p><a href="x/"><abbr title="Undang-Undang">UU</abbr></a> <abbr title="Undang-Undang">UU</abbr></p>'
        '<table><tr><th><abbr title="Peraturan Presiden">Perpres</abbr></th></tr>'
        '<tr><td><abbr title="Pekerja Migran Indonesia">PMI</abbr></td>'
        '<td><abbr title="Peraturan Pemerintah">PP</abbr> <abbr title="Peraturan Pemerintah">PP</abbr>'
        '</td></tr></table>'
    )
    out = reading.spell_out_abbreviations(html, "id")
    assert out.count('<span class="pmi-abbr-expansion"> (Pekerja Migran Indonesia)</span>') == 1
    assert out.startswith('<h2><abbr title="Pekerja Migran Indonesia">PMI</abbr></h2><p>Calon <abbr')
    assert '<a href="x/"><abbr title="Undang-Undang">UU</abbr></a> <abbr title="Undang-Undang">UU</abbr><span' in out
    # In a table: only what the running text does not explain, once; never in a heading cell.
    assert out.count("(Peraturan Pemerintah)") == 1
    assert "(Peraturan Presiden)" not in out


def test_spell_out_inside_brackets_without_a_second_bracket():
    html = '<p>peraturan Badan (<abbr title="Badan Contoh">BCX</abbr>)</p>'
    out = reading.spell_out_abbreviations(html, "id")
    assert out == ('<p>peraturan Badan (<abbr title="Badan Contoh">BCX</abbr>'
                   '<span class="pmi-abbr-expansion">, Badan Contoh</span>)</p>')


def test_spell_out_skips_an_abbreviation_already_explained():
    html = '<p>Pekerja Migran Indonesia (<abbr title="Pekerja Migran Indonesia">PMI</abbr>) bekerja.</p>'
    assert reading.spell_out_abbreviations(html, "id") == html


def test_banjar_expansion_where_it_differs():
    html = '<p><abbr title="Government to Government, penempatan antarpemerintah">G-to-G</abbr></p>'
    out = reading.spell_out_abbreviations(html, "bjn")
    assert "panempatan antarpamarintah" in out and "penempatan antarpemerintah" not in out
    assert "penempatan antarpemerintah" in reading.spell_out_abbreviations(html, "id")


def test_table_cells_carry_their_column_name():
    html = (
        "<table><thead><tr><th>Layanan</th><th>Nomor &amp; alamat</th></tr></thead>"
        "<tbody><tr><td>Polisi</td><td>110</td></tr><tr><td>KP2MI</td><td>0-800-1000</td></tr></tbody></table>"
    )
    out = reading.label_table_cells(html)
    assert out.count('<td data-label="Layanan">') == 2
    assert out.count('<td data-label="Nomor &amp; alamat">') == 2


# ---- The checklist ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["tanda-bahaya/", "bjn/tanda-bahaya/"])
def test_checklist_near_the_top_and_tickable(server, phone, path):
    phone.goto(server + path)
    first_section = phone.evaluate("() => document.querySelector('article h2').id")
    assert first_section == "daftar-periksa", f"/{path}: daftar periksa bukan bagian pertama"
    boxes = phone.locator("article .task-list-item input[type=checkbox]")
    assert boxes.count() >= 5
    assert boxes.first.is_enabled()
    phone.locator("article .task-list-item label").first.tap()
    assert boxes.first.is_checked()


# ---- Edit link for editors only, help number in the footer ----------------------------------


def built_pages(folder):
    return [p for p in sorted(folder.rglob("*.html")) if p.name != "404.html" and "assets" not in p.parts]


@pytest.mark.parametrize("edition", ["site", "build/offline"])
def test_no_edit_pencil_and_footer_gives_help_and_edit_link(site, edition):
    from bs4 import BeautifulSoup

    folder = ROOT / edition
    pages = built_pages(folder)
    assert len(pages) >= 30, f"{folder}: jalankan 'make site'"
    first = main_contacts()[0]
    problems = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("article") is None:
            continue
        where = page.relative_to(folder)
        if soup.select(".md-content__button"):
            problems.append(f"{where}: masih ada tombol pensil di atas isi")
        number = soup.select_one(".md-footer .pmi-footer-help a")
        if number is None or (number.get_text(strip=True), number["href"]) != (first["text"], first["href"]):
            problems.append(f"{where}: nomor bantuan {first['text']} tidak ada di kaki halaman")
        if soup.select_one(".md-footer a[rel=edit]") is None:
            problems.append(f"{where}: tautan 'Ubah halaman ini di GitHub' tidak ada di kaki halaman")
    assert problems == []
