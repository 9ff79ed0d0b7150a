"""The published JSON Schemas agree with the validator: editors see the same rules."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from tests.support.cli import run_modop
from tests.support.paths import REPO


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: dates stay text)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _kind(path) -> str:
    if path.name == "national.yaml":
        return "national"
    return "institution" if path.name == "institution.yaml" else "procedure"


@pytest.fixture(scope="module")
def schemas(tmp_path_factory):
    out = tmp_path_factory.mktemp("schema")
    result = run_modop("schema", "--out", str(out))
    assert result.returncode == 0, result.stderr
    loaded = {kind: json.loads((out / f"{kind}.schema.json").read_text()) for kind in ("national", "institution", "procedure")}
    for schema in loaded.values():
        jsonschema.Draft7Validator.check_schema(schema)
    return loaded


BUNDLED = sorted((REPO / "procedures").rglob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=[str(p.relative_to(REPO / "procedures")) for p in BUNDLED])
def test_every_bundled_file_matches_its_schema(schemas, path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    jsonschema.validate(data, schemas[_kind(path)])


@pytest.mark.parametrize(
    "mistake",
    [
        {"titel": "faute de frappe"},
        {"kind": "paiement"},
        {"windows": [{"label": "x", "periods": [{"start": "9 juillet", "end": "unknown"}]}]},
        {"steps": [{"id": "a", "title": "t", "body": "b", "when": {"boursiere": True}}]},
    ],
    ids=["unknown key", "unknown kind", "date in words", "unknown profile key"],
)
def test_schema_rejects_what_validate_rejects(schemas, mistake):
    path = next(p for p in BUNDLED if _kind(p) == "procedure")
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    data.update(mistake)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schemas["procedure"])
