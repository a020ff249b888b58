"""The finished site: lighter templates and assets, the review kit, the service workers that
keep each language edition in the reader's pocket, and the offline edition's ZIPs.

- Templates leave no indented empty lines behind (Jinja's trim_blocks and lstrip_blocks): about
  0.4 KB less per page view, compressed; page content ({{ page.content }}, so also <pre>) is not
  a template and keeps its spaces.
- The site's own stylesheets and scripts are minified in site_dir (pmi_aman/minify.py).
- The review kit for a native Banjar speaker goes into site/tinjau/ (pmi_aman/review_kit.py),
  on the public site only: the offline edition is for readers, not reviewers.
- Every language gets its own manifest.webmanifest and offline page luring.html (static
  templates in overrides/), and after the build its service worker with the list of its files,
  their sizes and hash (pmi_aman/pocket.py). Not the offline edition, not `mkdocs serve`.
- The ZIPs of the offline edition (use_directory_urls: false, mkdocs-offline.yml) are linked
  from the public site at <zip_folder>/; the offline build writes them there
  (<online_site_dir>/<zip_folder>/, pmi_aman/offline.py).
"""

from pathlib import Path

from .. import DEFAULT_LANGUAGE, LANGUAGES, minify as minifier, offline, pocket, strings
from .. import review_kit as kit
from .building import declare, language, page_name


def trim_template_whitespace(env):
    env.trim_blocks = True
    env.lstrip_blocks = True


def add_template_globals(env, config):
    """The interface strings of the language being built, {{ strings.t("print.source") }}
    (data/strings/<lang>.yml), and the contacts the offline page shows."""
    env.globals["strings"] = strings.Interface(language(config))
    env.globals["pocket_contacts"] = pocket.contacts


def pocket_context(context, page, config, options):
    context["pocket"] = {
        "enabled": pocket.enabled(config),
        "save": page_name(page) in options.save_pages,
        "size_mark": pocket.SIZE_MARK,
    }


def pocket_template(output, template_name, config):
    if template_name not in pocket.TEMPLATES:
        return output
    if not pocket.enabled(config):
        return ""  # MkDocs skips writing an empty template
    lang = language(config)
    if lang == DEFAULT_LANGUAGE:
        return output
    target = pocket.output_path(config.site_dir, template_name, lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""


def minify(config):
    minifier.minify_site(config.site_dir, [config.docs_dir, config.theme.custom_dir])


def review_kit(config):
    if config.use_directory_urls:
        kit.write(config.site_dir)


def service_workers(config, languages):
    if pocket.enabled(config):
        pocket.write_service_workers(config.site_dir, languages)


def declare_zips(files, config, options):
    """Declare both ZIPs as files of every language, so that MkDocs checks the links to them,
    e.g. from docs/id/selebaran.md: [Unduh versi luring](unduh/pmi-aman-offline-id.zip)."""
    lang = language(config)
    for edition in LANGUAGES:
        name = f"{options.zip_folder}/{offline.zip_name(edition)}"
        declare(files, config, lang, name, name)


def offline_zips(config, languages, options):
    """In the offline build: pack one ZIP per language into the public site's zip folder."""
    if config.use_directory_urls:
        return
    project = Path(config.config_file_path).parent
    target = project / options.online_site_dir / options.zip_folder
    for lang in languages:
        offline.pack(Path(config.site_dir), target, lang, config.site_url)
