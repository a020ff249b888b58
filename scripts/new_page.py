"""Create a new page in both languages and add it to the navigation.

    make page NAME=kegiatan/2026-01-10-rapat-desa TITLE="Rapat desa"
    make page NAME=panduan-visa TITLE="Panduan visa"          (goes under "Lainnya")
    .venv/bin/python scripts/new_page.py panduan-visa --section "Bantuan"

Writes docs/id/<NAME>.md and docs/bjn/<NAME>.md with complete front matter (the Banjar page
pinned to the Indonesian text, status draf) and adds one line to `nav:` in mkdocs.yml. The
site builds at once; then the editor writes the text (`make check` fails while the placeholder
sentence, content_checks.PLACEHOLDER_TEXT, is still there). mkdocs.yml is edited with
ruamel.yaml's round trip (pmi_aman.navigation.add_page): one line is added, and its comments,
order and layout stay as they are.
"""

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pmi_aman import DOCS, ROOT, pages  # noqa: E402
from pmi_aman.content_checks import PLACEHOLDER_TEXT  # noqa: E402
from pmi_aman.navigation import DEFAULT_SECTION, Refused, add_page, nav_insertion  # noqa: E402,F401

NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*")
PLAIN_YAML = re.compile(r"[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ .,()/'-]*")

INDONESIAN = """---
title: {title}
# Ganti kalimat di bawah dengan ringkasan halaman ini (satu kalimat, untuk hasil pencarian).
description: {description}
reviewed: {today}
sources:
  - UU No. 18 Tahun 2017
---

# {heading} {{#{anchor}}}

{placeholder}
"""

BANJAR = """---
title: {title}
# Ganti kalimat di bawah lawan ringkasan laman ngini dalam basa Banjar.
description: {description}
reviewed: {today}
translation:
  source: {source}
  status: draf
sources:
  - UU No. 18 Tahun 2017
---

# {heading} {{#{anchor}}}

{placeholder}
"""


def yaml_text(value):
    """A front matter value: plain when safe, else a double-quoted YAML (JSON) string."""
    if PLAIN_YAML.fullmatch(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def check_name(name):
    name = name.strip()
    if name.endswith(".md"):
        name = name[:-3]
    if not NAME.fullmatch(name):
        raise Refused(
            f"nama halaman '{name}' tidak sah. Pakai huruf kecil a-z, angka 0-9 dan tanda '-' "
            "saja, tanpa spasi; '/' hanya untuk folder. Contoh: kegiatan/2026-01-10-rapat-desa"
        )
    return name


def title_from(name):
    words = name.rsplit("/", 1)[-1].replace("-", " ")
    return words[:1].upper() + words[1:]


# --- the two pages -------------------------------------------------------------------------


def make_page(name, title=None, section=None, today=None):
    """Create both pages and the nav line; return the paths written. Raises Refused."""
    name = check_name(name)
    title = (title or title_from(name)).strip()
    if not title or "\n" in title:
        raise Refused("judul halaman (TITLE) kosong atau lebih dari satu baris.")
    targets = {lang: DOCS / lang / f"{name}.md" for lang in ("id", "bjn")}
    for path in targets.values():
        if path.exists():
            raise Refused(
                f"halaman {pages.relative(path)} sudah ada. Ubah halaman itu, atau pilih nama lain."
            )
    config = ROOT / "mkdocs.yml"
    nav_text, nav_line = add_page(config.read_text(encoding="utf-8"), name, section)

    today = today or dt.date.today()
    anchor = name.rsplit("/", 1)[-1]
    fields = {"title": yaml_text(title), "heading": title, "anchor": anchor, "today": today}
    id_text = INDONESIAN.format(
        description=yaml_text(f"{title} - informasi dari PMI Aman untuk warga Tanah Laut."),
        placeholder=PLACEHOLDER_TEXT["id"], **fields
    )
    targets["id"].parent.mkdir(parents=True, exist_ok=True)
    targets["id"].write_text(id_text, encoding="utf-8")
    source = pages.source_hash(pages.read_page(targets["id"]).body)
    bjn_text = BANJAR.format(
        description=yaml_text(f"{title} - habar matan PMI Aman gasan warga Tanah Laut."),
        source=source,
        placeholder=PLACEHOLDER_TEXT["bjn"],
        **fields,
    )
    targets["bjn"].parent.mkdir(parents=True, exist_ok=True)
    targets["bjn"].write_text(bjn_text, encoding="utf-8")

    config.write_text(nav_text, encoding="utf-8")
    return [targets["id"], targets["bjn"]], nav_line


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # nargs="*": `make page NAME=Rapat Desa` passes two words; refuse them with a clear message.
    parser.add_argument("name", nargs="*", help="nama halaman, misalnya kegiatan/2026-01-10-rapat-desa")
    parser.add_argument("--title", help="judul halaman (bawaan: dari nama halaman)")
    parser.add_argument("--section", help=f"judul bagian navigasi (bawaan: '{DEFAULT_SECTION}')")
    args = parser.parse_args(argv)
    if not args.name:
        print(
            "Sebutkan nama halaman, misalnya:\n"
            '    make page NAME=kegiatan/2026-01-10-rapat-desa TITLE="Rapat desa"',
            file=sys.stderr,
        )
        return 2
    try:
        written, nav_line = make_page(" ".join(args.name), args.title, args.section)
    except Refused as refusal:
        print(f"Halaman tidak dibuat: {refusal}", file=sys.stderr)
        return 1
    id_page, bjn_page = (pages.relative(path) for path in written)
    print(f"dibuat: {id_page}\ndibuat: {bjn_page}\nnavigasi: mkdocs.yml baris {nav_line}\n")
    print(
        "Langkah berikutnya:\n"
        f"  1. Tulis isi {id_page} (ganti kalimat '{PLACEHOLDER_TEXT['id']}'; selama kalimat itu\n"
        "     masih ada, 'make check' gagal), dan ganti kalimat 'description:' dengan ringkasan Anda.\n"
        f"  2. Terjemahkan {bjn_page} ke bahasa Banjar (judul, description, isi).\n"
        f"  3. Catat versi terjemahannya: make translation-status PIN={bjn_page}\n"
        "  4. Lihat hasilnya dengan 'make serve', lalu periksa dengan 'make check'."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
