"""Printing, in a real browser (Debian's headless Chromium): the key pages of both languages
printed to PDF fit their page budgets, carry no navigation, and stand alone (title, language,
reviewed date, address as text and as a QR code that decodes to it, help contacts, page
numbers). Also: the handout PDFs of `make site`, the handouts pages listing them, and the
whole-guide page."""

import json
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pypdfium2
import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pmi_aman import DEFAULT_LANGUAGE, LANGUAGES, facts, pages, project
from pmi_aman.plugin import print_guide, render
from pmi_aman.problems import ContentError

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = project.site_url(ROOT)
OPTIONS = project.options(ROOT)
CASES = [(lang, page) for lang in LANGUAGES for page in OPTIONS.handouts]
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "bjn": "Bahasa Banjar"}
PAGE_WORD = {"id": "Halaman", "bjn": "Laman"}
# The parts of a page that are for the screen only.
CHROME = (
    ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-skip, .md-top, "
    ".md-banner, .md-dialog, .md-content__button"
)
CHROME_LINES = f"""() => {{
  const lines = [];
  document.querySelectorAll({json.dumps(CHROME)}).forEach(el => {{
    (el.textContent || "").split("\\n").forEach(t => lines.push(t.trim()));
    const input = el.querySelector("input[placeholder]");
    if (input) lines.push(input.placeholder);
  }});
  const article = document.querySelector("article").cloneNode(true);
  article.querySelectorAll(".md-content__button, .headerlink").forEach(el => el.remove());
  return {{ lines: lines, article: article.textContent }};
}}"""


