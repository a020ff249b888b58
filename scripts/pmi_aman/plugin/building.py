"""What every part of the plugin asks about the build it runs in."""

import os

from mkdocs.structure.files import File

from .. import DEFAULT_LANGUAGE


def language(config):
    """The language being built (mkdocs-static-i18n builds once per language)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def page_name(page):
    """The page's path inside its language folder: biaya.md, kegiatan/x.md."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def prefix(lang):
    """The language's folder in the site: '' for Indonesian, 'bjn/' for Banjar."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def declare(files, config, lang, name, dest):
    """Declare a file that is written after the build (a handout PDF, an offline ZIP) as the file
    `name` of the language's docs folder, at `dest` in the site, so that MkDocs checks the links
    to it like any other."""
    # A source path, because mkdocs-static-i18n sorts files by it; nothing is read from it.
    file = File.generated(config, f"{lang}/{name}", abs_src_path=os.devnull)
    file.dest_uri = dest
    file.pmi_declared = True
    files.append(file)


def drop_declared(files):
    """Once every page's links are checked (on_env): MkDocs must not copy the declared files,
    they are written after the build. The site checks then find any that is missing."""
    for file in [f for f in files if getattr(f, "pmi_declared", False)]:
        files.remove(file)
