"""Write a 404 page for each language.

MkDocs renders 404.html once per language build into the same site/404.html, so the last
language would win. Here the Indonesian one stays at site/404.html and every other language's
goes to site/<lang>/404.html. The Indonesian 404 sends readers of a /bjn/ address to the Banjar
one (overrides/404.html).
"""

from pathlib import Path

from pmi_aman import DEFAULT_LANGUAGE


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    lang = config.plugins["i18n"].current_language
    if lang == DEFAULT_LANGUAGE:
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips writing an empty template: site/404.html stays Indonesian
