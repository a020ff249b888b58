"""List missing, outdated and draft Banjar translations.

    make translation-status                     the list (exit 1 only when a page is missing)
    make translation-status PIN=docs/bjn/x.md   record that docs/bjn/x.md now matches today's
                                                Indonesian page (after you updated the translation)
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pmi_aman import DOCS, pages, translation  # noqa: E402

LABEL = {
    translation.MISSING: "HILANG  ",
    translation.OUTDATED: "USANG   ",
    translation.DRAFT: "DRAF    ",
    translation.REVIEWED: "DITINJAU",
}


def pin(path):
    path = Path(path).resolve()
    id_page = pages.counterpart(path, "id")
    digest = pages.source_hash(pages.read_page(id_page).body)
    text = path.read_text(encoding="utf-8")
    if re.search(r"^translation:\n(  .*\n)*?  source: .*$", text, re.M):
        text = re.sub(r"^(translation:\n(?:  .*\n)*?  source: ).*$", rf"\g<1>{digest}", text,
                      count=1, flags=re.M)
    else:
        text = text.replace("\n---\n", f"\ntranslation:\n  source: {digest}\n  status: draf\n---\n", 1)
    path.write_text(text, encoding="utf-8")
    print(f"{pages.relative(path)}: translation.source = {digest} (dari {pages.relative(id_page)})")


def report(statuses):
    lines = []
    for s in statuses:
        extra = f" (ditinjau oleh {s.reviewer})" if s.reviewer else ""
        lines.append(f"{LABEL[s.state]}  docs/bjn/{s.name}{extra}")
    counts = {state: sum(1 for s in statuses if s.state == state) for state in LABEL}
    words = sum(s.words for s in statuses)
    lines.append(
        f"\n{len(statuses)} halaman: {counts[translation.MISSING]} hilang, "
        f"{counts[translation.OUTDATED]} usang, {counts[translation.DRAFT]} draf, "
        f"{counts[translation.REVIEWED]} ditinjau; {words} kata bahasa Banjar."
    )
    if counts[translation.OUTDATED]:
        lines.append(
            "USANG: halaman Indonesia sudah berubah sejak diterjemahkan. Perbarui terjemahannya, "
            "lalu jalankan 'make translation-status PIN=docs/bjn/<halaman>.md'."
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", help="halaman docs/bjn/... yang baru diperbarui")
    parser.add_argument("--docs", default=str(DOCS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pin:
        pin(args.pin)
        return 0
    statuses = translation.all_statuses(args.docs)
    print(report(statuses))
    return 1 if any(s.state == translation.MISSING for s in statuses) else 0


if __name__ == "__main__":
    sys.exit(main())
