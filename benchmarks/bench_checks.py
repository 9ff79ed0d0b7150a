"""Mean time of one `checks.evaluate` over every real procedure and many profiles.

    .venv/bin/python benchmarks/bench_checks.py [--profiles 400] [--repeat 5]

Prints the mean (best of the repeats) per answer; the target is under 1 ms.
The procedures are the compiled dicts of procedures/, as the page embeds them.
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checks import evaluate  # noqa: E402
from checks.profile import FLAGS, INSTALMENT_COUNTS, REGIMES  # noqa: E402
from generator.model.catalog import load_catalog  # noqa: E402

TARGET_MS = 1.0


def random_profile(rng: random.Random) -> dict:
    profile = {"regime": rng.choice(REGIMES), "echeances": rng.choice(INSTALMENT_COUNTS)}
    for flag in FLAGS:
        profile[flag] = rng.random() < 0.3
    if rng.random() < 0.8:
        profile["date_acceptation"] = date(2024, 6, 1) + timedelta(days=rng.randrange(120))
    return profile


def random_instant(rng: random.Random) -> datetime:
    start = datetime(2022, 6, 1, tzinfo=timezone(timedelta(hours=2)))
    return start + timedelta(minutes=rng.randrange(4 * 365 * 24 * 60))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=400, help="profiles per procedure (default 400)")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds, the best is kept (default 5)")
    options = parser.parse_args()

    procedures = [record.compiled for record in load_catalog(REPO).procedures]
    rng = random.Random(2024)
    inputs = [
        (procedure, random_profile(rng), random_instant(rng))
        for procedure, _ in itertools.product(procedures, range(options.profiles))
    ]
    for procedure, profile, at in inputs[:200]:  # warm-up
        evaluate(procedure, profile, at)

    rounds = []
    for _ in range(options.repeat):
        began = time.perf_counter()
        for procedure, profile, at in inputs:
            evaluate(procedure, profile, at)
        rounds.append((time.perf_counter() - began) / len(inputs))
    best_ms, worst_ms = min(rounds) * 1000, max(rounds) * 1000

    print(f"{len(procedures)} procédures × {options.profiles} profils = {len(inputs)} réponses par tour, {options.repeat} tours")
    print(f"evaluate : {best_ms:.3f} ms en moyenne (meilleur tour ; pire tour {worst_ms:.3f} ms), objectif < {TARGET_MS} ms")
    return 0 if best_ms < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
