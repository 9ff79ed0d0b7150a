"""The .br and .gz twins of the built site's files (generator/outputs/compressed_twins.py)."""
from __future__ import annotations

import gzip
import random

import brotli
import pytest

from generator.outputs import compressed_twins

TEXT = ("<p>Première inscription en BUT 1re année, frais et CVEC.</p>\n" * 400).encode()


def decoded(twin) -> bytes:
    data = twin.read_bytes()
    return brotli.decompress(data) if twin.suffix == ".br" else gzip.decompress(data)


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setattr(compressed_twins, "TWINS_CACHE", cache)
    return cache


def test_every_compressible_file_gets_both_twins_and_others_none(tmp_path, private_cache):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    twinned = ["index.html", "assets/main.css", "assets/a.mjs", "search.json", "x.wasm"]
    for name in [*twinned, "notice.pdf"]:
        (site / name).write_bytes(TEXT)
    (site / "tiny.js").write_bytes(b"x")  # no twin is smaller than one byte
    compressed_twins.add_twins(site)
    expected = {f"{name}{suffix}" for name in twinned for suffix in (".br", ".gz")}
    written = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.suffix in (".br", ".gz")}
    assert written == expected
    for name in expected:
        assert decoded(site / name) == TEXT, name


def test_a_large_file_is_encoded_once_then_taken_from_the_cache(tmp_path, private_cache, monkeypatch):
    data = random.Random(1).randbytes(compressed_twins.CACHED_FROM) + TEXT
    for attempt in ("first", "second"):
        site = tmp_path / attempt
        site.mkdir()
        (site / "big.js").write_bytes(data)
        if attempt == "second":
            monkeypatch.setattr(compressed_twins, "TWINS", {
                suffix: lambda _: pytest.fail("encoded again") for suffix in compressed_twins.TWINS})
        compressed_twins.add_twins(site)
        assert decoded(site / "big.js.br") == data and decoded(site / "big.js.gz") == data
    assert len(list(private_cache.glob("*"))) == 2


def test_the_built_sites_text_assets_have_twins_of_their_final_bytes(built_site):
    compressible = [path for path in built_site.rglob("*") if path.suffix in compressed_twins.COMPRESSIBLE and path.is_file()]
    kinds = {path.suffix for path in compressible}
    assert {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".bin"} <= kinds
    assert any(path.name == "search_index.json" for path in compressible)
    for path in compressible:
        twins = [path.with_name(path.name + suffix) for suffix in (".br", ".gz")]
        for twin in twins:
            if twin.is_file():
                assert decoded(twin) == path.read_bytes(), twin
        if path.stat().st_size > 1000:
            assert all(twin.is_file() for twin in twins), path
    # Pages are twinned once their security policy is in.
    page = built_site / "amu-iut" / "but1" / "index.html.br"
    assert b'http-equiv="Content-Security-Policy"' in brotli.decompress(page.read_bytes())
