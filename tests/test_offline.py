"""The offline edition: one ZIP per language (make site), linked from the handouts page, that
works from file:// in Chromium with navigation and search, and loads nothing over the network."""

import zipfile

import pytest

from pmi_aman import LANGUAGES, site_checks
from pmi_aman.browsing import Recorder, block_outside, is_outside, request_problems, search
from pmi_aman.offline import zip_name


@pytest.fixture(scope="module", params=LANGUAGES)
def edition(request, site, tmp_path_factory):
    """(language, folder of the unpacked ZIP)."""
    lang = request.param
    archive = site / "unduh" / zip_name(lang)
    assert archive.exists() and archive.stat().st_size > 0, f"{archive} belum dibuat: jalankan 'make site'"
    target = tmp_path_factory.mktemp(f"offline-{lang}")
    with zipfile.ZipFile(archive) as unpacked:
        unpacked.extractall(target)
    folders = [path for path in target.iterdir() if path.is_dir()]
    assert len(folders) == 1, folders  # one folder, so unpacking never scatters files
    return lang, folders[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_handouts_page_links_both_offline_editions(site, lang):
    page = site / ("" if lang == "id" else lang) / "selebaran/index.html"
    html = page.read_text(encoding="utf-8")
    for edition in LANGUAGES:
        assert f'unduh/{zip_name(edition)}"' in html, f"{page}: no link to {zip_name(edition)}"


def test_edition_is_complete(site, edition):
    """The ZIP as the reader unpacks it: every link and anchor works from file://, and its links
    to the public site (other language, PDFs) lead to pages of site/. The site's own link
    checker; its messages are tested in tests/test_checks.py (offline edition)."""
    lang, folder = edition
    assert (folder / "index.html").is_file()
    assert (folder / ("" if lang == "id" else lang) / "search/search_index.js").is_file()
    assert not list(folder.rglob("*.map")) and not list(folder.rglob("*.pdf"))
    problems = site_checks.check_site(folder, offline=True, public=site)
    assert not problems, "\n".join(map(str, problems))


def test_links_to_the_other_language_and_pdfs_point_to_the_public_site(edition):
    lang, folder = edition
    other = "bjn" if lang == "id" else "id"
    page = (folder / ("" if lang == "id" else lang) / "biaya.html").read_text(encoding="utf-8")
    public = "https://pmi-aman.github.io/pmi-aman/"
    other_page = public + ("" if other == "id" else f"{other}/") + "biaya/"
    assert f'href="{other_page}" hreflang="{other}"' in page
    # The printed address and the canonical address are the public ones, not biaya.html.
    own_page = public + ("" if lang == "id" else f"{lang}/") + "biaya/"
    assert f'<link rel="canonical" href="{own_page}">' in page
    assert f'<span class="pmi-url">{own_page}</span>' in page
    handouts = (folder / ("" if lang == "id" else lang) / "selebaran.html").read_text(encoding="utf-8")
    assert f'href="{public}' in handouts and ".pdf" in handouts


def test_edition_works_from_file_with_navigation_and_search(browser, edition):
    lang, folder = edition
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    block_outside(context)
    page = context.new_page()
    recorder = Recorder(page)

    home = folder / ("" if lang == "id" else lang) / "index.html"
    page.goto((folder / "index.html").as_uri())
    page.wait_for_url(home.as_uri())  # the Banjar edition's index.html leads to bjn/index.html
    page.wait_for_load_state("load")
    assert page.get_attribute("html", "lang") == lang
    # Material's stylesheet and our colours are applied: the header is the site's green.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor") == "rgb(11, 92, 59)"

    # Navigation: click a link of the menu to another page of the edition.
    page.click(".md-nav--primary a.md-nav__link[href='biaya.html']")
    page.wait_for_load_state("load")
    assert page.url == home.with_name("biaya.html").as_uri()
    assert page.locator("article h1").count() == 1

    # Search, from file://, in the edition's language.
    links = search(page, "biaya")
    assert links, "offline search found nothing for 'biaya'"
    assert all(link.startswith(home.parent.as_uri() + "/") for link in links), links
    page.click(".md-search-result__link >> nth=0")
    page.wait_for_load_state("load")
    assert page.url.startswith(home.with_name("biaya.html").as_uri()), page.url

    requests = recorder.snapshot()
    assert not [url for url, _ in requests if is_outside(url)], requests
    assert all(url.startswith("file://") for url, _ in requests), [u for u, _ in requests if not u.startswith("file:")]
    assert not request_problems(page.url, requests)
    context.close()
