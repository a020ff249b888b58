"""List missing, outdated and draft Banjar translations, and check their structure.

    make translation-status                     the list; exit 1 when a page is missing or a
                                                translation lost a section, link or fact
    make translation-status PIN=docs/bjn/x.md   record that docs/bjn/x.md now matches today's
                                                Indonesian page (after you updated the translation)
    make translation-status PIN=docs/bjn/x.md REVIEWER="Nama"
                                                record that a native speaker (Nama) reviewed
                                                docs/bjn/x.md today: status ditinjau, the draft
                                                notice becomes "dipariksa ulih Nama"

Outdated (usang) and draft (draf) translations are reported but never fail: an Indonesian
correction must not wait for a translator.
"""

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pmi_aman import DOCS, pages, structure, translation  # noqa: E402

LABEL = {
    translation.MISSING: "HILANG  ",
    translation.OUTDATED: "USANG   ",
    translation.DRAFT: "DRAF    ",
    translation.REVIEWED: "DITINJAU",
}
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
TRANSLATION_BLOCK = re.compile(r"^translation:.*\n(?:[ \t]+.*\n|\n)*", re.M)


def pin(path, reviewer=None, today=None):
    """Write today's Indonesian hash into the page; the translation goes back to draf, or, with
    a reviewer, becomes ditinjau with the reviewer's name and today's date."""
    path = Path(path).resolve()
    id_page = pages.counterpart(path, "id")
    digest = pages.source_hash(pages.read_page(id_page).body)
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        print(f"{pages.relative(path)}:1: halaman ini tidak diawali front matter '---'. "
              "Perbaiki dulu, lalu jalankan perintah ini lagi.")
        return 1
    # Quoted when all digits: YAML would otherwise read the pin as a number.
    shown = f'"{digest}"' if digest.isdigit() else digest
    reviewer = " ".join((reviewer or "").split())
    if reviewer:
        on = (today or dt.date.today()).isoformat()
        name = reviewer.replace('"', "'")
        block = (f"translation:\n  source: {shown}\n  status: ditinjau\n"
                 f"  reviewer: \"{name}\"\n  reviewed_on: {on}\n")
    else:
        block = f"translation:\n  source: {shown}\n  status: draf\n"
    meta = match.group(1)
    meta = TRANSLATION_BLOCK.sub(block, meta, count=1) if TRANSLATION_BLOCK.search(meta) else meta + block
    path.write_text(f"---\n{meta}---\n" + text[match.end():], encoding="utf-8")
    if reviewer:
        print(f"{pages.relative(path)}: translation.source = {digest} (dari {pages.relative(id_page)}), "
              f"status: ditinjau oleh {reviewer} pada {on}. Pemberitahuan draf di halaman itu "
              "diganti dengan 'dipariksa ulih ...'.")
    else:
        print(f"{pages.relative(path)}: translation.source = {digest} (dari {pages.relative(id_page)}), "
              "status: draf. Setelah penutur asli bahasa Banjar memeriksanya, jalankan "
              f"'make translation-status PIN={pages.relative(path)} REVIEWER=\"<nama>\"'.")
    problems = structure.check_pair(id_page, path)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def report(statuses, problems):
    lines = []
    for s in statuses:
        lang = "id" if s.state == translation.MISSING and s.source_now == "" else "bjn"
        on = f" pada {s.reviewed_on}" if s.reviewed_on else ""
        extra = f" (ditinjau oleh {s.reviewer}{on})" if s.state == translation.REVIEWED else ""
        lines.append(f"{LABEL[s.state]}  docs/{lang}/{s.name}{extra}")
    counts = {state: sum(1 for s in statuses if s.state == state) for state in LABEL}
    words = sum(s.words for s in statuses)
    lines.append(
        f"\n{len(statuses)} halaman: {counts[translation.MISSING]} hilang, "
        f"{counts[translation.OUTDATED]} usang, {counts[translation.DRAFT]} draf, "
        f"{counts[translation.REVIEWED]} ditinjau; {words} kata bahasa Banjar."
    )
    if counts[translation.MISSING]:
        lines.append(
            "HILANG: halaman itu belum ada dalam salah satu bahasa. Buat halamannya di path yang "
            "sama (terjemahan boleh berstatus draf). Ini membuat tes dan build gagal."
        )
    if counts[translation.OUTDATED]:
        lines.append(
            "USANG: halaman Indonesia sudah berubah sejak diterjemahkan. Perbarui terjemahannya, "
            "lalu jalankan 'make translation-status PIN=docs/bjn/<halaman>.md'."
        )
    if problems:
        lines.append(f"\nSTRUKTUR: {len(problems)} perbedaan antara halaman Indonesia dan "
                     "terjemahannya (ini membuat tes gagal):")
        lines.extend(str(p) for p in problems)
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", help="halaman docs/bjn/... yang baru diperbarui")
    parser.add_argument("--reviewer", help="nama penutur asli yang memeriksa halaman --pin")
    parser.add_argument("--docs", default=str(DOCS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reviewer and not args.pin:
        print("REVIEWER dipakai bersama PIN: make translation-status PIN=docs/bjn/x.md REVIEWER=\"Nama\"")
        return 1
    if args.pin:
        return pin(args.pin, args.reviewer)
    statuses = translation.all_statuses(args.docs)
    problems = structure.check_all(args.docs)
    print(report(statuses, problems))
    missing = any(s.state == translation.MISSING for s in statuses)
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
