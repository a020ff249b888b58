"""`make check` as an editor meets it (issues 17.5 and 18.6): every mistake in one run, each
message once, at its source (file and line), in Indonesian; the build's own link, anchor and
navigation warnings translated; a page fresh from `make page` fails until it is written.

The tests that break a copy of the project run `scripts/check_site.py --build` there (what
`make check` runs), which costs one build of the site: the mistakes of several tests share one
copy and one run where none hides another (see conftest.py)."""

import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import MADE_PAGE, ROOT, append, copy_project

sys.path.insert(0, str(ROOT / "scripts"))

from pmi_aman import build_check, content_checks, pages  # noqa: E402

# The translation check (pmi_aman.structure): the page pair differs, a problem of its own.
TRANSLATION = re.compile(r"ada di (docs/id/\S+ )?tetapi tidak ada di (terjemahan|docs/id/)|ada di terjemahan tetapi")
NOT_AT_SOURCE = ("site/", "cetak-semua", "tinjau/", "dibuat saat build", "templat")
ACTIVITY = "docs/id/kegiatan/2025-07-09-sosialisasi-takisung.md"


def make_check(cwd):
    """`make check` in a project copy: the non-strict builds, then every check (without
    printing the handout PDFs: tests/test_print.py tests those)."""
    return subprocess.run(
        [sys.executable, "scripts/check_site.py", "--build"],
        cwd=cwd, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PMI_AMAN_PDF": "false"},
    )


def problems(result):
    """The problem lines of a check run (warnings and the summary left out)."""
    lines = result.stdout.strip().split("\n")
    return [line for line in lines if line and not line.startswith(("PERINGATAN", "Pemeriksaan selesai"))]


def only(found, start, contains):
    """The one problem line that starts with `start` and contains `contains`."""
    same = [line for line in found if line.startswith(start) and contains in line]
    assert len(same) == 1, f"expected one line '{start}...{contains}', got {same}\n" + "\n".join(found)
    return same[0]


def assert_at_sources(found, *needles):
    """Each needle (a link, a number) appears in no line but those that name a Markdown source
    or mkdocs.yml: never again for the whole guide, the review kit or a template."""
    for line in found:
        assert not line.startswith("site/"), f"problem blamed on a built file: {line}"
        if any(needle in line for needle in needles):
            assert not any(mark in line for mark in NOT_AT_SOURCE), f"reported again elsewhere: {line}"


def nav_line_after(project, entry):
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if line.strip() == f"- {entry}") + 1


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory):
    """One copy holding the mistakes of the next three tests, each in its own place (a link, a
    number or a domain of its own), and one `make check` run over it: the copy, the line of each
    mistake, the run."""
    p = copy_project(tmp_path_factory.mktemp("mistakes") / "project")
    at = {}
    # test_one_check_run_reports_every_mistake_once_with_file_and_line
    at["link"], at["anchor"] = append(p / "docs/id/biaya.md", "Baca [aturan biaya](biaya-lama.md) dulu.",
                                      "Lihat [tanda-tandanya](tanda-bahaya.md#tanda-palsu).")
    (at["contact"],) = append(p / "docs/id/pelindungan.md", "Hubungi {{ kontak: calo_desa }} sekarang.")
    (at["script"],) = append(p / "docs/bjn/hak-kewajiban.md", "<script>alert('x')</script>")
    (at["external"],) = append(p / "docs/bjn/tanda-bahaya.md",
                               "Jangan buka [situs ini](https://calo.contoh.com/daftar).")
    for lang in ("id", "bjn"):  # a finished page pair that nobody added to nav:
        (p / f"docs/{lang}/panduan-visa.md").write_text(
            (p / f"docs/{lang}/tentang.md").read_text(encoding="utf-8"), encoding="utf-8")
    # test_problems_inside_whole_guide_chapters_are_reported_once_at_their_page
    (at["own anchor"],) = append(p / "docs/id/biaya.md", "Kembali ke [bagian atas](#bagian-hilang).")
    (at["deep link"],) = append(p / ACTIVITY, "Baca [rincian biaya](../biaya.md#rincian-hilang).")
    (at["number"],) = append(p / "docs/bjn/peran-desa.md", "Talipun ka 0812-3456-7890 haja.")
    (at["image"],) = append(p / "docs/id/jalur-resmi.md", "![](assets/images/logo.svg)")
    # test_broken_external_links_are_reported_once_each
    (at["markdown"],) = append(p / "docs/id/biaya.md", "Daftar di [situs ini](https://calo-a.contoh.com/).")
    (at["bare"],) = append(p / "docs/id/tanda-bahaya.md", "Alamatnya <https://calo-b.contoh.com/daftar>.")
    (at["plain"],) = append(p / "docs/bjn/biaya.md", 'Buka <a href="http://kp2mi.go.id/">situs KP2MI</a>.')
    template = p / "overrides/main.html"
    at["template"] = template.read_text(encoding="utf-8")
    template.write_text(at["template"].replace(
        "{% block content %}", '{% block content %}\n  <a href="https://calo-c.contoh.com/">x</a>', 1), encoding="utf-8")
    return p, at, make_check(p)


