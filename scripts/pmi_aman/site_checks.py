"""Checks over the built site (site/**/*.html), read with a real HTML parser (BeautifulSoup).
The one link checker of the built HTML: MkDocs' validation checks the Markdown links (the
source); this checks what the build wrote, for the public site and for the offline edition.

- Internal links (<a href>, <link href>, <img src>, <script src>) lead to a file in site/, and a
  #fragment to an element with that id. This includes links written by templates and hooks,
  which exist only after the build and which MkDocs' own validation never sees.
- The offline edition (build/offline, mkdocs-offline.yml; also as unpacked from its ZIP) is
  read from file://: links go to page.html files, a link to a folder or an absolute path
  (/...) is broken there, and links to the public site's own address are checked against the
  public site's build (site/) when it is given.
- Images exist and have alternative text.
- External links use https and go to a domain listed in data/external_domains.yml; nothing is
  loaded from another host.
- tel:, WhatsApp and mailto: links carry a contact from data/contacts.yml.
- No on*= handlers, <iframe>, <object> or <embed>, and no other URL schemes (javascript:...).

A problem names the Markdown source and its line when the link is in the page's text. When a
template, a hook or mkdocs.yml wrote it, it names the template (or the built file) and says so.
Each problem once, at its source: a problem inside a chapter of the whole-guide page
(cetak-semua) or a sheet of the review kit (tinjau/) is the problem of the page it comes from,
reported there; a link MkDocs' build already reported (pmi_aman.build_check) is not repeated.
"""

import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml
from bs4 import BeautifulSoup

from . import DATA, DEFAULT_LANGUAGE, DOCS, LANGUAGES, ROOT, contact_numbers, project, review_kit, schemas
from .content_checks import FORBIDDEN_IN_SITE
from .offline import directory_url
from .plugin.print_guide import chapter_id
from .pages import relative
from .problems import Problem

URL_ATTRIBUTE = {"a": "href", "link": "href", "img": "src", "script": "src"}
# <link rel=...> values the browser downloads (canonical, alternate... are only addresses).
FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
EMBEDDED_NOTE = (
    " Masalah ini hanya ada di halaman gabungan ini, bukan di halaman asalnya {source}: ia muncul "
    "saat {maker} menyalin halaman itu. Perbaiki di {maker}."
)
BUILT_NOTE = (
    " Tautan ini tidak ada di teks halaman{source}: ia dibuat saat build oleh templat (overrides/ "
    "atau tema Material), plugin (scripts/pmi_aman/plugin/) atau mkdocs.yml. Perbaiki di sana."
)


class Rules:
    """What the site allows: its own address, outside domains, contact numbers."""

    def __init__(self, root=ROOT, data=None):
        data = Path(data or Path(root) / "data")
        self.problems = []
        url = urlsplit(project.site_url(root))
        self.host = (url.hostname or "").lower()
        self.base_path = "/" + url.path.strip("/") + "/" if url.path.strip("/") else "/"
        self.domains = self._domains(data / "external_domains.yml")
        contacts = yaml.safe_load((data / "contacts.yml").read_text(encoding="utf-8")) or {}
        values = {}
        for contact in contacts.values():
            values.setdefault(contact.get("kind"), set()).add(str(contact.get("value", "")))
        self.phones = {phone_number(v) for v in values.get("phone", ())}
        self.whatsapp = {re.sub(r"\D", "", v) for v in values.get("whatsapp", ())}
        self.emails = {v.lower().removeprefix("mailto:") for v in values.get("email", ())}

    def _domains(self, path):
        """The allowed domains: those of data/external_domains.yml whose line has the declared
        shape, 'domain: reason' (schemas.SPECS['external_domains'])."""
        doc = schemas.read(path, schemas.SPECS["external_domains"])
        self.problems.extend(doc.problems)
        return {str(domain) for domain in (doc.data if isinstance(doc.data, dict) else {})
                if doc.clean((str(domain),))}

    def allows(self, host):
        return any(host == d or host.endswith("." + d) for d in self.domains)


def phone_number(value):
    return re.sub(r"[^\d+]", "", value)


def _page_ids(soup):
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    return ids | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


