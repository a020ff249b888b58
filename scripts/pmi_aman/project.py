"""The project's configuration as MkDocs reads it (its own YAML loader, with !ENV and INHERIT):
site_url and the `pmi-aman` plugin's options, validated by the plugin's own schema. For the
scripts and checks that run outside a build; a build has its own config."""

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

PLUGIN = "pmi-aman"


def settings(root="."):
    """mkdocs.yml of the project at root, as a dict (empty without one: the defaults)."""
    path = Path(root) / "mkdocs.yml"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return yaml_load(f) or {}


def site_url(root="."):
    return settings(root).get("site_url") or ""


def options(root="."):
    """The pmi-aman plugin's options (handouts, whole guide, ...), with their defaults."""
    from .plugin import PmiAmanConfig

    given = {}
    for entry in settings(root).get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN in entry:
            given = entry[PLUGIN] or {}
    config = PmiAmanConfig()
    config.load_dict(given)
    errors, _ = config.validate()
    if errors:
        raise ValueError(f"mkdocs.yml, plugin {PLUGIN}: " + "; ".join(f"{k}: {e}" for k, e in errors))
    return config
