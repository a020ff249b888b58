"""The interface strings of data/strings/<lang>.yml (pmi_aman.strings) for the templates: the
Jinja global `strings` of the language being built, {{ strings.t("print.source") }}. Read afresh
in every build, so also in every rebuild of `make serve`. Before anything is built, both files
must have the same keys."""

from pmi_aman import DEFAULT_LANGUAGE, strings
from pmi_aman.problems import report_or_raise


def _language(config):
    return getattr(config.plugins.get("i18n"), "current_language", None) or config.theme.language


def on_pre_build(config):
    # static-i18n runs the build once per language: check once, in the default language's build.
    if _language(config) == DEFAULT_LANGUAGE:
        report_or_raise(strings.check(), config)


def on_env(env, config, files):
    env.globals["strings"] = strings.Interface(_language(config))
    return env
