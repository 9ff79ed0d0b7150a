"""The fixed folders of a modop checkout, defined once for every layer."""
from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_DIR / "site_templates"  # page templates, the checker widget, theme overrides
STATIC_DIR = TEMPLATES_DIR / "docs"  # copied as they are into the docs tree
WIDGET_DIR = TEMPLATES_DIR / "checker"  # the checker widget the browser loads
FINDER_DIR = TEMPLATES_DIR / "finder"  # « Quelle procédure pour moi ? », the script of the home and institution pages
PDF_TEMPLATES_DIR = TEMPLATES_DIR / "pdf"  # the printable notice's template and stylesheet
CHECKS_DIR = PROJECT_DIR / "checks"  # the rules engine, packed for the browser
CACHE_DIR = PROJECT_DIR / "node_modules" / ".cache" / "modop"  # gzip twins and memory snapshots between builds
SETTINGS_FILE = PROJECT_DIR / "mkdocs.yml"  # modop's own site settings, when a root has none