class Edition:
    """The built HTML being checked: the public site (directory URLs, site/) or the offline
    edition (page.html, read from file://). `public`: the public site's build, against which
    the offline edition's links to the public address are checked (None: not checked)."""

    def __init__(self, site, offline=False, public=None):
        self.site, self.offline = Path(site), offline
        self.public = Edition(public) if public is not None else None
        self.soups, self.ids = {}, {}  # page path inside site -> parsed page, its ids

    def read(self):
        for path in sorted(self.site.rglob("*.html")):
            if self.offline and path.name == "404.html":
                continue  # only a web server shows it: it is not in the ZIPs (pmi_aman.offline)
            page = path.relative_to(self.site).as_posix()
            self.soups[page] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            self.ids[page] = _page_ids(self.soups[page])
        return self


def _internal(url, parts, page, edition, rules):
    """The problem with a link inside the site (or inside the offline edition), or None."""
    site, ids = edition.site, edition.ids
    where = "edisi luring" if edition.offline else "situs"
    path = unquote(parts.path)
    if path.startswith("/"):
        if edition.offline:
            return (f"tautan '{url}' memakai alamat absolut (diawali '/'): dari file:// alamat itu "
                    "menuju akar disk pembaca, bukan halaman edisi luring. Tulis tautan relatif ke "
                    "berkas .md, misalnya [Biaya](biaya.md).")
        if not (path + "/").startswith(rules.base_path):
            return (f"tautan '{url}' memakai alamat absolut yang tidak diawali {rules.base_path}; "
                    "di situs terbit tautan ini rusak. Tulis tautan relatif ke berkas .md, "
                    "misalnya [Biaya](biaya.md).")
        target = path[len(rules.base_path):]
    elif path:
        target = posixpath.join(posixpath.dirname(page), path)
    else:
        target = page
    target = posixpath.normpath(target or ".")
    if target == ".." or target.startswith("../"):
        return f"tautan '{url}' menuju ke luar folder {where}. Periksa jumlah '../' di alamatnya."
    if (site / target).is_dir():
        index = posixpath.normpath(posixpath.join(target, "index.html"))
        if edition.offline:
            return (f"tautan '{url}' menuju folder {target}, bukan halaman: dari file:// peramban "
                    f"hanya menampilkan daftar isi folder itu. Tautan harus menuju {index}. Tulis "
                    "tautan ke berkas .md, misalnya [Kegiatan](kegiatan/index.md).")
        target = index
    elif (edition.offline and not (site / target).is_file() and edition.public is not None
          and not target.endswith(".html") and (edition.public.site / target).is_file()):
        # A file written after the build into the public site only (a handout PDF, a ZIP): the
        # ZIP points such links at the public site (pmi_aman.offline.localise_links).
        return None
    elif path.endswith("/") or not (site / target).is_file():
        return (f"tautan '{url}' menuju halaman atau berkas yang tidak ada di {where} ({target}). "
                "Tautan ke halaman lain ditulis sebagai berkas .md, misalnya [Biaya](biaya.md); "
                "gambar dan unduhan harus ada di folder docs/.")
    fragment = unquote(parts.fragment)
    if fragment and fragment != "top" and target in ids and fragment not in ids[target]:
        return (f"tautan '{url}' menuju bagian '#{fragment}' yang tidak ada di halaman {target}"
                f"{' (edisi luring)' if edition.offline else ''}. "
                "Periksa judul bagian yang dituju: kodenya dibuat dari judul itu (huruf kecil, "
                "spasi menjadi '-'), atau pakai {#kode} di belakang judul.")
    return None