# --- every mistake in one run ----------------------------------------------------------------


def test_one_check_run_reports_every_mistake_once_with_file_and_line(mistakes):
    p, at, result = mistakes
    link, anchor, contact, script, external = (at[k] for k in ("link", "anchor", "contact", "script", "external"))
    found = problems(result)
    assert result.returncode == 1, result.stdout + result.stderr
    only(found, f"docs/id/biaya.md:{link}: ", "tautan 'biaya-lama.md' menuju halaman yang tidak ada")
    only(found, f"docs/id/biaya.md:{anchor}: ", "tautan 'tanda-bahaya.md#tanda-palsu' menuju bagian "
                                                "'#tanda-palsu' yang tidak ada di docs/id/tanda-bahaya.md")
    only(found, f"docs/id/pelindungan.md:{contact}: ", "kontak 'calo_desa' tidak ada di data/contacts.yml")
    only(found, f"docs/bjn/hak-kewajiban.md:{script}: ", "tag <script> tidak boleh dipakai")
    only(found, f"docs/bjn/tanda-bahaya.md:{external}: ", "domain 'calo.contoh.com'")
    after = nav_line_after(p, "status-terjemahan.md")
    nav = only(found, f"mkdocs.yml:{after}: ", "docs/id/panduan-visa.md dan docs/bjn/panduan-visa.md belum ada di navigasi")
    assert f"Tambahkan baris '      - panduan-visa.md' di bawah 'Lainnya:' di mkdocs.yml baris {after}" in nav
    assert_at_sources(found, "biaya-lama.md", "tanda-palsu", "calo.contoh.com", "calo_desa", "panduan-visa")
    for needle in ("biaya-lama.md", "tanda-palsu", "calo.contoh.com", "calo_desa", "<script>", "panduan-visa"):
        assert len([line for line in found if needle in line and not TRANSLATION.search(line)]) == 1, (needle, found)
    # No English left from MkDocs, and the summary counts what was printed.
    assert not any(word in result.stdout for word in ("Doc file", "contains a link", "not found among"))
    assert f"Pemeriksaan selesai: {len(set(found))} masalah" in result.stdout


# --- a page problem is not repeated for the whole guide or the review kit ---------------------


def test_problems_inside_whole_guide_chapters_are_reported_once_at_their_page(mistakes):
    _, at, result = mistakes
    activity = ACTIVITY
    own_anchor, deep_link, number, image = (at[k] for k in ("own anchor", "deep link", "number", "image"))
    found = problems(result)
    assert result.returncode == 1, result.stdout + result.stderr
    only(found, f"docs/id/biaya.md:{own_anchor}: ", "'#bagian-hilang'")
    only(found, f"{activity}:{deep_link}: ", "'../biaya.md#rincian-hilang'")
    only(found, f"docs/bjn/peran-desa.md:{number}: ", "'0812-3456-7890' tampak seperti nomor telepon")
    assert any(line.startswith(f"docs/id/jalur-resmi.md:{image}: ") for line in found), found
    assert_at_sources(found, "bagian-hilang", "rincian-hilang", "0812-3456-7890", "logo.svg")
    for needle in ("bagian-hilang", "rincian-hilang", "0812-3456-7890", "logo.svg"):
        assert len([line for line in found if needle in line and not TRANSLATION.search(line)]) == 1, (needle, found)


