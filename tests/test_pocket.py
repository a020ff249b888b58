"""The site in the reader's pocket (issue 12): stored for reading offline after one visit
(service worker per language, scripts/pmi_aman/pocket.py), installable (web app manifest),
"Bagikan" (share) and "Dengarkan" (listen), in Chromium, in both languages."""

import json
import re
import shutil
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import run_build
from pmi_aman import LANGUAGES, pocket
from pmi_aman.browsing import block_outside, is_outside, search, serve, site_pages
from pmi_aman.offline import zip_name
from test_accessibility import axe_problems

PUBLIC = "https://pmi-aman.github.io/pmi-aman/"
SAVED = {"id": "Sudah tersimpan", "bjn": "Sudah tasimpan"}
LISTEN = {"id": "Dengarkan", "bjn": "Dangarakan"}
OFFLINE_TITLE = {"id": "Anda sedang tidak tersambung ke internet", "bjn": "Pian lagi kada tasambung ka internet"}
NOT_FOUND_TITLE = {"id": "Halaman tidak ditemukan", "bjn": "Laman kada tadapat"}


def home(lang):
    return pocket.prefix(lang)


def pages_of(site, lang):
    other = [f"{o}/" for o in LANGUAGES if o != lang and o != "id"]
    own = pocket.prefix(lang)
    return [p for p in site_pages(site, readers_only=True) if p.startswith(own) and not any(p.startswith(o) for o in other)]


