"""Stop the build when a page exists in one language only.

mkdocs-static-i18n's fallback is switched off in mkdocs.yml, so a missing Banjar page would
simply vanish; this hook turns that into an error naming the file, before anything is built.
"""

from pmi_aman import DEFAULT_LANGUAGE, pages, translation
from pmi_aman.problems import Problem, report_or_raise


def on_config(config):
    # The translators' status table links the Banjar pages in the form this build uses.
    translation.USE_DIRECTORY_URLS = config.use_directory_urls


def on_pre_build(config):
    # static-i18n runs the build once per language: check once, in the default language's build
    # (and again in every rebuild of `make serve`).
    if getattr(config.plugins.get("i18n"), "current_language", None) not in (None, DEFAULT_LANGUAGE):
        return
    problems = []
    for name, by_lang in pages.pairs():
        for lang, path in by_lang.items():
            if path is None:
                other = next(p for p in by_lang.values() if p is not None)
                problems.append(
                    Problem(
                        f"docs/{lang}/{name}",
                        0,
                        f"halaman ini belum ada, padahal {pages.relative(other)} ada. Setiap "
                        "halaman harus ada dalam bahasa Indonesia dan bahasa Banjar di path "
                        "yang sama. Buat terjemahannya (boleh berstatus draf) atau jalankan "
                        "'make page NAME=...' untuk halaman baru.",
                    )
                )
    report_or_raise(problems, config)