# --- a broken external link is reported once ------------------------------------------------


def test_broken_external_links_are_reported_once_each(mistakes):
    _, at, result = mistakes
    markdown, bare, plain, text = (at[k] for k in ("markdown", "bare", "plain", "template"))
    found = problems(result)
    only(found, f"docs/id/biaya.md:{markdown}: ", "domain 'calo-a.contoh.com'")
    only(found, f"docs/id/tanda-bahaya.md:{bare}: ", "domain 'calo-b.contoh.com'")
    only(found, f"docs/bjn/biaya.md:{plain}: ", "tautan 'http://kp2mi.go.id/' tidak memakai https://")
    line = text[: text.index("{% block content %}")].count("\n") + 2
    only(found, f"overrides/main.html:{line}: ", "domain 'calo-c.contoh.com'")
    # Once each; the translation check's own message (the page pair now differs) is another problem.
    for host in ("calo-a.contoh.com", "calo-b.contoh.com", "http://kp2mi.go.id/", "calo-c.contoh.com"):
        assert len([line for line in found if host in line and not TRANSLATION.search(line)]) == 1, (host, found)


# --- navigation -------------------------------------------------------------------------------


def test_nav_mistakes_name_the_line_of_mkdocs_yml(nav_and_link_defects):
    """nav_and_link_defects (conftest.py): the pairs docs/*/kegiatan/2026-01-10-rapat-desa.md and
    docs/*/visa.md added but not to nav:, and nav: naming istilah-lama.md instead of istilah.md."""
    p = nav_and_link_defects.root
    config = p / "mkdocs.yml"
    entry = next(i for i, line in enumerate(config.read_text(encoding="utf-8").split("\n"), start=1)
                 if line.strip() == "- istilah-lama.md")
    result = nav_and_link_defects.notes["check"]
    found = problems(result)
    assert result.returncode == 1, result.stdout + result.stderr
    activity = nav_line_after(p, "kegiatan/2025-07-09-sosialisasi-takisung.md")
    line = only(found, f"mkdocs.yml:{activity}: ", "docs/id/kegiatan/2026-01-10-rapat-desa.md dan docs/bjn/")
    assert (f"Tambahkan baris '          - kegiatan/2026-01-10-rapat-desa.md' di bawah 'Kegiatan:' "
            f"di mkdocs.yml baris {activity}") in line
    last = nav_line_after(p, "status-terjemahan.md")
    line = only(found, f"mkdocs.yml:{last}: ", "docs/id/visa.md dan docs/bjn/visa.md belum ada di navigasi")
    assert f"'      - visa.md' di bawah 'Lainnya:'" in line
    only(found, f"mkdocs.yml:{entry}: ", "navigasi (nav:) menyebut 'istilah-lama.md', tetapi halaman itu tidak ada")
    # istilah.md is now out of the nav as well: one more line to add, and still every message once.
    only(found, "mkdocs.yml:", "docs/id/istilah.md dan docs/bjn/istilah.md belum ada di navigasi")
    assert len(found) == len(set(found)), found
    # `make build` stays strict: the same mistakes stop it (with the broken link of
    # test_foundation.py, which also stops a strict build only at its end).
    assert nav_and_link_defects.result.returncode != 0
    assert ("A reference to 'istilah-lama.md' is included in the 'nav' configuration, which is not found"
            in nav_and_link_defects.output)


# --- a page fresh from `make page` ------------------------------------------------------------


