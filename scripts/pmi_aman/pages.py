"""Reading pages: front matter (with errors an editor can act on) and the Indonesian/Banjar pairs."""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from . import DEFAULT_LANGUAGE, DOCS, LANGUAGES, ROOT
from .problems import Problem

REQUIRED = ("title", "description", "reviewed", "sources")
TEXT_FIELDS = ("title", "description")
REVIEW_STATES = ("draf", "ditinjau")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available: faster
    """Safe YAML, except that an impossible date (2026-02-30) stays text instead of raising
    ValueError, so that the front matter check names its line."""


def _date_or_text(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


@dataclass
class Page:
    path: Path  # absolute
    rel: str  # path shown to editors, relative to the project root
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the first body line in the file
    problems: list = field(default_factory=list)
    front: str = ""  # the front matter text, '---' lines included


def relative(path):
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def read_page(path, today=None, lang=None):
    """Parse one Markdown file. Never raises for bad content: problems are collected.
    `lang` defaults to the language folder the file is in (docs/<lang>/...)."""
    path = Path(path)
    page = Page(path=path, rel=relative(path))
    text = path.read_text(encoding="utf-8")
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
    try:
        meta = yaml.load(match.group(1), Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(error, "problem", None) or "format YAML rusak"
        page.problems.append(
            Problem(
                page.rel,
                line,
                f"front matter tidak bisa dibaca ({reason}). Periksa titik dua, tanda kutip dan "
                "indentasi di baris ini; teks yang memuat ': ' harus diapit tanda kutip \"...\".",
            )
        )
        return page
    if not isinstance(meta, dict):
        page.problems.append(
            Problem(page.rel, 2, "front matter harus berisi pasangan 'nama: nilai'.")
        )
        return page
    page.meta = meta
    page.problems.extend(check_front_matter(page, text, today, lang))
    return page


def line_of_key(text, key):
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def check_front_matter(page, text, today=None, lang=None):
    today = today or dt.date.today()
    meta, problems = page.meta, []
    closing = page.front.count("\n") or 1  # the line of the closing '---'
    for key in REQUIRED:
        if meta.get(key) in (None, "", []):
            problems.append(
                Problem(
                    page.rel,
                    closing,
                    f"front matter belum punya '{key}' (atau isinya kosong). Tambahkan baris "
                    f"'{key}: ...' sebelum '---' penutup (lihat CONTRIBUTING.md, bagian front matter).",
                )
            )
    for key in TEXT_FIELDS:
        if meta.get(key) not in (None, "") and not isinstance(meta[key], str):
            problems.append(
                Problem(
                    page.rel,
                    line_of_key(text, key),
                    f"'{key}' harus berupa satu baris teks, bukan daftar atau angka. Tulis "
                    f"'{key}: teksnya' (beri tanda kutip kalau teksnya memuat ':').",
                )
            )
    reviewed = meta.get("reviewed")
    if reviewed not in (None, ""):
        line = line_of_key(text, "reviewed")
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            problems.append(
                Problem(
                    page.rel,
                    line,
                    f"'reviewed: {reviewed}' bukan tanggal yang sah. Tulis tanggal yang ada di "
                    "kalender, seperti 2026-11-28 (tahun-bulan-tanggal), tanpa tanda kutip.",
                )
            )
        elif reviewed > today:
            problems.append(
                Problem(
                    page.rel,
                    line,
                    f"'reviewed: {reviewed}' ada di masa depan. Tulis tanggal halaman ini "
                    "terakhir diperiksa, paling lambat hari ini.",
                )
            )
    sources = meta.get("sources")
    if sources not in (None, "", []) and not (
        isinstance(sources, list) and all(isinstance(s, str) and s.strip() for s in sources)
    ):
        problems.append(
            Problem(
                page.rel,
                line_of_key(text, "sources"),
                "'sources' harus berupa daftar, satu sumber per baris diawali '- '.",
            )
        )
    if (lang or language_of(page.path)) != DEFAULT_LANGUAGE:
        problems.extend(check_translation_meta(page, text))
    return problems


def check_translation_meta(page, text):
    line = line_of_key(text, "translation")
    info = page.meta.get("translation")
    if not isinstance(info, dict):
        return [
            Problem(
                page.rel,
                line,
                "halaman terjemahan belum punya 'translation:' dengan 'source' (kode versi "
                "halaman Indonesia) dan 'status' (draf atau ditinjau). Jalankan "
                f"'make translation-status PIN={page.rel}' untuk mengisinya.",
            )
        ]
    problems = []
    if not info.get("source"):
        problems.append(
            Problem(
                page.rel,
                line,
                "'translation' belum punya 'source'. Jalankan "
                f"'make translation-status PIN={page.rel}'.",
            )
        )
    elif not pin_is_readable(info.get("source")):
        problems.append(
            Problem(
                page.rel,
                line_of_key(text, "  source") if "\n  source:" in text else line,
                f"'translation: source: {info.get('source')}' tidak bisa dibaca: kode versi harus "
                "12 huruf/angka 0-9 dan a-f, persis seperti yang ditulis perintah pin. Jangan "
                f"mengetik kode ini sendiri; jalankan 'make translation-status PIN={page.rel}' "
                "setelah terjemahan sesuai dengan halaman Indonesia.",
            )
        )
    status = info.get("status")
    if status not in REVIEW_STATES:
        problems.append(
            Problem(
                page.rel,
                line,
                f"'translation: status: {status}' tidak dikenal. Pakai 'draf' atau 'ditinjau'.",
            )
        )
    elif status == "ditinjau" and not info.get("reviewer"):
        problems.append(
            Problem(
                page.rel,
                line,
                "terjemahan berstatus 'ditinjau' harus menyebut 'reviewer' (nama penutur asli "
                "yang memeriksanya).",
            )
        )
    on = info.get("reviewed_on")
    if on not in (None, "") and (not isinstance(on, dt.date) or isinstance(on, dt.datetime)
                                 or on > dt.date.today()):
        problems.append(
            Problem(
                page.rel,
                line,
                f"'reviewed_on: {on}' bukan tanggal pemeriksaan yang sah. Tulis tanggal seperti "
                "2026-12-02 (tahun-bulan-tanggal), paling lambat hari ini, atau jalankan "
                f"'make translation-status PIN={page.rel} REVIEWER=\"nama\"'.",
            )
        )
    return problems


PIN = re.compile(r"[0-9a-f]{12}")


def pin_is_readable(value):
    """A pin is the 12-character hash `make translation-status PIN=...` writes, as text (a pin of
    digits only must be quoted, or YAML reads it as a number and drops its leading zeros)."""
    return isinstance(value, str) and bool(PIN.fullmatch(value))


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
