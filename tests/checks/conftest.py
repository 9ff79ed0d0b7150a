"""Make `import checks` mean the engine, not this folder.

Pytest puts `tests/` on sys.path (it has no __init__.py), where `checks` is
this test folder, a namespace package that would shadow the engine installed
in editable mode. Putting the repository first makes the real package win.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
_shadow = sys.modules.get("checks")
if _shadow is not None and getattr(_shadow, "__file__", None) is None:
    del sys.modules["checks"]
