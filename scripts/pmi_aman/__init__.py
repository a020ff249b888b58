"""PMI Aman tooling: the site's small MkDocs plugin, hook helpers and content checks.

Paths are taken from the current directory, as MkDocs itself does with mkdocs.yml: run every
command from the project root (the Makefile does). Tests that work on a temporary copy of the
project run their commands inside that copy.
"""

from pathlib import Path

ROOT = Path.cwd().resolve()
DATA = ROOT / "data"
DOCS = ROOT / "docs"
LANGUAGES = ("id", "bjn")
DEFAULT_LANGUAGE = "id"
