"""Whatever is typed, every command ends with a status the command line documents
(generator/cli.py: 0, 1 for mistakes in the data, 2 for anything else the user
can fix) and stderr holds French lines that name what to fix, never a traceback.

One property per command, Hypothesis drawing its arguments and, apart, a
mutation of a tiny data root (tests/fixtures/years), run in-process through
`generator.cli.main`: what escapes `main` is what would reach a user as a
traceback. EXAMPLES per command, each cheap: most mutations stop at validation; `build` goes on to its
costly part BUILDS times at most; `serve` runs up to listening, then its
first build stops it.
"""
from __future__ import annotations

import contextlib
import io
import shutil
import socket
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.support.data_root import copy_procedures
from tests.support.paths import YEARS_FIXTURE
from tests.support.user_messages import assert_french_lines
from tests.support.yaml_mutations import yaml_mutations

EXAMPLES = 500  # about 80 s for the seven on a loaded 2-core machine
DOCUMENTED = {0, 1, 2}  # generator/cli.py; 130 is Ctrl-C, which no example types
BUILDS = 2  # examples of `build` that may go on to build in full

INSTITUTION = "ecole-annees"
PROCEDURE = f"{INSTITUTION}/inscription"
FILES = sorted(path.relative_to(YEARS_FIXTURE) for path in (YEARS_FIXTURE / "procedures").rglob("*.yaml"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a hostile user types: random text (no NUL: a command line cannot hold one)
# and the edges each option has.
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=16)
YEARS = st.one_of(
    st.sampled_from(["2024-2025", "2025-2026", "2026-2027", "0000-0001", "9999-10000", "2024-2026", "2024", "-1", "", "2099-2100"]),
    TEXT,
)
INSTANTS = st.one_of(
    st.sampled_from([
        "2024-07-01T10:00", "0001-01-01T00:00", "9999-12-31T23:59+00:00", "9999-12-31T23:00Z", "2024-03-31T02:30",
        "2024-10-27T02:30", "2099-12-31T23:59", "2100-01-01T00:00", "1999-12-31T23:59", "2024-02-30T10:00",
        "2024-07-01", "2024-07-01T25:00", "2024-07-01T10:00+99:00", "demain", "",
    ]),
    TEXT,
)
SETTINGS = st.one_of(
    st.builds(
        "{}={}".format,
        st.sampled_from(["boursier", "regime", "echeances", "date_acceptation", "hors_ue", "inconnu", ""]),
        st.one_of(st.sampled_from(["true", "false", "3", "initiale", "2024-07-20", "20/07/2024", "0001-01-01", "22024-03-10", ""]), TEXT),
    ),
    TEXT,
)
PORTS = st.one_of(st.integers(-5, 70000).map(str), st.sampled_from(["", "0x50", "٨٠٠٠", "8000 ", "99999999999999999999"]), TEXT)
HOSTS = st.one_of(st.sampled_from(["127.0.0.1", "[::1]", "::1", "localhost", "", "serveur local", "256.1.1.1", "-x", "a" * 300]), TEXT)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_procedures(YEARS_FIXTURE, tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Path:
    """The current folder of the commands: what they write with relative paths lands here."""
    folder = tmp_path / "ici"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def out_folders():
    """An --out as typed: a new folder, one that exists, a file, a place nothing can be written, text."""
    return st.one_of(
        st.sampled_from(["neuf", "neuf/sous-dossier", "existant", "fichier", "fichier/dessous", "/proc/x", "/proc/x/y", "", "."]).map(str),
        TEXT,
    )


@contextlib.contextmanager
def mutated(root: Path, mutation):
    """The data root with one file replaced by its mutation (None: as it is), then put back;
    whatever a command wrote in it is removed."""
    before = {path for path in root.rglob("*")}
    target, original = None, None
    if mutation is not None:
        relative, text = mutation
        target = root / relative
        original = target.read_bytes()
        target.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        if target is not None:
            target.write_bytes(original)
        for path in sorted({path for path in root.rglob("*")} - before, key=lambda p: len(p.parts)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                path.unlink()


def emptied(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def prepare(scratch: Path) -> None:
    """The scratch folder as each example finds it: an existing folder and a file."""
    emptied(scratch)
    (scratch / "existant").mkdir()
    (scratch / "fichier").write_text("", encoding="utf-8")


def run_main(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    escaped = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except BaseException as error:  # noqa: BLE001 -- what escapes main is a user's traceback
            escaped = error
    if escaped is not None:
        pytest.fail(f"{argv!r}: {type(escaped).__name__} escaped main: {escaped}\n--- stderr:\n{err.getvalue()}")
    return code, out.getvalue(), err.getvalue()


def assert_said_well(argv: list[str], code: int, stderr: str) -> None:
    assert code in DOCUMENTED, (argv, code, stderr)
    assert_french_lines(stderr)
    if code:
        assert stderr.strip(), (argv, code, "an error status with nothing said")


def mutations():
    return st.one_of(st.none(), yaml_mutations(YEARS_FIXTURE, FILES))


def roots(pristine: Path):
    """--root as typed: the data, none (the current folder, without data), or text."""
    return st.one_of(st.just(["--root", str(pristine)]), st.just([]), TEXT.map(lambda text: ["--root", text]))


def extras():
    """Now and then a word too many, or an option the command does not have."""
    return st.lists(st.one_of(st.sampled_from(["--strict", "--json", "--aide", "-h", "--", "-"]), TEXT), max_size=2)


def elapsed(started: float, name: str) -> None:
    print(f"\nproperty {name}: {EXAMPLES} examples in {time.monotonic() - started:.1f} s")


@pytest.fixture
def timed(request, capsys):
    started = time.monotonic()
    yield
    with capsys.disabled():
        elapsed(started, request.node.name)


# ---------------------------------------------------------------- one property per command


def test_validate_property(pristine, scratch, timed):
    @PROPERTY
    @given(root=roots(pristine), strict=st.booleans(), more=extras(), mutation=mutations())
    def validate(root, strict, more, mutation):
        argv = [*root, "validate", *(["--strict"] if strict else []), *more]
        with mutated(pristine, mutation):
            code, _, stderr = run_main(argv)
        assert_said_well(argv, code, stderr)

    validate()


def test_check_property(pristine, scratch, timed):
    @PROPERTY
    @given(
        root=roots(pristine),
        procedure=st.one_of(st.just(PROCEDURE), st.sampled_from([INSTITUTION, f"{PROCEDURE}/x", "../etc/passwd", ""]), TEXT),
        settings_=st.lists(SETTINGS, max_size=3),
        at=st.one_of(st.none(), INSTANTS),
        year=st.one_of(st.none(), YEARS),
        lang=st.one_of(st.none(), st.sampled_from(["fr", "en", "de", ""]), TEXT),
        json=st.booleans(),
        more=extras(),
        mutation=mutations(),
    )
    def check(root, procedure, settings_, at, year, lang, json, more, mutation):
        argv = [*root, "check", procedure]
        for setting in settings_:
            argv += ["--set", setting]
        argv += ["--at", at] if at is not None else []
        argv += ["--year", year] if year is not None else []
        argv += ["--lang", lang] if lang is not None else []
        argv += ["--json"] if json else []
        argv += more
        with mutated(pristine, mutation):
            code, _, stderr = run_main(argv)
        assert_said_well(argv, code, stderr)

    check()


def test_schema_property(scratch, timed):
    @PROPERTY
    @given(out=st.one_of(st.none(), out_folders()), more=extras())
    def schema(out, more):
        prepare(scratch)
        argv = ["schema", *(["--out", out] if out is not None else []), *more]
        code, _, stderr = run_main(argv)
        assert_said_well(argv, code, stderr)

    schema()


def test_new_year_property(pristine, scratch, timed):
    @PROPERTY
    @given(
        root=roots(pristine),
        institution=st.one_of(st.just(INSTITUTION), st.sampled_from(["ecole-inconnue", "../..", "", "/"]), TEXT),
        year=YEARS,
        more=extras(),
        mutation=mutations(),
    )
    def new_year(root, institution, year, more, mutation):
        argv = [*root, "new-year", institution, year, *more]
        with mutated(pristine, mutation):
            code, _, stderr = run_main(argv)
        assert_said_well(argv, code, stderr)

    new_year()


def test_diff_property(pristine, scratch, timed):
    @PROPERTY
    @given(
        root=roots(pristine),
        institution=st.one_of(st.just(INSTITUTION), st.sampled_from(["ecole-inconnue", "..", ""]), TEXT),
        first=YEARS,
        second=YEARS,
        more=extras(),
        mutation=mutations(),
    )
    def diff(root, institution, first, second, more, mutation):
        argv = [*root, "diff", institution, first, second, *more]
        with mutated(pristine, mutation):
            code, _, stderr = run_main(argv)
        assert_said_well(argv, code, stderr)

    diff()


def test_build_property(pristine, scratch, timed, monkeypatch):
    """Arguments and mutations drawn apart. A build reaches its costly part (the
    site's pages, Pyodide, MkDocs) only past the checks of --out and of the
    data: BUILDS examples at most go on; the others are stopped there, as by a
    Ctrl-C (130), what they said until then judged as any."""
    import generator.site.build as site_build

    write_project = site_build.write_project
    built: list[int] = []

    def bounded_write_project(*args, **kwargs):
        if len(built) >= BUILDS:
            raise KeyboardInterrupt  # the example would build in full: stopped
        built.append(1)
        return write_project(*args, **kwargs)

    monkeypatch.setattr(site_build, "write_project", bounded_write_project)

    @PROPERTY
    @given(
        root=roots(pristine),
        out=out_folders(),
        strict=st.booleans(),
        site_url=st.one_of(st.none(), st.sampled_from(["https://inscriptions.example.fr/", "ftp://x", "", "javascript:alert(1)"]), TEXT),
        more=extras(),
        mutation=mutations(),
    )
    def build(root, out, strict, site_url, more, mutation):
        prepare(scratch)
        argv = [*root, "build", "--out", out, *(["--strict"] if strict else [])]
        argv += ["--site-url", site_url] if site_url is not None else []
        argv += more
        with mutated(pristine, mutation):
            code, _, stderr = run_main(argv)
        if code == 130:
            code = 0  # stopped by the test where it would have built in full
        assert_said_well(argv, code, stderr)

    build()
    print(f"\nproperty build: {len(built)} full builds")


def test_serve_property(pristine, scratch, timed, monkeypatch):
    """Up to listening: once it listens, serve's first build stops it (as a Ctrl-C
    would, exit 0), so that no example builds; one port drawn is taken."""
    import generator.site.serve as site_serve

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(site_serve, "build_site", stop)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = str(taken.getsockname()[1])

        @PROPERTY
        @given(root=roots(pristine), host=HOSTS, port=st.one_of(st.just(busy), PORTS), more=extras(), mutation=mutations())
        def serve(root, host, port, more, mutation):
            argv = [*root, "serve", "--addr", f"{host}:{port}", *more]
            with mutated(pristine, mutation):
                code, _, stderr = run_main(argv)
            assert_said_well(argv, code, stderr)

        serve()