def sw_data(site, lang):
    first = (site / pocket.prefix(lang) / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    return json.loads(re.match(r"var POCKET = (.*);$", first).group(1))


def wait_saved(page, lang, timeout=60000):
    page.wait_for_function(
        "() => { const r = navigator.serviceWorker.controller; const s = document.querySelector('.pmi-save');"
        " return r && (!s || s.dataset.pmiState === 'saved'); }", timeout=timeout)


def cache_state(page, lang):
    """{cache name: [(url, status)]} of this language's caches, read in the page."""
    return page.evaluate("""async (lang) => {
        const out = {};
        for (const name of await caches.keys()) {
          if (!name.startsWith('pmi-aman-' + lang + '-')) continue;
          const cache = await caches.open(name);
          const keys = await cache.keys();
          out[name] = await Promise.all(keys.map(async (r) => [r.url, (await cache.match(r)).status]));
        }
        return out;
      }""", lang)


# What the build writes ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_edition_lists_its_own_pages_and_assets_only(site, lang):
    data = sw_data(site, lang)
    files = data["files"]
    own_pages = pages_of(site, lang)
    expected = {(p[len(pocket.prefix(lang)):] or "./") for p in own_pages}
    listed_pages = {f for f in files if f == "./" or f.endswith("/")}
    assert listed_pages == expected
    up = "" if lang == "id" else "../"
    for needed in ("404.html", "luring.html", "manifest.webmanifest", "search/search_index.json",
                   f"{up}assets/javascripts/pocket.js", f"{up}assets/javascripts/site.js",
                   f"{up}assets/stylesheets/site.css", f"{up}assets/images/icon.svg"):
        assert needed in files, needed
    assert any(re.match(rf"{re.escape(up)}assets/javascripts/bundle\.\w+\.min\.js$", f) for f in files)
    assert any(re.match(rf"{re.escape(up)}assets/javascripts/workers/search\.\w+\.min\.js$", f) for f in files)
    assert not [f for f in files if f.endswith((".pdf", ".zip", ".map")) or ":" in f or f.startswith("/")]
    if lang == "id":
        assert not [f for f in files if f.startswith("bjn/")]
    else:
        assert not [f for f in files if f.startswith("../") and not f.startswith("../assets/")]
    assert data["others"] == (["bjn/"] if lang == "id" else [])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_and_help_pages_show_the_download_size(site, lang):
    kb = pocket.kilobytes(pocket.edition(site, lang, LANGUAGES)["bytes"])
    assert 50 < kb < 2000, kb
    for name in ("index.html", "pengaduan-bantuan/index.html"):
        html = (site / pocket.prefix(lang) / name).read_text(encoding="utf-8")
        shown = re.search(r'class="pmi-save".*? (\d+) KB\.', html, re.S)
        # Measured before the number replaced the mark, a few bytes longer: the same KB, or one more.
        assert shown and int(shown.group(1)) in (kb, kb + 1), name
    assert 'class="pmi-save"' not in (site / pocket.prefix(lang) / "biaya/index.html").read_text(encoding="utf-8")
    assert not [p for p in site.rglob("*.html") if pocket.SIZE_MARK in p.read_text(encoding="utf-8")]


def test_version_follows_the_content_of_its_own_edition(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("unduh", "pdf"))
    before = {lang: pocket.edition(copy, lang, LANGUAGES)["version"] for lang in LANGUAGES}
    page = copy / "biaya/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>Baru.</p></article>"), encoding="utf-8")
    after = {lang: pocket.edition(copy, lang, LANGUAGES)["version"] for lang in LANGUAGES}
    assert after["id"] != before["id"]
    assert after["bjn"] == before["bjn"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_manifest_meets_the_install_requirements(site, lang):
    """Lighthouse 12 (scripts/bench.py) has no installability audit any more; Chromium's own
    check is test_chromium_finds_the_site_installable. These are the manifest's requirements."""
    manifest = json.loads((site / pocket.prefix(lang) / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] and manifest["short_name"] and len(manifest["short_name"]) <= 12
    assert manifest["lang"] == lang and manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["display"] in ("standalone", "fullscreen", "minimal-ui")
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    icons = manifest["icons"]
    assert any(i["sizes"] == "any" and i["type"] == "image/svg+xml" and i.get("purpose", "any") == "any" for i in icons)
    for icon in icons:
        assert (site / pocket.prefix(lang) / icon["src"]).resolve().is_file(), icon
    html = (site / pocket.prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="manifest.webmanifest">' in html


def test_offline_edition_has_no_service_worker(site):
    for lang in LANGUAGES:
        with zipfile.ZipFile(site / "unduh" / zip_name(lang)) as archive:
            names = archive.namelist()
            assert not [n for n in names if n.endswith(("sw.js", "luring.html", "manifest.webmanifest"))]
            home_page = archive.read(f"pmi-aman-{lang}/{pocket.prefix(lang)}index.html").decode("utf-8")
            assert "data-pmi-sw" not in home_page and 'rel="manifest"' not in home_page
            assert "pmi-share" in home_page  # share and listen work from file:// too


def test_service_worker_only_for_the_public_site():
    class Config:
        def __init__(self, url, directory_urls=True):
            self.site_url, self.use_directory_urls = url, directory_urls

    assert pocket.enabled(Config(PUBLIC))
    assert not pocket.enabled(Config(PUBLIC, directory_urls=False))  # offline edition
    assert not pocket.enabled(Config("http://127.0.0.1:8000/pmi-aman/"))  # mkdocs serve
    assert not pocket.enabled(Config(""))


# In Chromium: offline after one visit ---------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_one_visit_every_page_its_search_and_404_load_offline(site, browser, lang):
    # No block_outside here: with Playwright's request routing on, Chromium does not let the
    # service worker answer a dedicated worker's script (the search worker of bjn/ pages, at
    # assets/, outside the bjn/ scope). Requests to other hosts are recorded and must be none.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    with serve(site) as base:
        page.goto(base + home(lang), wait_until="load")
        wait_saved(page, lang)
        assert SAVED[lang] in page.inner_text(".pmi-save__state")
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)") == "activated"
        caches = cache_state(page, lang)
    # The network is gone: the server is stopped and the browser is offline.
    context.set_offline(True)
    assert len(caches) == 1
    stored = next(iter(caches.values()))
    assert all(status == 200 for _, status in stored), stored
    assert not [url for url, _ in stored if is_outside(url) or not url.startswith(base)]
    for path in pages_of(site, lang):
        response = page.goto(base + path, wait_until="load")
        assert response.status == 200, path
        assert page.locator("article h1").count() == 1, path
        assert page.get_attribute("html", "lang") == lang
    page.goto(base + home(lang) + "biaya/", wait_until="load")
    links = search(page, "biaya")
    assert links and all(link.startswith(base + home(lang)) for link in links), links
    page.goto(base + home(lang) + "404.html", wait_until="load")
    assert NOT_FOUND_TITLE[lang] in page.inner_text("h1")
    response = page.goto(base + home(lang) + "tidak-ada-di-situs/", wait_until="load")
    assert response.status == 404 and NOT_FOUND_TITLE[lang] in page.inner_text("h1")
    assert not [url for url in requests if is_outside(url)]
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_data_saver_nothing_is_stored_until_asked_and_offline_page_shows_contacts(site, browser, lang):
    context = browser.new_context()
    block_outside(context)
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + home(lang), wait_until="load")
        page.wait_for_function("document.querySelector('.pmi-save').dataset.pmiState === 'none'")
        button = page.locator(".pmi-save button")
        assert button.is_visible()
        assert re.search(r"\d+ KB", page.inner_text(".pmi-save"))
        page.wait_for_timeout(500)
        assert page.evaluate("document.querySelector('.pmi-save').dataset.pmiState") == "none"
        context.set_offline(True)
        page.goto(base + home(lang) + "biaya/", wait_until="load")
        assert page.inner_text("h1") == OFFLINE_TITLE[lang]
        assert page.get_attribute("html", "lang") == lang
        assert page.locator("a[href^='tel:08001000']").count() == 1
        assert page.get_attribute("main a", "href") == base + home(lang)
        context.set_offline(False)
        page.goto(base + home(lang), wait_until="load")
        page.wait_for_function("document.querySelector('.pmi-save').dataset.pmiState === 'none'")
        page.locator(".pmi-save button").click()
        wait_saved(page, lang)
    context.close()


def test_a_new_build_replaces_the_old_cache(project_copy, browser):
    target = project_copy / "built"
    result = run_build(project_copy, "-d", str(target))
    assert result.returncode == 0, result.stderr[-3000:]
    old = {lang: sw_data(target, lang)["version"] for lang in LANGUAGES}
    context = browser.new_context()  # no request routing: see the test above
    page = context.new_page()
    with serve(target) as base:
        page.goto(base, wait_until="load")
        wait_saved(page, "id")
        assert list(cache_state(page, "id")) == [f"pmi-aman-id-{old['id']}"]
        source = project_copy / "docs/id/biaya.md"
        source.write_text(source.read_text(encoding="utf-8") + "\nKalimat baru untuk uji pembaruan.\n", encoding="utf-8")
        result = run_build(project_copy, "-d", str(target))
        assert result.returncode == 0, result.stderr[-3000:]
        new = {lang: sw_data(target, lang)["version"] for lang in LANGUAGES}
        assert new["id"] != old["id"]  # (bjn too: its biaya page is now marked outdated)
        page.reload(wait_until="load")  # a page view: Chromium finds the new sw.js
        replaced = "async (name) => { const k = await caches.keys(); return k.length === 1 && k[0] === name" \
            " && !!(await (await caches.open(name)).match(new URL('__pmi-pocket-done__', location.href).href)); }"
        for _ in range(120):  # (wait_for_function does not wait for a promise's value)
            if page.evaluate(replaced, f"pmi-aman-id-{new['id']}"):
                break
            page.wait_for_timeout(500)
        else:
            pytest.fail(f"the cache of version {new['id']} did not replace {old['id']}: {cache_state(page, 'id')}")
    context.set_offline(True)
    page.goto(base + "biaya/", wait_until="load")
    assert "Kalimat baru untuk uji pembaruan." in page.inner_text("article")
    context.close()


def test_chromium_finds_the_site_installable(site, browser, tmp_path):
    """Chromium's own installability check (what Lighthouse's audit used), in a normal profile:
    a Playwright context is incognito, which is never installable."""
    from conftest import CHROMIUM, CHROMIUM_ARGS

    with serve(site) as base:
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        block_outside(context)
        page = context.new_page()
        for lang in LANGUAGES:
            page.goto(base + home(lang), wait_until="load")
            wait_saved(page, lang)
            cdp = context.new_cdp_session(page)
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            assert errors == [], (lang, errors)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == base + home(lang) + "manifest.webmanifest" and not manifest["errors"]
        context.close()


# Share ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_copies_the_public_address_without_web_share(site, server, browser, lang):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    block_outside(context)
    context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page = context.new_page()
    page.goto(server + home(lang) + "biaya/", wait_until="load")
    share = page.locator(".pmi-share")
    assert share.is_visible()
    share.click()
    page.wait_for_function("document.querySelector('.pmi-actions__status').textContent.length > 0")
    status = page.inner_text(".pmi-actions__status")
    assert status.startswith({"id": "Alamat halaman ini sudah disalin", "bjn": "Alamat laman ngini sudah disalin"}[lang])
    copied = page.evaluate("navigator.clipboard.readText()")
    title, url = copied.split("\n")
    assert url == PUBLIC + home(lang) + "biaya/"
    assert title.endswith(" · PMI Aman") and page.inner_text("article h1") in title
    context.close()


def test_share_uses_web_share_when_present(site, server, browser):
    context = browser.new_context()
    block_outside(context)
    context.add_init_script(
        "navigator.share = (d) => { window.shared = d; return Promise.resolve(); };")
    page = context.new_page()
    page.goto(server + "bjn/biaya/", wait_until="load")
    page.click(".pmi-share")
    page.wait_for_function("!!window.shared")
    shared = page.evaluate("window.shared")
    assert shared["url"] == PUBLIC + "bjn/biaya/"
    assert shared["title"].endswith(" · PMI Aman")
    assert page.inner_text(".pmi-actions__status") == ""
    context.close()


# Listen ---------------------------------------------------------------------------------------

FAKE_SPEECH = """
  window.spoken = []; window.cancelled = 0; window.autoEnd = %s;
  const voices = %s;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => { window.spoken.push(u); if (window.autoEnd) setTimeout(() => u.onend && u.onend()); };
  synth.cancel = () => { window.cancelled += 1; };
  synth.pause = () => {}; synth.resume = () => {};
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
"""
ID_VOICE = '[{"lang": "id-ID", "name": "Bahasa Indonesia"}]'


def speech_context(browser, auto=True, voices=ID_VOICE):
    context = browser.new_context()
    block_outside(context)
    context.add_init_script(FAKE_SPEECH % ("true" if auto else "false", voices))
    return context


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listen_reads_the_main_text_in_order_without_navigation(server, browser, lang):
    context = speech_context(browser)
    page = context.new_page()
    page.goto(server + home(lang) + "biaya/", wait_until="load")
    listen = page.locator(".pmi-listen")
    assert listen.is_visible() and LISTEN[lang] in listen.inner_text()
    assert ("basa Indonesia" in listen.inner_text()) == (lang == "bjn")
    listen.click()
    page.wait_for_function("window.spoken.length > 3 && document.querySelector('.pmi-stop').hidden")
    spoken = page.evaluate("window.spoken.map(u => [u.text, u.lang])")
    texts = [t for t, _ in spoken]
    assert all(voice_lang == "id-ID" for _, voice_lang in spoken)
    # From the top of the article: on Banjar pages the translation notices come before the title.
    title = page.inner_text("article h1").strip()
    assert title in texts
    notices = " ".join(page.locator(".pmi-notice").all_text_contents())
    assert all(text in re.sub(r"\s+", " ", notices) for text in texts[:texts.index(title)])
    article = re.sub(r"\s+", " ", page.evaluate("document.querySelector('article').textContent"))
    position = 0
    for text in texts:  # every sentence is from the article, in the article's order
        found = article.find(text, position)
        assert found >= 0, text
        position = found
    nav_only = page.evaluate(
        "[...document.querySelectorAll('.md-nav__link, .md-skip, .md-footer__title')].map(e => e.textContent.trim())")
    said = " ".join(texts)
    for text in set(nav_only) - {""}:
        if text not in article:
            assert text not in said, text
    assert "Alamat halaman ini" not in said and "Alamat laman ngini" not in said  # printout only
    assert LISTEN[lang] not in said
    context.close()


def test_listen_and_share_code_is_loaded_only_when_a_button_is_pressed(server, browser):
    """The buttons show at once (site.js); their code, pocket.js, is not part of a first visit."""
    context = browser.new_context(service_workers="block")  # the service worker would fetch it to store it
    block_outside(context)
    context.add_init_script(FAKE_SPEECH % ("true", ID_VOICE))
    context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "bjn/biaya/", wait_until="networkidle")
    assert page.locator(".pmi-listen").is_visible() and page.locator(".pmi-share").is_visible()
    assert not [url for url in requests if url.endswith("/pocket.js")], requests
    with page.expect_request(server + "assets/javascripts/pocket.js"):
        page.click(".pmi-listen")
    page.wait_for_function("window.spoken.length > 0")  # the press that loaded it is answered
    page.click(".pmi-share")  # already loaded: answered at once, not loaded again
    page.wait_for_function("document.querySelector('.pmi-actions__status').textContent.length > 0")
    assert len([url for url in requests if url.endswith("/pocket.js")]) == 1
    context.close()


