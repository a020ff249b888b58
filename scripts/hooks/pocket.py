"""The site in the reader's pocket (issue 12; logic in scripts/pmi_aman/pocket.py).

- Every language gets its own manifest.webmanifest and offline page luring.html (static
  templates in overrides/): the Indonesian ones at site/, the others at site/<lang>/.
- Pages know whether they register the service worker and show the "Simpan" control
  (overrides/partials/pmi-actions.html).
- After the whole build (and after search_per_language.py has split the search index), each
  language's service worker is written with the list of its files, their sizes and hash.
The offline edition (mkdocs-offline.yml) and `mkdocs serve` get none of this.
"""

from mkdocs.plugins import event_priority

from pmi_aman import DEFAULT_LANGUAGE, pocket


def on_env(env, config, files):
    env.globals["pocket_contacts"] = pocket.contacts
    return env


def on_post_template(output, template_name, config):
    if template_name not in pocket.TEMPLATES:
        return output
    if not pocket.enabled(config):
        return ""  # MkDocs skips writing an empty template
    lang = config.plugins["i18n"].current_language
    if lang == DEFAULT_LANGUAGE:
        return output
    target = pocket.output_path(config.site_dir, template_name, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


def on_page_context(context, page, config, nav):
    name = getattr(page.file, "norm_src_uri", page.file.src_uri)
    context["pocket"] = {
        "enabled": pocket.enabled(config),
        "save": name in pocket.SAVE_PAGES,
        "size_mark": pocket.SIZE_MARK,
    }
    return context


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building or not pocket.enabled(config):
        return
    pocket.write_service_workers(config.site_dir, list(i18n.build_languages))
