"""Build at scale: how build time and memory grow with the number of institutions, with each engine.

    .venv/bin/python benchmarks/bench_build.py              # 10, 100 and 500 institutions
    .venv/bin/python benchmarks/bench_build.py --sizes 10 50
    .venv/bin/python benchmarks/bench_build.py --sizes 500 --once   # the long one, built once

Each size is a synthetic catalog: the bundled institutions copied under new
names until there are that many (each with its several procedures), built in
a fresh process so that its peak memory is its own. The table gives the
seconds of each stage: reading and checking the YAML (catalog), rendering the
Markdown pages (pages), the checker's assets (checker), the PDF notices,
calendars and open data (PDF+ics), then the engines side by side on the
same generated project: MkDocs (in this process, as `modop build` runs it)
and Zensical (in its own process, as `modop build --engine zensical` runs
it), each in wall-clock seconds and in CPU seconds (every thread, the fairer
figure on a shared machine); then the total with MkDocs, the generator's share
of it, and the peak resident memory of this process (Zensical's own process
not included). Each size is built first with an empty notice cache (every
PDF laid out), then again (the notices found in the cache, as in a rebuild or
the live preview); `--once` builds only the first time, for a long run (the
engines' figures do not depend on the cache). The 500-institution size is
the long one. A benchmark, not a test: it prints figures and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_catalog(root: Path, institutions: int) -> int:
    """Copy the bundled institutions under new names until there are `institutions` of them."""
    source = REPO / "procedures"
    target = root / "procedures"
    target.mkdir(parents=True)
    shutil.copy(source / "national.yaml", target / "national.yaml")
    seeds = sorted(p for p in source.iterdir() if p.is_dir())
    for index in range(institutions):
        seed = seeds[index % len(seeds)]
        shutil.copytree(seed, target / f"{seed.name}-{index:03d}")
    return sum(1 for _ in target.rglob("*.yaml")) - institutions - 1


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(size: int, cache: Path, build: str) -> None:
    sys.path.insert(0, str(REPO))
    os.environ["MODOP_CACHE"] = str(cache)
    from generator.model.catalog import load_catalog
    from generator.site.build import run_mkdocs
    from generator.site.project import write_project
    from generator.site.zensical_build import run_zensical
    from generator.source.site_settings import settings_file

    with tempfile.TemporaryDirectory(prefix="modop-bench-") as work:
        work = Path(work)
        procedures = make_catalog(work, size)
        marks = [("catalog", time.perf_counter())]
        catalog = load_catalog(work)
        config = write_project(
            catalog, work / "project", settings_file(REPO),
            progress=lambda stage: marks.append((stage, time.perf_counter())),
        )
        marks.append(("mkdocs", time.perf_counter()))
        before = cpu_seconds(resource.RUSAGE_SELF)
        run_mkdocs(config, work / "site")
        marks.append(("end", time.perf_counter()))
        timings = {stage: later - start for (stage, start), (_, later) in zip(marks, marks[1:])}
        timings["mkdocs_cpu"] = cpu_seconds(resource.RUSAGE_SELF) - before
        pages = sum(1 for _ in (work / "site").rglob("index.html"))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        before, start = cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
        (work / "zensical").mkdir()
        run_zensical(config, work / "zensical")
        timings["zensical"] = time.perf_counter() - start
        timings["zensical_cpu"] = cpu_seconds(resource.RUSAGE_CHILDREN) - before
        assert sum(1 for _ in (work / "zensical").rglob("index.html")) == pages
    print(json.dumps({"size": size, "build": build, "procedures": procedures, "html_pages": pages, "peak_mb": peak, **timings}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--once", action="store_true", help="only the first build of each size (empty notice cache)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.cache, args.build)
        return
    print(f"{'institutions':>12} {'procedures':>10} {'pages':>6} {'build':>6} {'catalog s':>9} {'pages s':>8} {'checker s':>9} "
          f"{'PDF+ics s':>9} {'mkdocs s':>8} {'cpu s':>6} {'zensical s':>10} {'cpu s':>6} {'total s':>8} {'s/proc':>7} "
          f"{'generator':>9} {'peak MB':>8}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="modop-bench-cache-") as cache:
            # First with no laid-out notice, then again as a rebuild finds them.
            for build in ("first",) if args.once else ("first", "again"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(size), "--cache", cache, "--build", build],
                    capture_output=True, text=True, check=True,
                )
                row = json.loads(out.stdout.strip().splitlines()[-1])
                total = sum(row[stage] for stage in ("catalog", "pages", "checker", "takeaways", "mkdocs"))
                generator = total - row["mkdocs"]
                print(f"{row['size']:>12} {row['procedures']:>10} {row['html_pages']:>6} {build:>6} {row['catalog']:>9.2f} "
                      f"{row['pages']:>8.2f} {row['checker']:>9.2f} {row['takeaways']:>9.2f} {row['mkdocs']:>8.2f} "
                      f"{row['mkdocs_cpu']:>6.2f} {row['zensical']:>10.2f} {row['zensical_cpu']:>6.2f} "
                      f"{total:>8.2f} {total / row['procedures']:>7.3f} {generator / total:>9.0%} {row['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
