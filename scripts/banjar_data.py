"""Regenerate data/banjar/terbukti.txt, indonesia.tsv and batas-nusax.yml from
../shared/sources/banjar/ (pmi_aman.banjar_data).

    make banjar-data               with ../shared beside the project
    make banjar-data SHARED=path   with the shared folder elsewhere
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pmi_aman import ROOT, banjar_data, pages  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args(argv)
    try:
        folder = banjar_data.write(args.shared)
    except FileNotFoundError as error:
        print(f"{error} Jalankan dengan SHARED=<folder shared>.")
        return 1
    print(f"{pages.relative(folder)}: terbukti.txt, indonesia.tsv dan batas-nusax.yml dibuat ulang dari {args.shared}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
