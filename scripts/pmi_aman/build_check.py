"""The MkDocs build as one step of `make check`: every problem of the build in one run.

`make build` and `make site` build with `--strict` and stop at the first problem. The check
builds the same site without strict mode (same mkdocs.yml, same hooks), so it does not stop:
the hooks log each page's problems as warnings (pmi_aman.problems.report_or_raise) and MkDocs
logs its own link, anchor and navigation warnings. All of them are collected from the log and
become Problems: in Indonesian, with the Markdown file and the line of the link (looked up in
the source, since MkDocs names no line), or the line of mkdocs.yml to change.
"""

import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import get_yaml_loader

from . import LANGUAGES, ROOT, navigation
from .pages import relative
from .problems import ContentError, Problem

_DOC = r"Doc file '(?P<doc>[^']+)' contains "
_HINT = r"(?: Did you mean '(?P<hint>[^']*)'\?)?$"
LINK_NOT_FOUND = re.compile(_DOC + r"a link '(?P<url>[^']+)', but the target(?: '(?P<target>[^']+)')? is "
                            r"not found among documentation files\." + _HINT)
UNRECOGNIZED = re.compile(_DOC + r"an unrecognized relative link '(?P<url>[^']+)', it was left as is\." + _HINT)
ABSOLUTE = re.compile(_DOC + r"an absolute link '(?P<url>[^']+)', it was left as is\." + _HINT)
ANCHOR = re.compile(_DOC + r"a link '(?P<url>[^']+)', but (?:there is no such anchor on this page|"
                    r"the doc '(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)')\.")
NAV_OMITTED = re.compile(r"The following pages exist in the docs directory, but are not included in the "
                         r"\"nav\" configuration:\n(?P<pages>(?:\s+- .+\n?)+)")
NAV_NOT_FOUND = re.compile(r"A reference to '(?P<url>[^']+)' is included in the 'nav' configuration, "
                           r"which (?:is not found in the documentation files|presumably points to an "
                           r"external resource)\.")
HEADING_ID = re.compile(r"\{[^}]*#([\w-]+)")

LINK_FIX = ("Tautan ke halaman lain ditulis sebagai nama berkas .md, relatif dari halaman ini, "
            "misalnya [Biaya](biaya.md) atau [Kegiatan](kegiatan/index.md).")


@dataclass
class Result:
    problems: list = field(default_factory=list)
    # (Markdown file, line, link as written) of every link MkDocs reported, so that the check of
    # the built site does not report the same link a second time.
    links: set = field(default_factory=set)
    built: bool = False  # the build ran to the end (site/ is complete)


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def run(config_file=None, site_dir=None):
    """Build the site without strict mode and return the Result (never raises)."""
    config_file = Path(config_file or ROOT / "mkdocs.yml")
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    result = Result()
    docs = config_file.parent / "docs"
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(config_file), strict=False, **options)
        docs = Path(config.docs_dir)
        build(config)
        result.built = True
    except ContentError as error:  # raised before the build started (on_config)
        result.problems += error.problems
    except (Exception, SystemExit) as error:  # noqa: BLE001 - MkDocs' Abort is a SystemExit
        where = getattr(error, "filename", None), getattr(error, "lineno", None)  # Jinja, YAML
        if isinstance(error, Abort):
            pass  # its cause is logged, and collected below
        elif where[0] and Path(where[0]).is_file():
            result.problems.append(Problem(relative(where[0]), where[1] or 0, (
                f"build berhenti karena galat di berkas ini ({type(error).__name__}: {error}). "
                "Perbaiki baris ini; kalau berkasnya templat atau hook, minta bantuan pengelola situs.")))
        else:
            result.problems.append(Problem(relative(config_file), 0, (
                f"build berhenti karena galat ({type(error).__name__}: {error}). Periksa berkas "
                "yang disebut di pesan ini.")))
    finally:
        logger.removeHandler(collector)
    translator = _Translator(docs, _holding_nav(config_file))
    for record in collector.records:
        message = record.getMessage()
        if getattr(record, "problem", None):  # logged by a hook (problems.report_or_raise)
            result.problems.append(record.problem)
        elif record.levelno >= logging.ERROR and problems_in(message):  # a ContentError that stopped it
            result.problems += problems_in(message)
        else:
            result.problems += translator.translate(message)
    result.links = translator.links
    return result


def _holding_nav(config_file):
    """The file whose lines editors change: mkdocs.yml also for mkdocs-offline.yml (INHERIT)."""
    config_file = Path(config_file)
    own = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader()) or {}
    if "nav" not in own and own.get("INHERIT"):
        return _holding_nav(config_file.parent / own["INHERIT"])
    return config_file