def _external(url, parts, tag, rules):
    """The problem with a link to another host (or with the WhatsApp number in it), or None."""
    scheme = parts.scheme.lower()
    fetched = tag.name in ("img", "script") or bool(set(tag.get("rel") or ()) & FETCHED_RELS)
    host = (parts.hostname or "").lower()
    if fetched:
        return (f"'{url}' dimuat dari luar situs ({host}). Situs ini tidak boleh meminta apa pun "
                "dari server lain: simpan berkasnya di docs/assets/ dan tautkan dari sana.")
    if scheme != "https":
        return f"tautan '{url}' tidak memakai https://. Pakai alamat https:// (yang aman)."
    if not rules.allows(host):
        return (f"domain '{host}' (tautan '{url}') tidak ada di daftar domain yang boleh "
                "ditautkan, data/external_domains.yml. Pastikan situs itu resmi, lalu tambahkan "
                "domainnya beserta alasannya di berkas itu; kalau tidak, hapus tautannya.")
    whatsapp = None
    if host == "wa.me":
        whatsapp = parts.path.strip("/")
    elif host.endswith("whatsapp.com"):
        whatsapp = (parse_qs(parts.query).get("phone") or [""])[0]
    if whatsapp is not None and re.sub(r"\D", "", whatsapp) not in rules.whatsapp:
        return (f"nomor WhatsApp di tautan '{url}' tidak ada di data/contacts.yml. Nomor hanya "
                "boleh ditulis lewat {{ kontak: nama }}; nomor yang tidak dikenal bisa nomor calo.")
    return None


def _contact(url, parts, rules):
    scheme = parts.scheme.lower()
    if scheme == "tel" and phone_number(unquote(parts.path)) not in rules.phones:
        return (f"nomor telepon di tautan '{url}' tidak ada di data/contacts.yml. Nomor hanya "
                "boleh ditulis lewat {{ kontak: nama }}; nomor yang tidak dikenal bisa nomor calo.")
    if scheme == "mailto" and unquote(parts.path).lower() not in rules.emails:
        return (f"alamat surel di tautan '{url}' tidak ada di data/contacts.yml. Surel hanya "
                "boleh ditulis lewat {{ kontak: nama }}.")
    return None