def normalize(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def pdf_text(path):
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def public_url(page, lang):
    return SITE_URL + print_guide.url_path(page, lang)


def navigation_leaks(pdf_pages, chrome_lines, article_text):
    """Screen-only texts (menus, search, footer...) that were printed."""
    printed = normalize(" ".join(pdf_pages))
    article = normalize(article_text)
    leaks = []
    for line in {normalize(line) for line in chrome_lines}:
        if len(line) >= 4 and line not in article and line in printed:
            leaks.append(line)
    return sorted(leaks)


def qr_codes(pdf_path, page_index=-1, dpi=200):
    """The texts of the QR codes on one page of a PDF, rendered at dpi."""
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    bitmap = pdf[page_index % len(pdf)].render(scale=dpi / 72, grayscale=True)
    image = zxingcpp.ImageView(
        memoryview(bitmap.buffer), bitmap.width, bitmap.height, zxingcpp.ImageFormat.Lum,
        bitmap.stride,
    )
    return [code.text for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def main_contacts():
    with open(ROOT / "data" / "contacts.yml", encoding="utf-8") as f:
        return [c["display"] for c in yaml.safe_load(f).values() if c.get("main")]


def handout_pdf(site, page, lang):
    """The PDF of a handout as `make site` printed it."""
    return site / print_guide.prefix(lang) / OPTIONS.handout_folder / print_guide.pdf_name(page, OPTIONS)


@pytest.fixture(scope="session")
def printed(site, browser, server):
    """Every handout PDF of both languages that `make site` printed, with what the screen shows
    around its page."""
    tab = browser.new_page()
    result = {}
    for lang, page in CASES:
        tab.goto(server + print_guide.url_path(page, lang), wait_until="load")
        heading = tab.locator("h1").first.inner_text().strip()
        screen = tab.evaluate(CHROME_LINES)
        result[(lang, page)] = {"pdf": handout_pdf(site, page, lang), "heading": heading, **screen}
    tab.close()
    return result


# ---- The handout PDFs of the key pages ------------------------------------------------------


@pytest.mark.parametrize("lang,page", CASES)
def test_page_count_within_budget(printed, lang, page):
    count = len(PdfReader(printed[(lang, page)]["pdf"]).pages)
    limit = print_guide.budget(page, OPTIONS)
    assert count >= 1
    if limit is not None:
        assert count <= limit, f"docs/{lang}/{page}.md: {count} halaman A4, batasnya {limit}"


@pytest.mark.parametrize("lang,page", CASES)
def test_no_navigation_text(printed, lang, page):
    p = printed[(lang, page)]
    checked = [line for line in p["lines"] if len(line) >= 4]
    assert len(checked) > 10, "the screen page should have menus to compare with"
    assert navigation_leaks(pdf_text(p["pdf"]), p["lines"], p["article"]) == []


@pytest.mark.parametrize("lang,page", CASES)
def test_printout_stands_alone(printed, lang, page):
    p = printed[(lang, page)]
    text = pdf_text(p["pdf"])
    first = normalize(text[0])
    meta = pages.read_page(ROOT / "docs" / lang / f"{page}.md").meta
    assert "pmi aman" in first
    assert normalize(p["heading"]) in first
    assert normalize(LANGUAGE_NAMES[lang]) in first
    assert normalize(facts.format_date(meta["reviewed"], lang)) in first
    # The address box is on the first sheet: a handout passed on without its other sheets
    # still says where it comes from and whom to call.
    url = public_url(page, lang)
    assert url in first.replace(" ", "")
    for display in main_contacts():
        assert normalize(display) in first, f"kontak {display} tidak tercetak di halaman pertama"
    for number, page_text in enumerate(text, start=1):
        assert f"{PAGE_WORD[lang]} {number} / {len(text)}".lower() in normalize(page_text)


@pytest.mark.parametrize("lang,page", CASES)
def test_qr_code_decodes_to_the_address(printed, lang, page):
    pdf = printed[(lang, page)]["pdf"]
    assert qr_codes(pdf, 0) == [public_url(page, lang)]


def test_pages_are_a4_portrait(printed):
    box = PdfReader(printed[("id", "biaya")]["pdf"]).pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)


# ---- The checks themselves fail on broken input ---------------------------------------------


def test_navigation_check_catches_a_screen_printout(browser, server, tmp_path):
    tab = browser.new_page()
    tab.goto(server + "biaya/")
    tab.emulate_media(media="screen")  # as if print.css and Material's print rules were gone
    path = tmp_path / "screen.pdf"
    tab.pdf(path=str(path), format="A4")
    screen = tab.evaluate(CHROME_LINES)
    tab.close()
    assert navigation_leaks(pdf_text(path), screen["lines"], screen["article"]) != []


def test_qr_check_reads_a_wrong_address(browser, tmp_path):
    import segno

    html = tmp_path / "wrong.html"
    html.write_text(segno.make("https://example.org/salah/").svg_inline(scale=6), encoding="utf-8")
    tab = browser.new_page()
    tab.goto(html.as_uri())
    tab.pdf(path=str(tmp_path / "wrong.pdf"), format="A4")
    tab.close()
    assert qr_codes(tmp_path / "wrong.pdf") == ["https://example.org/salah/"]
    assert qr_codes(tmp_path / "wrong.pdf") != [public_url("biaya", "id")]


# ---- Print styles in the browser -------------------------------------------------------------


def test_print_styles(browser, server, tmp_path):
    tab = browser.new_page()
    tab.goto(server + "biaya/")
    tab.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("beforeend",
          '<details class="note"><summary>Ringkasan</summary><p>ISI-TERLIPAT</p></details>' +
          '<p><a href="https://example.org/aturan">aturan lengkap</a> ' +
          '<a class="pmi-link--shown" href="https://example.net/">example.net</a></p>')"""
    )
    path = tmp_path / "styles.pdf"
    tab.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    tab.emulate_media(media="print")
    styles = tab.evaluate(
        """() => ({
          body: getComputedStyle(document.querySelector("article > p")).fontSize,
          header: getComputedStyle(document.querySelector(".md-header")).display,
          nav: getComputedStyle(document.querySelector(".md-sidebar")).display,
          footer: getComputedStyle(document.querySelector(".md-footer")).display,
          color: getComputedStyle(document.querySelector("article > p")).color,
        })"""
    )
    tab.close()
    text = normalize(" ".join(pdf_text(path)))
    assert "isi-terlipat" in text  # collapsible blocks print open
    assert "(https://example.org/aturan)" in text  # outside link shows its target
    assert "(https://example.net/)" not in text  # ... unless its text already is the address
    assert float(styles["body"].rstrip("px")) * 0.75 >= 11  # px to pt
    assert styles["header"] == styles["nav"] == styles["footer"] == "none"
    assert styles["color"] == "rgb(0, 0, 0)"


# ---- Printing and budgets (print_guide.print_handouts), on a tiny synthetic site --------------


def synthetic_site(tmp_path, paragraphs):
    """A built site of one page, syarat-dokumen, with a handouts page that has its cells."""
    folder = tmp_path / "site" / "syarat-dokumen"
    folder.mkdir(parents=True)
    body = "".join(f"<p>Baris {n}: isi yang panjang sekali untuk mengisi kertas.</p>" for n in range(paragraphs))
    (folder / "index.html").write_text(
        f"<!doctype html><html lang=id><meta charset=utf-8><h1>Syarat</h1>{body}</html>",
        encoding="utf-8",
    )
    listing = tmp_path / "site" / "selebaran" / "index.html"
    listing.parent.mkdir()
    cells = "".join(print_guide.FIGURE.format(lang="id", page="syarat-dokumen", what=w) for w in ("pages", "size"))
    listing.write_text(f"<!doctype html><html lang=id><meta charset=utf-8><p>{cells}</p></html>", encoding="utf-8")
    return tmp_path / "site"


def print_synthetic(browser, site, page="syarat-dokumen", budget=1):
    config = SimpleNamespace(site_dir=str(site), strict=True)
    options = SimpleNamespace(handout_folder="selebaran/pdf",
                              handouts={page: SimpleNamespace(file=page, budget=budget)})
    return print_guide.print_handouts(config, ["id"], options, browser)


def test_printing_stops_on_a_page_over_budget(browser, tmp_path):
    with pytest.raises(ContentError) as stopped:
        print_synthetic(browser, synthetic_site(tmp_path, 200))
    message = str(stopped.value)
    assert "docs/id/syarat-dokumen.md" in message and "batasnya 1 halaman" in message
    assert len(PdfReader(tmp_path / "site" / "selebaran" / "pdf" / "syarat-dokumen.pdf").pages) > 1


def test_printing_a_page_within_budget_fills_in_its_figures(browser, tmp_path):
    site = synthetic_site(tmp_path, 5)
    entry = print_synthetic(browser, site)[0]
    pdf = site / "selebaran" / "pdf" / "syarat-dokumen.pdf"
    assert entry["pages"] == 1 == len(PdfReader(pdf).pages)
    listing = (site / "selebaran" / "index.html").read_text(encoding="utf-8")
    assert f'>1</span>' in listing and f'>{print_guide.format_size(pdf.stat().st_size)}</span>' in listing


def test_printing_names_a_handout_whose_page_is_missing(browser, tmp_path):
    with pytest.raises(ContentError) as stopped:
        print_synthetic(browser, synthetic_site(tmp_path, 5), page="biaya")
    assert "'biaya'" in str(stopped.value) and "mkdocs.yml" in str(stopped.value)


def test_budget_problems():
    entries = [
        {"page": "tanda-bahaya", "lang": "bjn", "pages": 2, "budget": 1},
        {"page": "jalur-resmi", "lang": "id", "pages": 2, "budget": 2},
        {"page": "cetak-semua", "lang": "id", "pages": 40, "budget": None},
    ]
    problems = print_guide.budget_problems(entries)
    assert [p.path for p in problems] == ["docs/bjn/tanda-bahaya.md"]
    assert "2 halaman A4, padahal batasnya 1 halaman" in problems[0].message
    budget = print_guide.budget
    assert budget("syarat-dokumen", OPTIONS) == 1 and budget("jalur-resmi", OPTIONS) == 2
    assert budget("biaya", OPTIONS) == 4 and budget("cetak-semua", OPTIONS) is None


# ---- What `make site` produced -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_page_lists_every_pdf(site, lang):
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    page = site / prefix / "selebaran" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("article table tbody tr")
    assert rows, f"{page}: belum ada daftar PDF. Jalankan 'make site'."
    listed = {}
    for row in rows:
        cells = row.find_all("td")
        href = cells[0].find("a")["href"]
        pdf = page.parent / href
        assert pdf.exists(), f"{href} ditautkan tetapi tidak ada di site/"
        assert int(cells[1].get_text()) == len(PdfReader(pdf).pages)
        assert cells[2].get_text().strip() == print_guide.format_size(pdf.stat().st_size)
        listed[pdf.name] = len(PdfReader(pdf).pages)
    expected = {print_guide.pdf_name(p, OPTIONS): p for p in OPTIONS.handouts}
    assert set(listed) == set(expected)
    for name, count in listed.items():
        limit = print_guide.budget(expected[name], OPTIONS)
        assert limit is None or count <= limit, f"{prefix}selebaran/pdf/{name}: {count} > {limit}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_sheet_of_every_handout_pdf_has_qr_code_and_contacts(site, lang):
    """The PDFs of `make site` that readers download: the first sheet of each carries the
    QR code (decoded) of its page and the main contacts of data/contacts.yml."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    folder = site / prefix / "selebaran" / "pdf"
    made = {print_guide.pdf_name(p, OPTIONS): p for p in OPTIONS.handouts}
    pdfs = sorted(folder.glob("*.pdf"))
    assert {pdf.name for pdf in pdfs} == set(made), f"{folder}: jalankan 'make site'"
    for pdf in pdfs:
        assert qr_codes(pdf, 0) == [public_url(made[pdf.name], lang)], pdf.name
        first = normalize(pdf_text(pdf)[0])
        for display in main_contacts():
            assert normalize(display) in first, f"{pdf.name}: kontak {display} tidak di halaman pertama"


def test_first_sheet_check_catches_a_box_at_the_end(browser, server, tmp_path):
    """A printout whose address box is moved to the end fails the first-sheet checks."""
    tab = browser.new_page()
    tab.goto(server + "hak-kewajiban/")
    tab.evaluate("""() => { const box = document.querySelector(".pmi-print-footer");
      document.querySelector("article").appendChild(box); }""")
    tab.emulate_media(media="print")
    path = tmp_path / "box-at-end.pdf"
    tab.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    tab.close()
    assert len(PdfReader(path).pages) > 1
    assert qr_codes(path, 0) == []
    first = normalize(pdf_text(path)[0])
    assert any(normalize(display) not in first for display in main_contacts())


def test_plain_build_without_pdfs_says_so(buildable_copy):
    """buildable_copy (conftest.py): a copy of the sources (no PDFs made), built with `make build`."""
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    for lang, folder in (("id", ""), ("bjn", "bjn/")):
        html = (buildable_copy.root / "site" / folder / "selebaran" / "index.html").read_text(encoding="utf-8")
        assert "make site" in html
        assert not (buildable_copy.root / "site" / folder / "selebaran" / "pdf").exists()


def test_handouts_table_comes_from_the_configuration():
    options = SimpleNamespace(handout_folder="selebaran/pdf", handouts={
        "biaya": SimpleNamespace(file="biaya", budget=4),
        "tanda-bahaya": SimpleNamespace(file="tanda-bahaya", budget=1)})
    assert "make site" in print_guide.table("id", options, listed=False)
    table = print_guide.table("id", options)
    title = pages.read_page(ROOT / "docs/id/biaya.md").meta["title"]
    assert (f'| [{title}](selebaran/pdf/biaya.pdf) | <span data-pmi-pdf="id/biaya/pages"></span> '
            '| <span data-pmi-pdf="id/biaya/size"></span> |') in table
    assert "(selebaran/pdf/tanda-bahaya.pdf)" in table
    offline = print_guide.table("bjn", options, figures=False)  # the offline edition: links only
    assert "(selebaran/pdf/biaya.pdf) |" in offline and "data-pmi-pdf" not in offline


# ---- The whole guide ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_whole_guide_has_every_chapter_in_order(site, lang):
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    html = (site / prefix / "cetak-semua" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    chapters = [s["id"] for s in article.select("section.pmi-chapter")]
    order = [name for name in _nav_pages(mkdocs_config()["nav"]) if name not in OPTIONS.not_in_guide]
    assert chapters == [print_guide.chapter_id(name) for name in order]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "id ganda di halaman cetak-semua"
    for link in article.find_all("a", href=True):
        if link["href"].startswith("#"):
            assert link["href"][1:] in ids, f"tautan {link['href']} tidak menuju bagian mana pun"
    assert len(article.find_all("h1")) == 1


def mkdocs_config():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !!python/...
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def _nav_pages(items):
    for item in items:
        value = item if isinstance(item, str) else next(iter(item.values()))
        if isinstance(value, list):
            yield from _nav_pages(value)
        else:
            yield value




def test_chapter_rewriting():
    html = (
        '<h1 id="biaya">Biaya</h1><h2 id="rincian">Rincian</h2>'
        '<p><a href="#rincian">atas</a> <a href="../jalur-resmi/#langkah-2">langkah</a> '
        '<a href="../tentang/">tentang</a> <a href="https://kp2mi.go.id/">luar</a> '
        '<a href="tel:110">110</a><sup id="fnref:1"><a href="#fn:1">1</a></sup></p>'
    )
    out = print_guide.as_chapter(
        html, "bab-biaya", "Biaya", "biaya/", "cetak-semua/",
        {"biaya/": "bab-biaya", "jalur-resmi/": "bab-jalur-resmi"},
    )
    assert '<h2 id="bab-biaya--biaya">' in out and '<h3 id="bab-biaya--rincian">' in out
    assert 'href="#bab-biaya--rincian"' in out
    assert 'href="#bab-jalur-resmi--langkah-2"' in out
    assert 'href="../tentang/"' in out
    assert 'href="https://kp2mi.go.id/"' in out and 'href="tel:110"' in out
    assert 'id="bab-biaya--fnref:1"' in out and 'href="#bab-biaya--fn:1"' in out


def test_chapter_without_heading_gets_its_title():
    out = print_guide.as_chapter("<p>isi</p>", "bab-x", "Judul", "x/", "cetak-semua/", {})
    assert out.startswith("<h2>Judul</h2>")


def test_print_links_marks_links_that_show_their_address():
    html = (
        '<a href="https://siskop2mi.bp2mi.go.id/">siskop2mi.bp2mi.go.id</a> '
        '<a href="https://kp2mi.go.id/">Situs KP2MI</a> '
        '<a class="x" href="https://www.kemlu.go.id">kemlu.go.id</a>'
    )
    out = render.mark_links_showing_their_address(html)
    assert '<a class="pmi-link--shown" href="https://siskop2mi.bp2mi.go.id/">' in out
    assert '<a href="https://kp2mi.go.id/">Situs KP2MI</a>' in out
    assert '<a class="pmi-link--shown x" href="https://www.kemlu.go.id">' in out