def test_page_from_make_page_fails_the_check_until_written(buildable_copy, buildable_copy_checked):
    """buildable_copy (conftest.py) ran `make page NAME=panduan-visa TITLE="Panduan visa"`, then
    its strict build; buildable_copy_checked is the check of that build (the placeholder sentence
    is found in the sources, as in `make check`)."""
    p = buildable_copy.root
    made = buildable_copy.notes["made page"]
    assert made.returncode == 0, made.stdout + made.stderr
    assert buildable_copy.result.returncode == 0, buildable_copy.output  # it builds at once, for `make serve`
    result = buildable_copy_checked
    found = problems(result)
    assert result.returncode == 1, result.stdout + result.stderr
    for lang, sentence in content_checks.PLACEHOLDER_TEXT.items():
        path = p / f"docs/{lang}/{MADE_PAGE}.md"
        line = path.read_text(encoding="utf-8").split("\n").index(sentence) + 1
        only(found, f"docs/{lang}/{MADE_PAGE}.md:{line}: ", "masih berisi kalimat sementara dari 'make page'")
    assert not any(MADE_PAGE in line for line in found if "kalimat sementara" not in line), found


def test_placeholder_check_passes_once_the_text_is_written(tmp_path):
    for lang, sentence, written in (("id", "Halaman ini sedang disiapkan.", "Visa kerja diurus oleh perusahaan."),
                                    ("bjn", "Laman ngini sadang disiapakan.", "Visa gawian diurus ulih perusahaan.")):
        path = tmp_path / lang / "visa.md"
        path.parent.mkdir()
        front = "---\ntitle: Visa\n---\n\n# Visa\n\n"
        path.write_text(front + sentence + "\n", encoding="utf-8")
        page = pages.read_page(path, lang=lang)
        (problem,) = content_checks.check_placeholder(page, lang)
        assert problem.line == 7 and "kalimat sementara" in problem.message
        # The other language's sentence, copied over, is caught as well.
        other = next(s for code, s in content_checks.PLACEHOLDER_TEXT.items() if code != lang)
        path.write_text(front + other + "\n", encoding="utf-8")
        assert len(content_checks.check_placeholder(pages.read_page(path, lang=lang), lang)) == 1
        path.write_text(front + written + "\n", encoding="utf-8")
        assert content_checks.check_placeholder(pages.read_page(path, lang=lang), lang) == []


# --- MkDocs' warnings, translated (no build needed) --------------------------------------------


