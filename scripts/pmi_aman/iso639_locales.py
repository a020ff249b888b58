"""MkDocs plugin that lets mkdocs-static-i18n accept ISO 639-2/3 language codes such as ``bjn``.

mkdocs-static-i18n 1.3.1 validates every ``languages[].locale`` against a pattern that only
knows two-letter ISO 639-1 codes (upstream PR #348 is still open). MkDocs validates plugins in
the order they are listed, so this plugin, listed *before* ``i18n`` in ``mkdocs.yml``, widens
that one validation before i18n's configuration is read.

Only the configuration check is widened. The pattern static-i18n uses to guess whether a
top-level docs folder is a language folder is left alone: with three letters, asset folders
such as ``img/`` would be taken for languages.

It also gives each language its menu section titles and admonition titles (static-i18n's
``nav_translations`` and ``admonition_translations``) from the ``nav:`` and ``admonition:``
sections of data/strings/<lang>.yml, where the rest of the interface strings are. Its on_config
runs before i18n's (which runs last, priority -100) in every build, and static-i18n reads both
options only later (on_nav, on_page_markdown): they are not validated again.
"""

import re

from mkdocs.config.base import ValidationError
from mkdocs.plugins import BasePlugin

from . import strings

# ISO 639-1 (two letters) or ISO 639-2/3 (three letters), optionally with script and region.
LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?([-_][A-Z]{2})?$")


def validate_locale(option, value):
    if not isinstance(value, str) or not (LOCALE.match(value) or value.lower() == "null"):
        raise ValidationError(
            f"Kode bahasa '{value}' tidak sah: pakai kode ISO 639 dua atau tiga huruf kecil, "
            "misalnya 'id' atau 'bjn'."
        )
    return value


class Iso639LocalesPlugin(BasePlugin):
    def load_config(self, options, config_file_path=None):
        from mkdocs_static_i18n import config as i18n_config

        i18n_config.Locale.run_validation = validate_locale
        return super().load_config(options, config_file_path)

    def on_config(self, config):
        i18n = config.plugins.get("i18n")
        for language in i18n.config.languages if i18n else []:
            if not strings.path(language.locale).is_file():
                continue  # reported by the strings check (pmi_aman.plugin.render.check_data)
            data = strings.load(language.locale)
            for section, option in (("nav", "nav_translations"), ("admonition", "admonition_translations")):
                if isinstance(data.get(section), dict):
                    language[option] = dict(data[section])
        return config
