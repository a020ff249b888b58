"""Valid HTML on every built page, checked by the W3C's Nu HTML Checker (vnu.jar).

The checker is the npm package vnu-jar, pinned in package.json / package-lock.json and
installed by `make vnu` (`npm ci --ignore-scripts`: its postinstall script would download a Java
runtime; Debian's default-jre-headless runs it instead). All files are checked in one start
of Java (a few seconds), with JSON output, and every error or warning becomes a Problem naming
the built file and line, with the checker's own (English) text in an Indonesian message.

--no-langdetect: the checker's language guesser does not know Banjar and calls Banjar pages
Indonesian; which language a page is in is checked by pmi_aman.translation instead.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import DOCS, ROOT
from .pages import relative
from .problems import Problem

# A tool, like .venv: installed next to this code (`make vnu`), whichever project copy is checked.
TOOLS = Path(__file__).resolve().parents[2]
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short run: Java's quick compiler alone (TieredStopAtLevel=1) needs less than half the CPU
# time (measured 2.3 s instead of 5.2 s for 80 pages); the checker then needs a larger stack.
JAVA_OPTIONS = ("-Xss4m", "-XX:TieredStopAtLevel=1")
VNU_OPTIONS = ("--format", "json", "--exit-zero-always", "--skip-non-html", "--no-langdetect")
INSTALL_HINT = "Pasang dengan 'make vnu' (npm ci --ignore-scripts; Java: paket Debian default-jre-headless)."


def built_folders(root=ROOT):
    """Every folder of built HTML that exists: the site (both languages, 404 pages, whole-guide
    pages) and the offline edition."""
    return [folder for folder in (Path(root) / "site", Path(root) / "build" / "offline") if folder.is_dir()]


def run_vnu(paths, jar=VNU_JAR, java=None):
    """Run the checker once over files and folders (folders: every .html inside); its messages."""
    java = java or shutil.which("java")
    if not java or not Path(jar).is_file():
        missing = "Java" if not java else relative(jar)
        raise FileNotFoundError(f"Nu HTML Checker tidak bisa dijalankan: {missing} tidak ada. {INSTALL_HINT}")
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(jar), *VNU_OPTIONS, "--", *(str(p) for p in paths)],
        capture_output=True, text=True, encoding="utf-8", timeout=600,
    )
    try:
        return json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"Nu HTML Checker gagal (kode {result.returncode}): {result.stderr[-2000:]}") from error


def file_of(message):
    """The local path a checker message is about (its url is file:/...)."""
    return Path(unquote(urlsplit(message.get("url", "")).path))


def source_note(path, site=ROOT / "site", docs=DOCS):
    """' Halaman ini dibuat dari docs/id/biaya.md.' for a built page of the site, else ''."""
    try:
        parts = list(Path(path).resolve().relative_to(Path(site).resolve()).parts)
    except ValueError:
        return ""
    if parts[-1] != "index.html":
        return ""
    lang = "id"
    if len(parts) > 1 and parts[0] != "id" and (Path(docs) / parts[0]).is_dir():
        lang, parts = parts[0], parts[1:]
    stem = "/".join(parts[:-1])
    for name in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
        if (Path(docs) / lang / name).is_file():
            return f" Halaman ini dibuat dari {relative(Path(docs) / lang / name)}."
    return ""


def highlighted(message):
    """The part of the page the message is about (the checker's highlighted extract), one line."""
    extract = message.get("extract") or ""
    start, length = message.get("hiliteStart"), message.get("hiliteLength")
    if isinstance(start, int) and isinstance(length, int) and length > 0:
        extract = extract[start:start + length]
    return " ".join(extract.split())


def to_problem(message, docs=DOCS):
    """One checker message as a Problem an editor can act on (Indonesian, validator text quoted)."""
    path = file_of(message)
    kind = "peringatan" if message.get("subType") == "warning" else "kesalahan"
    extract = highlighted(message)
    text = f"HTML tidak sah ({kind} Nu HTML Checker): {message.get('message', '').strip()}"
    if extract:
        text += f" Cuplikan: «{extract[:160]}»."
    text += (source_note(path, docs=docs) + " Perbaiki di teks halaman (docs/) atau di templat "
             "(overrides/) yang menulis bagian ini, lalu jalankan 'make check' lagi.")
    return Problem(relative(path), message.get("lastLine") or message.get("firstLine") or 0, text)


def is_problem(message):
    """Errors (also a file that cannot be read) and warnings; not the checker's plain notes."""
    return message.get("type") in ("error", "non-document-error") or message.get("subType") == "warning"


def check_files(paths, docs=DOCS, jar=VNU_JAR):
    """Problems in the given HTML files and folders, one checker run; the same problem written
    by a template on many pages is reported once, with the number of other pages."""
    try:
        messages = run_vnu(paths, jar)
    except (FileNotFoundError, RuntimeError) as error:
        return [Problem(relative(jar), 0, str(error))]
    same = {}
    for message in messages:
        if is_problem(message):
            problem = to_problem(message, docs)
            key = (message.get("message"), highlighted(message))
            same.setdefault(key, []).append(problem)
    problems = []
    for found in same.values():
        first = found[0]
        pages = len({p.path for p in found}) - 1
        more = f" Sama di {pages} halaman lain." if pages else ""
        problems.append(Problem(first.path, first.line, first.message + more))
    return problems
