"""Banjar translations: their state (missing, outdated, draft, reviewed), what readers see, the
editors' command, the translators' status page, and the structural checks between pairs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REVIEWED_PAGE, ROOT, set_review
from pmi_aman import browsing, pages, problems, structure, translation

DRAFT_TITLE = "Tarjamahan ngini masih draf"
OUTDATED_TITLE = "Laman bahasa Indonesia sudah baubah"

# A small faithful pair (whole pages), for the structural checks.
PAIR = ROOT / "tests/fixtures/translation-pair/docs"
INDONESIAN = (PAIR / "id/uji.md").read_text(encoding="utf-8")
BANJAR = (PAIR / "bjn/uji.md").read_text(encoding="utf-8")


def soup(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def status_command(cwd, *args):
    """scripts/translation_status.py run inside cwd, as `make translation-status` does."""
    return subprocess.run(
        [sys.executable, "scripts/translation_status.py", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )


def state_line(output, name):
    """The state the command reports for docs/bjn/<name>."""
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] == f"docs/bjn/{name}":
            return parts[0]
    raise AssertionError(f"docs/bjn/{name} tidak ada dalam keluaran:\n{output}")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} tidak ada di {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """A small Indonesian/Banjar pair in a throwaway docs/ folder, for the structural checks."""
    monkeypatch.setattr(pages, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(problems, "ROOT", tmp_path)  # where pages.relative counts from
    id_path, bjn_path = tmp_path / "docs/id/uji.md", tmp_path / "docs/bjn/uji.md"
    for path, text in ((id_path, INDONESIAN), (bjn_path, BANJAR)):
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    return id_path, bjn_path


def problems_of(pair_):
    return [str(p) for p in structure.check_pair(*pair_)]


# --- the state of a translation, in the command and on the page ----------------------------


def test_changed_indonesian_page_is_reported_and_shown_as_outdated(buildable_copy, browser):
    """buildable_copy (conftest.py): docs/bjn/jalur-resmi.md pinned and set to draf, then a sentence
    added to docs/id/jalur-resmi.md, before its build."""
    name = "jalur-resmi.md"
    copy = buildable_copy.root
    before = buildable_copy.notes["draft status"]
    assert state_line(before.stdout, name) == "DRAF", before.stdout

    assert (copy / "docs/id" / name).read_text(encoding="utf-8").endswith("\nKalimat baru dari editor.\n")
    after = status_command(copy)
    assert state_line(after.stdout, name) == "USANG", after.stdout
    assert after.returncode == 0, after.stdout + after.stderr  # outdated never fails

    assert buildable_copy.result.returncode == 0, buildable_copy.output  # nor does it stop the build
    html = soup(copy / "site/bjn/jalur-resmi/index.html")
    assert html.html["lang"] == "bjn"
    outdated = html.select_one(".pmi-notice--outdated")
    assert outdated is not None
    assert outdated.select_one(".admonition-title").get_text(strip=True) == OUTDATED_TITLE
    draft = html.select_one(".pmi-notice--draft")
    assert draft.select_one(".admonition-title").get_text(strip=True) == DRAFT_TITLE
    for notice in (outdated, draft):
        link = notice.find("a", hreflang="id")
        assert link["href"] == "../../jalur-resmi/"  # from /bjn/jalur-resmi/ to /jalur-resmi/
    target = soup(copy / "site/jalur-resmi/index.html")
    assert target.html["lang"] == "id"
    # The Indonesian page itself carries no translation notice.
    assert not target.select(".pmi-notice")

    # In a phone-sized browser both notices are visible above the text, and the link works.
    with browsing.serve(copy / "site") as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + "bjn/jalur-resmi/")
        heading = page.locator("article h1").bounding_box()
        for selector, title in ((".pmi-notice--outdated", OUTDATED_TITLE), (".pmi-notice--draft", DRAFT_TITLE)):
            notice = page.locator(selector)
            assert notice.is_visible()
            assert notice.locator(".admonition-title").inner_text().strip() == title
            assert notice.bounding_box()["y"] < heading["y"]
        page.locator(".pmi-notice--draft a[hreflang=id]").click()
        page.wait_for_url(base + "jalur-resmi/")
        assert page.evaluate("document.documentElement.lang") == "id"
        page.close()


def test_missing_banjar_page_fails_the_command_and_the_build(missing_translation):
    """missing_translation (conftest.py): docs/bjn/biaya.md deleted."""
    result = status_command(missing_translation.root)
    assert result.returncode == 1
    assert state_line(result.stdout, "biaya.md") == "HILANG"
    assert missing_translation.result.returncode != 0
    assert "docs/bjn/biaya.md: halaman ini belum ada" in missing_translation.output


def test_pin_records_the_indonesian_version_and_makes_the_page_a_draft(project_copy):
    name = "biaya.md"
    banjar = project_copy / "docs/bjn" / name
    status_command(project_copy, "--pin", f"docs/bjn/{name}")
    set_review(banjar, "ditinjau", "Siti Aisyah")
    page = project_copy / "docs/id" / name
    page.write_text(page.read_text(encoding="utf-8") + "\nKalimat baru.\n", encoding="utf-8")
    assert state_line(status_command(project_copy).stdout, name) == "USANG"

    result = status_command(project_copy, "--pin", f"docs/bjn/{name}")
    assert "docs/bjn/biaya.md: translation.source = " in result.stdout
    body = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    expected = pages.source_hash(body)
    text = banjar.read_text(encoding="utf-8")
    assert f"translation:\n  source: {expected}\n  status: draf\n" in text
    assert "reviewer:" not in text  # the updated text has not been reviewed yet
    assert text.count("translation:") == 1
    assert state_line(status_command(project_copy).stdout, name) == "DRAF"


def test_pin_adds_the_block_to_a_page_without_one(pair, tmp_path):
    _, banjar = pair
    result = status_command_in(tmp_path, "--pin", "docs/bjn/uji.md")
    assert result.returncode == 0, result.stdout + result.stderr
    text = banjar.read_text(encoding="utf-8")
    assert re.search(r"^translation:\n  source: [0-9a-f]{12}\n  status: draf\n---\n", text, re.M)
    assert pages.read_page(banjar).problems == []


def status_command_in(root, *args):
    """The command run inside a bare folder holding only docs/ and the scripts."""
    scripts = root / "scripts"
    if not scripts.exists():
        scripts.symlink_to(ROOT / "scripts")
    return status_command(root, *args)


def test_reviewed_page_shows_no_draft_notice(buildable_copy):
    """buildable_copy (conftest.py): REVIEWED_PAGE pinned, then set to 'ditinjau' by Siti Aisyah."""
    name, copy = REVIEWED_PAGE, buildable_copy.root
    result = status_command(copy)
    assert f"DITINJAU  docs/bjn/{name} (ditinjau oleh Siti Aisyah)" in result.stdout
    assert buildable_copy.result.returncode == 0, buildable_copy.output
    html = soup(copy / f"site/bjn/{name[:-3]}/index.html")
    assert not html.select(".pmi-notice")
    # ...and the status page for translators names the reviewer.
    status_page = soup(copy / "site/bjn/status-terjemahan/index.html")
    row = next(tr for tr in status_page.select("article table tr") if tr.find("a", href=f"../{name[:-3]}/"))
    assert "Siti Aisyah" in row.get_text(" ", strip=True)
    assert "Ditinjau" in row.get_text(" ", strip=True)


def test_reviewed_without_reviewer_stops_the_build(page_defects):
    """page_defects (conftest.py): docs/bjn/biaya.md set to 'ditinjau' with no reviewer."""
    text = (page_defects.root / "docs/bjn/biaya.md").read_text(encoding="utf-8")
    line = text.split("\n").index("translation:") + 1
    assert page_defects.result.returncode != 0
    assert (f"docs/bjn/biaya.md:{line}: 'translation' berstatus 'ditinjau' harus menyebut 'reviewer'"
            in page_defects.output)


# --- structural checks ------------------------------------------------------------------------


def test_faithful_translation_has_the_same_structure(pair):
    assert problems_of(pair) == []


def test_dropped_step_fails_naming_file_and_step(pair):
    _, banjar = pair
    edit(banjar, "## Langkah 2: Pariksa {#langkah-2}\n", "")
    problems = problems_of(pair)
    assert problems, "a dropped step must fail"
    assert problems[0].startswith("docs/bjn/uji.md:")
    assert "'## Langkah 2: Periksa {#langkah-2}' ada di docs/id/uji.md:20" in problems[0]
    assert "tidak ada di terjemahan" in problems[0]


def test_changed_heading_id_or_level_fails(pair):
    _, banjar = pair
    edit(banjar, "{#langkah-3}", "{#langkah-tiga}")
    assert "tidak cocok dengan '## Langkah 3: Berangkat {#langkah-3}'" in problems_of(pair)[0]
    edit(banjar, "## Langkah 3: Tulak {#langkah-tiga}", "### Langkah 3: Tulak {#langkah-3}")
    assert "docs/bjn/uji.md:28: judul '### Langkah 3: Tulak {#langkah-3}' tidak cocok" in problems_of(pair)[0]


def test_extra_section_fails(pair):
    _, banjar = pair
    banjar.write_text(banjar.read_text(encoding="utf-8") + "\n## Tambahan {#tambahan}\n", encoding="utf-8")
    problems = problems_of(pair)
    assert len(problems) == 1
    assert "'## Tambahan {#tambahan}' tidak ada di docs/id/uji.md" in problems[0]


def test_dropped_link_fails(pair):
    _, banjar = pair
    edit(banjar, "[sanksi](larangan-sanksi.md#pidana)", "sanksi")
    problems = problems_of(pair)
    assert len(problems) == 1
    assert problems[0].startswith("docs/bjn/uji.md:9: tautan 'larangan-sanksi.md#pidana' ada di docs/id/uji.md:11")


def test_changed_link_anchor_fails(pair):
    _, banjar = pair
    edit(banjar, "larangan-sanksi.md#pidana", "larangan-sanksi.md")
    problems = " ".join(problems_of(pair))
    assert "tautan 'larangan-sanksi.md#pidana' ada di docs/id/uji.md:11" in problems


def test_dropped_placeholder_fails(pair):
    _, banjar = pair
    edit(banjar, " {{ pidana: 81 }}", "")
    problems = problems_of(pair)
    assert len(problems) == 1
    assert "data '{{ pidana: 81 }}' ada di docs/id/uji.md:26" in problems[0]
    assert "(di bagian '## Langkah 2: Periksa {#langkah-2}')" in problems[0]


def test_placeholder_moved_to_another_section_fails(pair):
    _, banjar = pair
    edit(banjar, "\n{{ tabel: kontak-utama }}\n", "\n")
    edit(banjar, "Tulak liwat", "{{ tabel: kontak-utama }} Tulak liwat")
    assert problems_of(pair) == []  # same section: fine
    edit(banjar, "{{ tabel: kontak-utama }} Tulak liwat", "Tulak liwat")
    edit(banjar, "Pariksa parusahaan.", "Pariksa parusahaan. {{ tabel: kontak-utama }}")
    problems = " ".join(problems_of(pair))
    assert "data '{{ tabel: kontak-utama }}' ada di terjemahan tetapi tidak ada di docs/id/uji.md" in problems


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("- [ ] Bawa KK\n", "", "butir daftar periksa (- [ ]) (di bagian '## Langkah 1: Daftar {#langkah-1}'): 2 di"),
        ("2. Takunakan", "Takunakan", "butir daftar bernomor (1. 2. ...) (di bagian '## Langkah 2: Periksa {#langkah-2}'): 2 di"),
        ('!!! warning "Awas"', '!!! note "Awas"', "kotak '!!! warning' ada di docs/id/uji.md:25"),
    ],
)
def test_dropped_item_or_changed_box_fails(pair, old, new, expected):
    _, banjar = pair
    edit(banjar, old, new)
    problems = " ".join(problems_of(pair))
    assert expected in problems


def test_untranslated_copy_fails_even_when_outdated(pair):
    indonesian, banjar = pair
    banjar.write_text(INDONESIAN, encoding="utf-8")
    for outdated in (False, True):
        problems = [str(p) for p in structure.check_pair(indonesian, banjar, outdated)]
        assert problems == [
            "docs/bjn/uji.md:8: isi halaman ini sama persis dengan docs/id/uji.md: belum "
            "diterjemahkan. Terjemahkan ke bahasa Banjar; teks Indonesia tidak boleh tampil "
            "sebagai halaman Banjar."
        ]


def test_outdated_translation_is_still_compared(pair):
    """Whatever the pin says, a dropped section is an error; for an outdated page the message
    also says to update and re-pin."""
    indonesian, banjar = pair
    edit(banjar, "## Langkah 2: Pariksa {#langkah-2}\n", "")
    for outdated in (False, True):
        problem = only_problem(structure.check_pair(indonesian, banjar, outdated))
        assert problem.path == "docs/bjn/uji.md"
        assert "bagian '## Langkah 2: Periksa {#langkah-2}' ada di docs/id/uji.md:" in problem.message
        assert ("Halaman Indonesia sudah berubah sejak terjemahan ini dibuat" in problem.message) == outdated


def only_problem(problems):
    assert len(problems) == 1, "\n".join(map(str, problems)) or "no problem found"
    return problems[0]


def test_command_reports_structure_and_fails(pair, tmp_path):
    _, banjar = pair
    pinned = status_command_in(tmp_path, "--pin", "docs/bjn/uji.md")
    assert pinned.returncode == 0, pinned.stdout
    clean = status_command_in(tmp_path)
    assert clean.returncode == 0, clean.stdout
    assert state_line(clean.stdout, "uji.md") == "DRAF"
    assert "STRUKTUR" not in clean.stdout

    edit(banjar, "## Langkah 2: Pariksa {#langkah-2}\n", "")
    broken = status_command_in(tmp_path)
    assert broken.returncode == 1
    assert "STRUKTUR: 1 perbedaan" in broken.stdout
    assert "docs/bjn/uji.md:" in broken.stdout and "{#langkah-2}" in broken.stdout
    # Pinning a translation that lost a step records the version but says what is missing.
    repinned = status_command_in(tmp_path, "--pin", "docs/bjn/uji.md")
    assert repinned.returncode == 1
    assert "{#langkah-2}" in repinned.stdout


# --- the real site ----------------------------------------------------------------------------


def test_every_indonesian_page_has_its_translation():
    missing = [s.name for s in translation.all_statuses(ROOT / "docs") if s.state == translation.MISSING]
    assert missing == []


def test_every_translation_keeps_the_structure_of_its_indonesian_page():
    problems = [str(p) for p in structure.check_all(ROOT / "docs")]
    assert problems == [], "\n".join(problems)


def test_translation_status_command_passes_on_the_project():
    result = status_command(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\d+ halaman: 0 hilang, \d+ usang, \d+ draf, \d+ ditinjau", result.stdout)


def built(site, name):
    """site/<url>/index.html of docs/<lang>/<name> (directory URLs)."""
    url = name[: -len(".md")]
    url = url[: -len("index")] if url == "index" or url.endswith("/index") else url + "/"
    return site / url / "index.html"


def built_pages(site):
    for name, _ in pages.pairs(ROOT / "docs"):
        yield name, built(site, name), built(site / "bjn", name)


def article_text(path):
    article = soup(path).select_one("article")
    # Only the page's own text: not the notices, print header/footer, edit button or date.
    for extra in article.select(".pmi-notice, .pmi-print-only, .pmi-reviewed, .md-content__button"):
        extra.decompose()
    return article.get_text(" ", strip=True)


def test_every_banjar_page_is_banjar_and_not_the_indonesian_text(site):
    checked = 0
    for name, indonesian, banjar in built_pages(site):
        html = soup(banjar)
        assert html.html["lang"] == "bjn", name
        assert article_text(banjar) != article_text(indonesian), (
            f"docs/bjn/{name}: the built Banjar page shows the Indonesian text"
        )
        checked += 1
    assert checked >= 15


def test_every_banjar_page_shows_its_state(site):
    for status in translation.all_statuses(ROOT / "docs"):
        html = soup(built(site / "bjn", status.name))
        assert bool(html.select(".pmi-notice--draft")) == (status.review != "ditinjau"), status.name
        assert bool(html.select(".pmi-notice--outdated")) == (status.state == translation.OUTDATED), status.name


def test_status_page_links_banjar_pages_in_the_offline_edition_too(monkeypatch):
    status = translation.Status("kegiatan/index.md", translation.DRAFT, "a", "a", "draf", "", 3)
    monkeypatch.setattr(translation.pages, "DOCS", ROOT / "docs")
    assert 'href="../bjn/kegiatan/"' in translation.page_link(status, "id", directory_urls=True)
    assert 'href="bjn/kegiatan/index.html"' in translation.page_link(status, "id", directory_urls=False)
    assert translation.page_link(status, "bjn").endswith("(kegiatan/index.md)")


def test_status_page_lists_every_translation(site):
    statuses = translation.all_statuses(ROOT / "docs")
    for lang, path in (("id", site / "status-terjemahan/index.html"), ("bjn", site / "bjn/status-terjemahan/index.html")):
        html = soup(path)
        rows = html.select("article table tbody tr")
        assert len(rows) == len(statuses), lang
        for row, status in zip(rows, statuses):
            link = row.find("a")
            # every link leads to the built Banjar page
            target = (path.parent / link["href"]).resolve() / "index.html"
            assert target.exists(), (lang, link["href"])
            assert soup(target).html["lang"] == "bjn"
            assert row.find_all("td")[-1].get_text(strip=True) == str(status.words)
        head = [th.get_text(strip=True) for th in html.select("article table thead th")]
        assert head == (["Halaman bahasa Banjar", "Status", "Peninjau", "Kata"] if lang == "id"
                        else ["Laman bahasa Banjar", "Status", "Pamariksa", "Kata"])


# --- issue 18: Pasal numbers and numbers (digits or words) compared on every pair -------------

SAME_ID = "Berangkat lewat jalur resmi (Pasal 69). Siti berumur 17 tahun; biayanya Rp2 juta."
SAME_BJN = "Tulak liwat jalur resmi (Pasal 69). Siti baumur 17 tahun; biayanya Rp2 juta."


@pytest.mark.parametrize("banjar_line, expected", [
    # a changed article number
    (SAME_BJN.replace("Pasal 69", "Pasal 68"), "pasal 'Pasal 68' di terjemahan tidak cocok dengan pasal 'Pasal 69' di docs/id/uji.md:"),
    # a dropped article number
    (SAME_BJN.replace(" (Pasal 69)", ""), "pasal 'Pasal 69' ada di docs/id/uji.md:"),
    # a changed number in digits
    (SAME_BJN.replace("17 tahun", "16 tahun"), "angka '16' di terjemahan tidak cocok dengan angka '17' di docs/id/uji.md:"),
    # a changed amount
    (SAME_BJN.replace("Rp2 juta", "Rp3 juta"), "angka '3000000' di terjemahan tidak cocok dengan angka '2000000'"),
    # a penalty typed in words where the Indonesian page has none
    (SAME_BJN + " Calo dipanjara sapuluh tahun.", "angka '10' ada di terjemahan tetapi tidak ada di docs/id/uji.md"),
    # an amount typed in words that differs
    (SAME_BJN.replace("Rp2 juta", "talu juta rupiah"), "angka '3000000' di terjemahan tidak cocok dengan angka '2000000'"),
])
def test_changed_numbers_fail_even_when_outdated(pair, banjar_line, expected):
    indonesian, banjar = pair
    edit(indonesian, "Berangkat lewat jalur resmi.", SAME_ID)
    edit(banjar, "Tulak liwat jalur resmi.", banjar_line)
    line = banjar.read_text(encoding="utf-8").split("\n").index(banjar_line) + 1
    for outdated in (False, True):
        problems = structure.check_pair(indonesian, banjar, outdated)
        found = [p for p in problems if expected in p.message]
        assert found, "\n".join(map(str, problems)) or "no problem found"
        assert found[0].path == "docs/bjn/uji.md"
        # An extra item is named at its line; a missing one at the section's heading.
        assert found[0].line in (line, line - 2)


@pytest.mark.parametrize("old, new, expected", [
    ("## Langkah 3: Tulak {#langkah-3}", "## Langkah 4: Tulak {#langkah-3}", "angka '4' di terjemahan tidak cocok dengan angka '3'"),
    ("Baca [Biaya](biaya.md)", "Baca [Pasal 30](biaya.md)", "pasal 'Pasal 30' ada di terjemahan tetapi tidak ada di docs/id/uji.md"),
])
def test_numbers_in_headings_and_link_texts_are_compared(pair, old, new, expected):
    indonesian, banjar = pair
    edit(banjar, old, new)
    line = banjar.read_text(encoding="utf-8").split("\n").index(
        next(l for l in banjar.read_text(encoding="utf-8").split("\n") if new in l)) + 1
    problems = [p for p in structure.check_pair(indonesian, banjar, outdated=True) if expected in p.message]
    assert problems and problems[0].line == line, structure.check_pair(indonesian, banjar)


def test_same_numbers_in_words_or_digits_pass(pair):
    indonesian, banjar = pair
    edit(indonesian, "Berangkat lewat jalur resmi.", SAME_ID + " Dendanya lima belas miliar rupiah.")
    edit(banjar, "Tulak liwat jalur resmi.", SAME_BJN.replace("Rp2 juta", "dua juta rupiah")
         + " Dendanya Rp15.000.000.000.")
    assert structure.check_pair(indonesian, banjar) == []
    assert structure.check_pair(indonesian, banjar, outdated=True) == []


@pytest.mark.parametrize("pin", ["abc", "12345", "[0123456789ab]", "0123456789AB", "2026-11-28", "0123456789abc"])
def test_unreadable_pin_is_an_error_not_outdated(tmp_path, pin):
    path = tmp_path / "docs/bjn/uji.md"
    path.parent.mkdir(parents=True)
    front, body = BANJAR.split("sources:", 1)
    path.write_text(front + f"translation:\n  source: {pin}\n  status: draf\nsources:" + body, encoding="utf-8")
    problems = pages.read_page(path, lang="bjn").problems
    assert len(problems) == 1, problems
    assert problems[0].line == 6  # the line of "  source:"
    assert problems[0].path.endswith("docs/bjn/uji.md")
    assert "tidak bisa dibaca: kode versi harus 12 huruf/angka" in problems[0].message
    assert "make translation-status PIN=" in problems[0].message


def test_readable_pins_pass(tmp_path):
    path = tmp_path / "docs/bjn/uji.md"
    path.parent.mkdir(parents=True)
    front, body = BANJAR.split("sources:", 1)
    for pin in ("0123456789ab", '"012345678901"'):
        path.write_text(front + f"translation:\n  source: {pin}\n  status: draf\nsources:" + body, encoding="utf-8")
        assert pages.read_page(path, lang="bjn").problems == []
