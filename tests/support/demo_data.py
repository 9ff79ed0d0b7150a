"""The bundled data plus the small `demo` institution of tests/fixtures/validation/,
which the validation tests break one thing at a time."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.data_root import copy_procedures
from tests.support.paths import REPO, VALIDATION_FIXTURE

PROCEDURE = "procedures/demo/2024-2025/inscription.yaml"
INSTITUTION = "procedures/demo/institution.yaml"


def make_data_root(folder: Path) -> Path:
    """A copy of the bundled procedures plus the demo institution, in folder."""
    copy_procedures(REPO, folder)
    shutil.copytree(VALIDATION_FIXTURE / "demo", folder / "procedures" / "demo")
    return folder
