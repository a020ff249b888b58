"""Handout PDFs: which pages are printed, their page budgets, where the PDFs and their list live.

scripts/make_handouts.py prints the pages and writes build/handouts.json and
build/handouts/<lang>/<file>.pdf. The next build lists them on the handouts page
({{ tabel: selebaran }}) and copies them into the site (scripts/hooks/handouts.py).
"""

import json

from . import DEFAULT_LANGUAGE, ROOT, strings
from .problems import Problem

BUILD = ROOT / "build"
MANIFEST = BUILD / "handouts.json"
PDF_DIR = BUILD / "handouts"
# Where the PDFs are published, next to the handouts page of each language.
SITE_FOLDER = "selebaran/pdf"

# Key pages in print order: page name -> (PDF file name, most A4 pages allowed, or None).
KEY_PAGES = {
    "index": ("beranda", 4),
    "jalur-resmi": ("jalur-resmi", 2),
    "memilih-jalur": ("memilih-jalur", 4),
    "syarat-dokumen": ("syarat-dokumen", 1),
    "keterampilan-sertifikat": ("keterampilan-sertifikat", 3),
    "perusahaan-penempatan": ("perusahaan-penempatan", 4),
    "biaya": ("biaya", 4),
    "tanda-bahaya": ("tanda-bahaya", 1),
    "periksa-tawaran": ("periksa-tawaran", 1),
    "hak-kewajiban": ("hak-kewajiban", 4),
    "pelindungan": ("pelindungan", 4),
    "larangan-sanksi": ("larangan-sanksi", 4),
    "peran-desa": ("peran-desa", 4),
    "tanah-laut-kalsel": ("tanah-laut-kalsel", 3),
    "pengaduan-bantuan": ("pengaduan-bantuan", 4),
    "keluarga-hilang-kontak": ("keluarga-hilang-kontak", 4),
    "meninggal-sakit": ("meninggal-sakit", 4),
    "cetak-semua": ("seluruh-panduan", None),  # the whole guide: no budget
}
DEFAULT_BUDGET = 4

def url_path(page, lang):
    """The page's address inside the site: '', 'bjn/', 'biaya/', 'bjn/biaya/'."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return prefix + ("" if page == "index" else f"{page}/")


def pdf_path(page, lang, pdf_dir=None):
    return (pdf_dir or PDF_DIR) / lang / f"{KEY_PAGES.get(page, (page, None))[0]}.pdf"


def budget(page):
    return KEY_PAGES[page][1] if page in KEY_PAGES else DEFAULT_BUDGET


def budget_problems(entries):
    """One Problem per handout with more A4 pages than its budget."""
    problems = []
    for entry in entries:
        limit = entry.get("budget")
        if limit is not None and entry["pages"] > limit:
            problems.append(
                Problem(
                    f"docs/{entry['lang']}/{entry['page']}.md",
                    0,
                    f"selebaran '{entry['page']}' ({entry['lang']}) jadi {entry['pages']} halaman "
                    f"A4, padahal batasnya {limit} halaman. Pendekkan isi halaman ini (kalimat lebih "
                    "singkat, gabungkan daftar, pindahkan penjelasan panjang ke halaman lain) lalu "
                    "jalankan lagi 'make site'.",
                )
            )
    return problems


def load_manifest(path=None):
    """The handouts made by the last `make site`, or [] if none were made yet."""
    path = path or MANIFEST
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def format_size(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def available(lang, manifest=None):
    """Manifest entries of one language whose PDF exists, in KEY_PAGES order."""
    entries = [
        e for e in (manifest if manifest is not None else load_manifest())
        if e["lang"] == lang and pdf_path(e["page"], lang).exists()
    ]
    order = list(KEY_PAGES)
    return sorted(entries, key=lambda e: order.index(e["page"]) if e["page"] in order else len(order))


def table(lang):
    """Markdown for {{ tabel: selebaran }} on docs/<lang>/selebaran.md."""
    lab = strings.load(lang)["handouts"]
    entries = available(lang)
    if not entries:
        return f"*{lab['missing']}*"
    rows = [f"| {lab['handout']} | {lab['pages']} | {lab['size']} |", "| --- | ---: | ---: |"]
    for entry in entries:
        link = f"{SITE_FOLDER}/{pdf_path(entry['page'], lang).name}"
        rows.append(f"| [{entry['title']}]({link}) | {entry['pages']} | {format_size(entry['bytes'])} |")
    return "\n".join(rows)

