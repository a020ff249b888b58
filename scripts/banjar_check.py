"""How Banjar the Banjar pages are (pmi_aman.banjar).

    make banjar-check     findings with file and line, then the shares (a)/(b)/(c) per page and
                          in total, beside NusaX's own Banjar (ceiling) and the Indonesian pages
                          (floor). Exit 1 on a false friend or a register slip.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pmi_aman import DOCS, banjar  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ringkas", action="store_true", help="hanya angka dan kesalahan, tanpa daftar kata (b)/(c)")
    parser.add_argument("--docs", default=str(DOCS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    lexicon = banjar.load()
    reports = banjar.analyse_site(args.docs, lexicon) + banjar.analyse_data(lexicon=lexicon)
    floor = banjar.analyse_site(args.docs, lexicon, lang="id")
    text = banjar.format_report(reports, floor, banjar.load_ceiling(), details=True)
    if args.ringkas:
        text = "\n".join(line for line in text.split("\n") if "(b):" not in line and "(c):" not in line)
    print(text)
    return 1 if any(r.errors() for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