def url_problem(url, tag, page, edition, rules):
    """The problem with one URL of one built page (`page` is its path inside the edition), or None."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") or url.startswith("//"):
        own = (parts.hostname or "").lower() == rules.host and (parts.path + "/").startswith(rules.base_path)
        if own and scheme == "https":  # the site's own public address, e.g. <link rel=canonical>
            if edition.offline:  # the public site, not this edition: checked against its build
                public = edition.public
                return public and _internal(url, parts._replace(scheme="", netloc=""),
                                            directory_url(page) + "index.html", public, rules)
            return _internal(url, parts._replace(scheme="", netloc=""), page, edition, rules)
        return _external(url, parts, tag, rules)
    if scheme in ("tel", "mailto"):
        return _contact(url, parts, rules)
    if scheme:
        return (f"tautan '{url[:40]}' memakai skema '{scheme}:' yang tidak diizinkan. Pakai "
                "alamat https://, tautan ke halaman lain, atau {{ kontak: nama }}.")
    return _internal(url, parts, page, edition, rules)


def tag_problems(tag, page, edition, rules):
    """Yield (url or '', message) for one element of a built page."""
    for name in tag.attrs:
        if name.lower().startswith("on"):
            yield "", f"atribut '{name}' pada <{tag.name}> menjalankan skrip dan tidak boleh ada."
    if tag.name in FORBIDDEN_IN_SITE:
        yield "", f"tag <{tag.name}> tidak boleh ada di situs. Hapus tag itu."
    attribute = URL_ATTRIBUTE.get(tag.name)
    url = tag.get(attribute) if attribute else None
    if tag.name == "img":
        if not (url or "").strip():
            yield "", "gambar tanpa alamat (src). Tulis ![keterangan](alamat-gambar)."
        if not (tag.get("alt") or "").strip():
            yield url or "", (
                f"gambar '{url}' tidak punya teks pengganti (alt). Tulis keterangan isi gambar: "
                "![keterangan singkat](alamat-gambar), untuk pembaca layar dan pembaca yang "
                "mematikan gambar.")
    if url and url.strip():
        message = url_problem(url, tag, page, edition, rules)
        if message:
            yield url, message


class Locator:
    """Where an editor fixes a problem found in the built site."""

    def __init__(self, site, docs, root=ROOT):
        self.site, self.docs = Path(site), Path(docs)
        self.templates = sorted((Path(root) / "overrides").rglob("*.html"))
        self._lines = {}
        self._chapters = {}  # language -> {chapter id: page name}
        self._sheets = None  # review kit sheet (biaya.html) -> page name
        self.whole_guide = project.options(root).whole_guide

    def _names(self, lang):
        base = self.docs / lang
        return [p.relative_to(base).as_posix() for p in sorted(base.rglob("*.md"))] if base.is_dir() else []

    def embedded(self, page, element):
        """The source files of the text an element shows, when `page` is made of other pages
        (a chapter of the whole guide, a review-kit sheet); None for an ordinary page."""
        parts = page.split("/")
        if parts[0] == review_kit.FOLDER and parts[-1] != "index.html":
            if self._sheets is None:
                self._sheets = {review_kit.file_name(n): n for n in self._names(DEFAULT_LANGUAGE)}
            name = self._sheets.get(parts[-1])
            return [self.docs / lang / name for lang in LANGUAGES if name and (self.docs / lang / name).is_file()]
        source = self.source_of(page)
        if source is None or source.name != self.whole_guide or source.parent.parent != self.docs:
            return None
        chapter = element.find_parent("section", class_="pmi-chapter")
        if chapter is None:
            return None  # the whole-guide page's own part: an ordinary page
        lang = source.parent.name
        if lang not in self._chapters:
            self._chapters[lang] = {chapter_id(n): n for n in self._names(lang)}
        name = self._chapters[lang].get(chapter.get("id"))
        return [self.docs / lang / name] if name else []

    def chapter_candidates(self, url, lang):
        """Candidates for a link as the whole-guide page rewrote it (#bab-biaya--rincian)."""
        if url.startswith("#bab-"):
            cid, _, fragment = url[1:].partition("--")
            name = self._chapters.get(lang, {}).get(cid)
            if name:
                base = name.rsplit("/", 1)[-1]
                return [f"{base}#{fragment}", f"#{fragment}"] if fragment else [base]
        return self.candidates(url)

    def lines(self, path):
        if path not in self._lines:
            self._lines[path] = path.read_text(encoding="utf-8").split("\n")
        return self._lines[path]

    def source_of(self, page):
        """site/bjn/biaya/index.html and (offline edition) bjn/biaya.html -> docs/bjn/biaya.md
        (None for 404.html and the like)."""
        parts = page.split("/")
        lang = DEFAULT_LANGUAGE
        if parts[0] in LANGUAGES and len(parts) > 1:
            lang, parts = parts[0], parts[1:]
        if not parts[-1].endswith(".html"):
            return None
        if parts[-1] != "index.html":
            parts = parts[:-1] + [parts[-1][: -len(".html")], "index.html"]
        stem = "/".join(parts[:-1])
        for name in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            if (self.docs / lang / name).is_file():
                return self.docs / lang / name
        return None

    @staticmethod
    def candidates(url):
        """Strings a source line holding this URL would contain, most telling first."""
        parts = urlsplit(url)
        found = [url]
        if not parts.scheme and parts.path:
            segment = parts.path.rstrip("/").rsplit("/", 1)[-1]
            if segment not in ("", ".", ".."):
                name = segment if "." in segment else segment + ".md"
                if name.endswith(".html"):  # the offline edition's biaya.html is biaya.md
                    name = name[: -len(".html")] + ".md"
                found += [name + ("#" + parts.fragment if parts.fragment else ""), name]
        if parts.fragment:
            found.append("#" + parts.fragment)
        return [c for c in found if len(c) >= 3]

    def find(self, path, needles, text=None):
        for needle in needles:
            for number, line in enumerate(self.lines(path), start=1):
                if needle in line:
                    return number
        if text:  # the link's words, on a line that has a link or an image
            for number, line in enumerate(self.lines(path), start=1):
                if text in line and any(mark in line for mark in ("](", "href=", "src=")):
                    return number
        return None

    def locate(self, page, tag, url, message):
        """(Problem, where): where is "source" (a Markdown line or a template), "embedded" (the
        Markdown line of the page a whole-guide chapter or review sheet copies) or "build" (the
        built file, because a template or hook wrote the link)."""
        source = self.source_of(page)
        text = (tag.get("alt") if tag.name == "img" else tag.get_text(" ", strip=True)) or ""
        embedded = self.embedded(page, tag)
        if embedded is not None and url:
            lang = source.parent.name if source else DEFAULT_LANGUAGE
            for origin in embedded:
                line = self.find(origin, self.chapter_candidates(url, lang), text if len(text) >= 3 else None)
                if line:
                    return Problem(relative(origin), line, message), "embedded"
        elif source and url and tag.find_parent("article") is not None:
            line = self.find(source, self.candidates(url), text if len(text) >= 3 else None)
            if line:
                return Problem(relative(source), line, message), "source"
        if url:
            for template in self.templates:
                line = self.find(template, [url])
                if line:
                    return Problem(relative(template), line, message + " (Tautan ini ada di templat ini.)"), "source"
        note = BUILT_NOTE.format(source=f" {relative(source)}" if source else "")
        return Problem(relative(self.site / page), tag.sourceline or 0, message + note), "build"


def same_link(built_url, written_url):
    """Whether a link of the built site is the link written as `written_url` in Markdown."""
    written = Locator.candidates(written_url)
    return (written[1] if len(written) > 1 else written_url) in Locator.candidates(built_url)


def check_site(site, docs=DOCS, root=ROOT, reported_links=(), markdown_checked=False,
               offline=False, public=None):
    """Every problem in the built site, located for an editor. `reported_links` holds
    (Markdown file, line, link as written) of links the build already reported;
    `markdown_checked`: the Markdown checks run too (contact_numbers.check_site_text).
    `offline`: `site` is the offline edition (or one of its unpacked ZIPs); `public`: the
    public site's build, for its links to the public address."""
    site = Path(site)
    rules = Rules(root)
    edition = Edition(site, offline, public).read()
    soups = edition.soups
    locator = Locator(site, docs, root)
    problems = list(rules.problems)
    built = {}  # problems written by templates, reported once with the number of pages
    own, embedded = [], []
    for page, soup in soups.items():
        for tag in soup.find_all(True):
            for url, message in tag_problems(tag, page, edition, rules):
                problem, where = locator.locate(page, tag, url, message)
                if where == "build":
                    built.setdefault(message, []).append(problem)
                elif where == "embedded":
                    embedded.append((problem, page, tag))
                else:
                    own.append((problem, url))
    text_problems = contact_numbers.check_site_text(site, locator, Path(root) / "data", soups, markdown_checked)
    written = {}
    for path, line, url in reported_links:
        written.setdefault((path, line), []).append(url)
    at_source = {(p.path, p.line) for p, _ in own} | {(p.path, p.line) for p in text_problems} | set(written)
    problems += [p for p, url in own if not any(same_link(url, w) for w in written.get((p.path, p.line), ()))]
    problems += text_problems
    for problem, page, tag in embedded:
        if (problem.path, problem.line) in at_source:
            continue  # the page it comes from reports it
        maker = "scripts/pmi_aman/review_kit.py" if page.startswith(review_kit.FOLDER + "/") else "scripts/pmi_aman/plugin/print_guide.py"
        note = EMBEDDED_NOTE.format(source=f"{problem.path}:{problem.line}", maker=maker)
        problems.append(Problem(relative(site / page), tag.sourceline or 0, problem.message + note))
    for same in built.values():
        first = same[0]
        more = f" Sama di {len(same) - 1} halaman lain." if len(same) > 1 else ""
        problems.append(Problem(first.path, first.line, first.message + more))
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def check_editions(site, offline=None, docs=DOCS, root=ROOT, reported_links=(), markdown_checked=False):
    """check_site over the public site and, when given, the offline edition built from the same
    sources. A problem of the offline edition at a place (file and line) or with a message the
    public site's check already gave is the same problem: it is reported once, for the site."""
    problems = check_site(site, docs, root, reported_links, markdown_checked)
    if offline is None:
        return problems
    seen = {(p.path, p.line) for p in problems} | {(path, line) for path, line, _ in reported_links}
    said = {_without_count(p.message) for p in problems}
    for problem in check_site(offline, docs, root, reported_links, markdown_checked, True, site):
        if (problem.path, problem.line) not in seen and _without_count(problem.message) not in said:
            problems.append(problem)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def _without_count(message):
    return re.sub(r" Sama di \d+ halaman lain\.$", "", message)