class _Translator:
    """MkDocs' warnings (English, no line) as Problems (Indonesian, file and line)."""

    def __init__(self, docs, config_file):
        self.docs, self.config_file = Path(docs), Path(config_file)
        self.links = set()
        self._seen = {}  # (doc, url) -> how many warnings so far: the n-th goes to the n-th line

    def translate(self, message):
        """The Problems one warning stands for."""
        for pattern, method in ((ANCHOR, self._anchor), (LINK_NOT_FOUND, self._link),
                                (UNRECOGNIZED, self._link), (ABSOLUTE, self._link),
                                (NAV_OMITTED, self._nav_omitted), (NAV_NOT_FOUND, self._nav_not_found)):
            match = pattern.match(message)
            if match:
                found = method(match, pattern)
                return found if isinstance(found, list) else [found]
        doc = re.match(r"Doc file '([^']+)'", message)
        path = relative(self.docs / doc.group(1)) if doc else relative(self.config_file)
        return [Problem(path, 0, f"peringatan dari MkDocs (belum ada terjemahannya): {message.strip()} "
                                "Kalau pesannya kurang jelas, tanyakan ke pengelola situs.")]

    # --- links inside a page ---------------------------------------------------------------

    def _where(self, match):
        doc, url = match.group("doc"), match.group("url")
        source = self.docs / doc
        nth = self._seen.get((doc, url), 0)
        self._seen[(doc, url)] = nth + 1
        line = link_line(source, url, nth)
        self.links.add((relative(source), line, url))
        return relative(source), line, url

    def _link(self, match, pattern):
        path, line, url = self._where(match)
        hint = match.group("hint")
        hint = f" Mungkin maksudnya '{hint}'." if hint else ""
        if pattern is ABSOLUTE:
            text = (f"tautan '{url}' memakai alamat absolut (diawali '/'); di situs terbit tautan "
                    f"ini rusak. {LINK_FIX}")
        elif pattern is UNRECOGNIZED:
            text = (f"tautan '{url}' tidak dikenali: alamatnya tidak berakhir dengan nama berkas "
                    f"(.md). {LINK_FIX}")
        else:
            target = match.group("target") or url
            text = (f"tautan '{url}' menuju halaman yang tidak ada (docs/{target} tidak ada). "
                    f"Periksa ejaan nama berkasnya. {LINK_FIX}")
        return Problem(path, line, text + hint)

    def _anchor(self, match, pattern):
        path, line, url = self._where(match)
        target = match.group("target") or match.group("doc")
        anchor = match.group("anchor") or url.partition("#")[2]
        target_file = self.docs / target
        ids = HEADING_ID.findall(target_file.read_text(encoding="utf-8")) if target_file.is_file() else []
        close = difflib.get_close_matches(anchor, ids, n=1)
        hint = f" Mungkin maksudnya '#{close[0]}'." if close else ""
        return Problem(path, line, (
            f"tautan '{url}' menuju bagian '#{anchor}' yang tidak ada di {relative(target_file)}. "
            "Kode bagian ditulis di belakang judulnya, misalnya '## Biaya resmi {#biaya-resmi}'; "
            f"samakan kode di tautan dengan kode di judul itu.{hint}"))

    # --- the navigation -----------------------------------------------------------------------

    def _nav_omitted(self, match, pattern):
        # One warning per language build and page; the nav is shared, so one line fixes both.
        problems = []
        text = self.config_file.read_text(encoding="utf-8")
        for entry in re.findall(r"- (.+)", match.group("pages")):
            entry = entry.strip()
            lang, _, name = entry.partition("/")
            if lang not in LANGUAGES:
                lang, name = "", entry
            files = " dan ".join(f"docs/{code}/{name}" for code in LANGUAGES
                                 if (self.docs / code / name).is_file()) or f"docs/{entry}"
            try:
                index, nav_line, section = navigation.nav_placement(text, name[: -len(".md")])
            except navigation.Refused:
                problems.append(Problem(relative(self.config_file), 0, (
                    f"halaman {files} belum ada di navigasi (nav:). Tambahkan baris "
                    f"'- {name}' di bagian yang cocok di 'nav:'.")))
                continue
            lines = text.split("\n")
            under = f" di bawah '{section}:'" if section else ""
            problems.append(Problem(relative(self.config_file), index + 1, (
                f"halaman {files} belum ada di navigasi, jadi pembaca tidak menemukannya di menu. "
                f"Tambahkan baris '{nav_line}'{under} di mkdocs.yml baris {index + 1} (sesudah "
                f"'{lines[index - 1].strip()}'), atau di bagian lain yang lebih cocok. "
                "Halaman dari 'make page' sudah ditambahkan sendiri.")))
        return problems

    def _nav_not_found(self, match, pattern):
        url = match.group("url")
        if any((self.docs / lang / url).is_file() for lang in LANGUAGES):
            return []  # missing in one language only: the translations hook names that file
        line = navigation.nav_line_of(self.config_file.read_text(encoding="utf-8"), url)
        return Problem(relative(self.config_file), line, (
            f"navigasi (nav:) menyebut '{url}', tetapi halaman itu tidak ada di docs/id/ atau "
            "docs/bjn/. Periksa ejaan nama berkasnya, buat halamannya ('make page NAME=...'), "
            "atau hapus baris ini."))


PROBLEM_LINE = re.compile(r"^(?P<path>[\w./-]+\.(?:md|ya?ml|html|py))(?::(?P<line>\d+))?: (?P<message>.+)$")


def problems_in(message):
    """The Problems of a ContentError's text (one `file:line: message` a line), or None."""
    matches = [PROBLEM_LINE.match(line) for line in message.strip().split("\n")]
    if not matches or not all(matches):
        return None
    return [Problem(m.group("path"), int(m.group("line") or 0), m.group("message")) for m in matches]


def link_line(path, url, nth=0):
    """The line of the (nth) link to `url` in a Markdown file; 0 when it cannot be found."""
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except OSError:
        return 0
    forms = (f"]({url}", f"]( {url}", f"<{url}>", f'href="{url}"', f"href='{url}'", f"]: {url}")
    for needles in (forms, (url,)):
        found = [n for n, line in enumerate(lines, start=1) if any(x in line for x in needles)]
        if found:
            return found[min(nth, len(found) - 1)]
    return 0
