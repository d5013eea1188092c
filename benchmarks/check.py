"""How long `check` takes on the large demo database, and what each of its parts costs.

    python benchmarks/check.py --db PATH [--runs N] [--audited N] [--baseline-src DIR --baseline-db PATH]

- Whole `main.py check` processes, the median of N runs (the file is read from the page cache after a
  first, unmeasured run). With --baseline-src (a tree of an earlier version of the program, for example
  ``git archive <commit> | tar -x -C DIR``) that program's `check` runs alternately with this one, on
  --baseline-db (the same demo, built by that program: it cannot read a newer schema).
- The parts of this program's check, measured in one process: SQLite's integrity check, the walk of the
  audit chain, the heads kept outside the file, the records against their last audited state.
- --audited N: before measuring, N audited writes through the services (a note changed on people, one
  transaction each) on a copy of the database, so the chain and the records tied to it weigh as after
  years of use; the demo's own rows are written in bulk and tied to no entry.

Builds the `large` demo at PATH when it does not exist. Not run by pytest.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_SCRATCH = Path(tempfile.mkdtemp(prefix="sochibo-check-"))
ENV = dict(os.environ, SOCHIBO_HOME=str(_SCRATCH / "home"), QT_QPA_PLATFORM="offscreen")


def check_seconds(src: Path, db: Path, env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(src / "main.py"), "check", "--db", str(db)], cwd=src, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"check of {db} failed: {done.stderr.strip()[-300:]}")
    return seconds


def add_audited_writes(db: Path, count: int) -> None:
    os.environ["SOCHIBO_HOME"] = ENV["SOCHIBO_HOME"]
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.people import people
    from desktop_app.store.models import Person

    dbfile.open_file(db, lock=False)
    ids = [pid for (pid,) in Person.select(Person.id).order_by(Person.id).limit(count).tuples()]
    for n in range(count):
        people.update_person(ids[n % len(ids)], {"note": f"Ghi chú {n}"})
    dbfile.close()


def parts(db: Path) -> dict[str, float]:
    """Seconds of each part of this program's check, in this process."""
    os.environ["SOCHIBO_HOME"] = ENV["SOCHIBO_HOME"]
    from desktop_app.services.common import audit_walk
    from desktop_app.services.datafile import dbfile, trail, trail_rows
    from desktop_app.store import backup

    timings = {}
    start = time.perf_counter()
    problems = backup.check_file(db)
    timings["SQLite integrity and foreign keys"] = time.perf_counter() - start
    assert not problems, problems
    dbfile.open_for_reading(db)
    start = time.perf_counter()
    walk = audit_walk.walk_open_database()
    timings[f"audit chain walked ({walk.count:,} entries)"] = time.perf_counter() - start
    start = time.perf_counter()
    trail.check_trail(rows=False)
    timings["chain with the heads kept outside the file"] = time.perf_counter() - start
    start = time.perf_counter()
    tied = len(trail_rows.latest_states())
    trail_rows.check_rows()
    timings[f"records against the trail ({tied:,} tied)"] = time.perf_counter() - start
    dbfile.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--audited", type=int, default=0)
    parser.add_argument("--baseline-src")
    parser.add_argument("--baseline-db")
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db), "--scale", "large"],
                       cwd=ROOT, env=ENV, check=True)
    if args.audited:
        copy = _SCRATCH / db.name
        shutil.copyfile(db, copy)
        add_audited_writes(copy, args.audited)
        db = copy
    baseline = (Path(args.baseline_src), Path(args.baseline_db)) if args.baseline_src else None
    base_env = dict(ENV, SOCHIBO_HOME=str(_SCRATCH / "baseline-home"))
    check_seconds(ROOT, db, ENV)  # the file into the page cache, the heads into the data folder
    if baseline:
        check_seconds(*baseline, base_env)
    ours, theirs = [], []
    for _run in range(args.runs):
        ours.append(check_seconds(ROOT, db, ENV))
        if baseline:
            theirs.append(check_seconds(*baseline, base_env))
    print(f"| `check` on {db.name} ({db.stat().st_size / 1e6:,.0f} MB) | seconds (median of {args.runs}) |")
    print("|---|---|")
    print(f"| this program | {statistics.median(ours):.2f} |")
    if baseline:
        print(f"| the earlier program ({baseline[0].name}) | {statistics.median(theirs):.2f} |")
    print()
    print("| Part of this program's check | seconds |")
    print("|---|---|")
    for name, seconds in parts(db).items():
        print(f"| {name} | {seconds:.3f} |")
    shutil.rmtree(_SCRATCH, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