def translator(tmp_path):
    docs = tmp_path / "docs"
    (docs / "id").mkdir(parents=True)
    # Its links: line 7 and line 9 (a second missing link, an absolute one, one with no .md, a
    # wrong anchor).
    (docs / "id/biaya.md").write_text((ROOT / "tests/fixtures/links-page.md").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("nav:\n  - Beranda: index.md\n  - Lainnya:\n      - biaya.md\n", encoding="utf-8")
    return build_check._Translator(docs, config)


def test_mkdocs_link_warnings_become_indonesian_with_the_line(tmp_path):
    t = translator(tmp_path)
    rel = pages.relative(tmp_path / "docs/id/biaya.md")
    missing = ("Doc file 'id/biaya.md' contains a link 'hilang.md', but the target 'id/hilang.md' "
               "is not found among documentation files.")
    (first,), (second,) = t.translate(missing), t.translate(missing)  # the same link twice
    assert (first.path, first.line, second.line) == (rel, 7, 9)
    assert first.message.startswith("tautan 'hilang.md' menuju halaman yang tidak ada (docs/id/hilang.md")
    (absolute,) = t.translate("Doc file 'id/biaya.md' contains an absolute link '/biaya/', it was left as is. "
                              "Did you mean 'biaya.md'?")
    assert absolute.line == 9 and "alamat absolut" in absolute.message and "Mungkin maksudnya 'biaya.md'" in absolute.message
    (unknown,) = t.translate("Doc file 'id/biaya.md' contains an unrecognized relative link 'panduan', it was left as is.")
    assert unknown.line == 9 and "tidak dikenali" in unknown.message
    (anchor,) = t.translate("Doc file 'id/biaya.md' contains a link '#rincian', but there is no such anchor on this page.")
    assert (anchor.path, anchor.line) == (rel, 9)
    assert "'#rincian' yang tidak ada di" in anchor.message and "Mungkin maksudnya '#rincian-biaya'" in anchor.message
    assert {(rel, 7, "hilang.md"), (rel, 9, "hilang.md"), (rel, 9, "/biaya/")} <= t.links


def test_mkdocs_nav_warnings_name_the_line_to_add_or_fix(tmp_path):
    t = translator(tmp_path)
    (omitted,) = t.translate('The following pages exist in the docs directory, but are not included in the '
                             '"nav" configuration:\n  - id/biaya-baru.md')
    assert (omitted.path.endswith("mkdocs.yml"), omitted.line) == (True, 5)
    assert "Tambahkan baris '      - biaya-baru.md' di bawah 'Lainnya:' di mkdocs.yml baris 5" in omitted.message
    (gone,) = t.translate("A reference to 'index.md' is included in the 'nav' configuration, which is not "
                          "found in the documentation files.")
    assert gone.line == 2 and "menyebut 'index.md', tetapi halaman itu tidak ada" in gone.message
    # Missing in one language only (the Banjar build's nav): the translations hook names that
    # file, so the nav warning adds nothing.
    assert t.translate("A reference to 'biaya.md' is included in the 'nav' configuration, which is not "
                       "found in the documentation files.") == []
    # A warning with no translation yet keeps its English text, never silently dropped.
    (other,) = t.translate("Doc file 'id/biaya.md' has something new to say.")
    assert other.path.endswith("docs/id/biaya.md") and "belum ada terjemahannya" in other.message
    assert "something new to say" in other.message


# --- `make serve` -------------------------------------------------------------------------------


def test_serve_watches_data_includes_and_overrides():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert {"data", "includes", "overrides"} <= set(config.get("watch", [])), config.get("watch")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: .*\n(?:#.*\n)*\t\$\(BIN\)/python scripts/check_site.py --build", makefile, re.M)


# --- a build that cannot finish ---------------------------------------------------------------


def test_build_that_stops_still_reports_the_other_problems(project_copy):
    p = project_copy
    template = p / "overrides/main.html"
    broken = len(template.read_text(encoding="utf-8").rstrip("\n").split("\n")) + 1
    with template.open("a", encoding="utf-8") as out:
        out.write("{% if %}\n")
    (p / "docs/bjn/istilah.md").unlink()
    (leftover,) = append(p / "docs/id/biaya.md", "TODO: tulis rinciannya.")
    result = make_check(p)
    found = problems(result)
    assert result.returncode == 1, result.stdout + result.stderr
    only(found, f"overrides/main.html:{broken}: ", "build berhenti karena galat di berkas ini (TemplateSyntaxError")
    only(found, "docs/bjn/istilah.md: ", "halaman ini belum ada, padahal docs/id/istilah.md ada")
    only(found, f"docs/id/biaya.md:{leftover}: ", "sisa catatan penulisan 'TODO'")
    only(found, "site: ", "build berhenti sebelum selesai, jadi situs hasil build tidak diperiksa")


def test_each_build_reads_the_data_files_afresh(monkeypatch, tmp_path):
    """`make serve` rebuilds in one process: a changed data/*.yml must not be served from memory."""
    from types import SimpleNamespace

    from pmi_aman import facts
    from pmi_aman.plugin import render

    stale = tmp_path / "data"
    stale.mkdir()
    (stale / "contacts.yml").write_text("lama: {name: {id: Lama, bjn: Lama}}\n", encoding="utf-8")
    facts.load.cache_clear()
    monkeypatch.setattr(facts, "DATA", stale)
    assert "lama" in facts.load("contacts")  # what the previous build read
    monkeypatch.setattr(facts, "DATA", ROOT / "data")  # the file changed since
    config = SimpleNamespace(strict=True, plugins={"i18n": SimpleNamespace(current_language="bjn")})
    render.check_data(config)
    assert "lama" not in facts.load("contacts")
    assert set(facts.load("contacts")) == set(yaml.safe_load((ROOT / "data/contacts.yml").read_text(encoding="utf-8")))