def test_listen_pauses_continues_and_stops(server, browser):
    context = speech_context(browser, auto=False)
    page = context.new_page()
    page.goto(server + "pengaduan-bantuan/", wait_until="load")
    listen, stop = page.locator(".pmi-listen"), page.locator(".pmi-stop")
    listen.click()  # the listen code is loaded at the first press (site.js), then it speaks
    page.wait_for_function("window.spoken.length > 0")
    assert page.evaluate("window.spoken.length") == 1
    page.evaluate("window.spoken[0].onend()")
    assert page.evaluate("window.spoken.length") == 2
    assert listen.inner_text() == "Jeda" and stop.is_visible()
    listen.click()  # pause
    assert listen.inner_text() == "Lanjutkan"
    page.evaluate("window.spoken[1].onend()")  # a cancelled sentence ends late: nothing more is said
    assert page.evaluate("window.spoken.length") == 2
    listen.click()  # continue with the same sentence
    assert page.evaluate("window.spoken.map(u => u.text)")[2] == page.evaluate("window.spoken[1].text")
    cancelled = page.evaluate("window.cancelled")
    stop.click()
    assert page.evaluate("window.cancelled") > cancelled
    page.evaluate("window.spoken[2].onend()")
    assert page.evaluate("window.spoken.length") == 3
    assert listen.inner_text() == "Dengarkan" and stop.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('pmi-listen')")
    context.close()


