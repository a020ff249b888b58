"""Reading pages: front matter (with errors an editor can act on) and the Indonesian/Banjar pairs."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.meta import YAML_RE

from . import DEFAULT_LANGUAGE, DOCS, LANGUAGES, schemas
from .problems import Problem, relative  # noqa: F401  (relative: used as pages.relative)

@dataclass
class Page:
    path: Path  # absolute
    rel: str  # path shown to editors, relative to the project root
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    problems: list = field(default_factory=list)
    front: str = ""  # the front matter text, '---' lines included


def read_page(path, today=None, lang=None, text=None):
    """Parse one Markdown file (or `text`, as if it were that file). Never raises for bad
    content: problems are collected. The front matter is checked against its schema
    (schemas.FrontMatter; a page outside docs/id/ also needs `translation:`). `lang` defaults to
    the language folder the file is in (docs/<lang>/...)."""
    path = Path(path)
    page = Page(path=path, rel=relative(path))
    text = path.read_text(encoding="utf-8") if text is None else text
    match = YAML_RE.match(text)
    if not match:
        page.body = text
        page.problems.append(
            Problem(
                page.rel,
                1,
                "halaman tidak diawali front matter. Baris pertama harus '---', lalu title, "
                "description, reviewed dan sources, lalu '---' lagi (contoh di CONTRIBUTING.md).",
            )
        )
        return page
    page.body = text[match.end():]
    page.front = text[: match.end()]
    page.body_line = page.front.count("\n") + 1
    closing = page.front.count("\n") or 1  # the line of the closing '---'
    doc = schemas.parse(match.group(1), page.rel, offset=1, root_line=closing, what="front matter")
    translated = (lang or language_of(page.path)) != DEFAULT_LANGUAGE
    spec = schemas.TRANSLATED_FRONT_MATTER if translated else schemas.FRONT_MATTER
    schemas.validate(doc, spec, today=today)
    page.meta = doc.data if isinstance(doc.data, dict) else {}
    page.problems.extend(doc.problems)
    return page


def line_of_key(text, key):
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def language_of(path):
    """The language folder a page is in: docs/bjn/x.md -> bjn (also outside this project's docs/)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(DOCS.resolve()).parts[0]
    except ValueError:
        return next((part for part in reversed(path.parts[:-1]) if part in LANGUAGES), DEFAULT_LANGUAGE)


def counterpart(path, lang):
    """The same page in another language: docs/id/x.md -> docs/bjn/x.md."""
    rel = Path(path).resolve().relative_to(DOCS.resolve())
    return DOCS / lang / Path(*rel.parts[1:])


def source_hash(body):
    """Pinned identifier of an Indonesian page's text (front matter excluded)."""
    normalized = "\n".join(line.rstrip() for line in body.strip().split("\n"))
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def markdown_files(lang, docs=None):
    base = Path(docs or DOCS) / lang
    return sorted(p for p in base.rglob("*.md"))


def pairs(docs=None):
    """Yield (relative path inside the language folder, {lang: Path or None})."""
    docs = Path(docs or DOCS)
    names = set()
    for lang in LANGUAGES:
        names.update(p.relative_to(docs / lang).as_posix() for p in markdown_files(lang, docs))
    for name in sorted(names):
        yield name, {
            lang: (docs / lang / name) if (docs / lang / name).exists() else None
            for lang in LANGUAGES
        }