@pytest.mark.parametrize("voices", ["[]", '[{"lang": "en-US", "name": "English"}]', None])
def test_listen_is_hidden_without_an_indonesian_voice(server, browser, voices):
    context = browser.new_context()
    block_outside(context)
    if voices is None:
        context.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    else:
        context.add_init_script(FAKE_SPEECH % ("true", voices))
    page = context.new_page()
    page.goto(server + "biaya/", wait_until="load")
    assert page.locator(".pmi-listen").is_hidden()
    assert page.locator(".pmi-share").is_visible()
    context.close()


# Keyboard and axe -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_buttons_work_from_the_keyboard_and_pass_axe(site, browser, lang):
    context = speech_context(browser)
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + home(lang) + "pengaduan-bantuan/", wait_until="load")
        page.wait_for_function("document.querySelector('.pmi-save').dataset.pmiState === 'none'")
        reached = []
        for _ in range(60):
            page.keyboard.press("Tab")
            name = page.evaluate("(e => e && e.className)(document.activeElement)")
            for wanted in ("pmi-listen", "pmi-share", "md-button--primary"):
                if wanted in (name or "") and wanted not in reached:
                    reached.append(wanted)
            if len(reached) == 3:
                break
        assert sorted(reached) == sorted(["pmi-listen", "pmi-share", "md-button--primary"]), reached
        page.focus(".pmi-share")
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('.pmi-actions__status').textContent.length > 0")
        page.focus(".pmi-listen")
        page.keyboard.press("Enter")
        page.wait_for_function("window.spoken.length > 0")
        problems = axe_problems(f"/{home(lang)}pengaduan-bantuan/", Axe().run(page))
        assert not problems, "\n".join(problems)
        page.focus(".pmi-save button")
        page.keyboard.press("Space")
        wait_saved(page, lang)
        problems = axe_problems(f"/{home(lang)}pengaduan-bantuan/ (tersimpan)", Axe().run(page))
        assert not problems, "\n".join(problems)
    context.close()
