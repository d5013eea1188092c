"""Performance measurements against the budgets of design.md §6, each beside its bare baseline.

    python benchmarks/run.py [--db PATH] [--runs N]

Builds the `large` demo database when PATH does not exist (under a minute), then measures whole
processes and in-process operations, and prints a Markdown table of medians and ratios. Not run by
pytest: the test suite guards correctness, this guards speed.

- Start-up: the app (`--exit-when-ready`) and a bare PySide6 window (baselines/bare_qt.py) are started
  alternately N times after one warm-up each, and timed by this process from the start of the child to
  its lines: "shown" (the main window on screen), "ready" (the overview shows its quota and pipeline
  figures: those kept when the warm-up run closed the file, which nothing has changed since), "checked"
  (the same figures worked out from the database), "complete" (the overview's reminders, worked out on a
  worker thread, are in too).
- The frozen build (`--frozen DIR`, else built by tools.build_app into this run's scratch folder): its size,
  and its window and its `report monthly` timed the same way, beside the same baselines.
- Reports: whole `main.py report` processes beside a minimal reportlab document (baselines/bare_reportlab.py);
  the command line's quick check of the whole file runs in the first of them only (store.checked).
- Import and export: 10,000 and 100,000 people, whole processes (benchmarks/exchange.py), wall time and peak
  memory side by side.
- Views: benchmarks/views.py N times (first open of every view, branch switches, the search box); medians.
- All children share one settings folder and one bytecode folder of this run, as an installed app has.
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
PY = sys.executable
# One settings folder for the whole run, not the user's: a user who opened the database before (no
# remembered window layout or last view), the same for every run. Bytecode is compiled once into a folder
# of the run, as an installed app has it (PYTHONDONTWRITEBYTECODE would compile every module on every start).
_SCRATCH = Path(tempfile.mkdtemp(prefix="sochibo-bench-"))
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), SOCHIBO_HOME=str(_SCRATCH / "home"),
           PYTHONPYCACHEPREFIX=str(_SCRATCH / "pycache"))


def run_process(args: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in KiB, stdout) of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=ENV, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {err.read().decode().strip()[-400:]}")
        return wall, usage.ru_maxrss, out.read().decode()


def time_to_line(args: list[str], marker: str) -> tuple[dict[str, float], int]:
    """Milliseconds from starting the process to each stdout line that starts with one of the words in
    *marker* (seen by this process, so interpreter start-up counts the same for everyone), and the peak
    RSS in KiB of the child."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV, cwd=ROOT)
    seen: dict[str, float] = {}
    for raw in proc.stdout:
        now = (time.perf_counter() - start) * 1000
        word = raw.decode().split(" ", 1)[0]
        if word in marker.split():
            seen.setdefault(word, now)
    _pid, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or marker.split()[0] not in seen:
        raise RuntimeError(f"{' '.join(args)} failed ({code}) or printed no {marker.split()[0]!r} line")
    return seen, usage.ru_maxrss


def median_of(runs: int, fn) -> float:
    return statistics.median(fn() for _ in range(runs))


class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, ours: float, baseline: float | None, unit: str, budget: str):
        ratio = f"{ours / baseline:.2f}×" if baseline else "–"
        base = f"{baseline:.1f} {unit}" if baseline is not None else "–"
        self.rows.append((what, f"{ours:.1f} {unit}", base, ratio, budget))
        print(f"  {what}: {ours:.1f} {unit} (baseline {base}, {ratio}; budget {budget})", flush=True)

    def markdown(self) -> str:
        lines = ["| Measurement | Sổ Chi bộ | Baseline | Ratio | Budget |", "|---|---|---|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def ensure_large_db(path: Path) -> None:
    if path.exists():
        return
    print(f"building the large demo database at {path} …", flush=True)
    wall, _rss, out = run_process([PY, "main.py", "demo", "--db", str(path), "--scale", "large"])
    print(f"  {out.strip()} [{wall:.0f} s]", flush=True)


def bench_start(table: Table, db: Path, runs: int, app_cmd: list[str] | None = None, label: str = "") -> None:
    """The app and a bare window, alternately, each timed to its lines; one warm-up run of each first (the
    file cache and the app's own caches are warm, as on any start but the very first; the warm-up's closing
    keeps the overview's figures). The app prints "shown" when its main window is on screen (before the
    database opens behind it), "ready" when the overview shows its quota and pipeline figures, "checked"
    when they are the database's, "complete" when what the overview works out on a worker thread is in too."""
    bare_cmd = [PY, "benchmarks/baselines/bare_qt.py"]
    app_cmd = (app_cmd or [PY, "main.py"]) + ["--db", str(db), "--exit-when-ready"]
    words = "ready shown checked complete"
    time_to_line(bare_cmd, "ready")
    time_to_line(app_cmd, words)
    bare, shown, ready, checked, complete, peaks = [], [], [], [], [], []
    for _i in range(runs):
        bare.append(time_to_line(bare_cmd, "ready")[0]["ready"])
        seen, peak = time_to_line(app_cmd, words)
        shown.append(seen.get("shown", seen["ready"]))
        ready.append(seen["ready"])
        checked.append(seen.get("checked", seen["ready"]))
        complete.append(seen.get("complete", seen["ready"]))
        peaks.append(peak)
    bare_ms = statistics.median(bare)
    table.add(f"{label}Cold start until the main window is on screen", statistics.median(shown), bare_ms, "ms",
              "–")
    table.add(f"{label}Cold start until the overview shows its quota and pipeline figures",
              statistics.median(ready), bare_ms, "ms", "≤ 1.5× bare window")
    table.add(f"{label}… until those figures are worked out from the database", statistics.median(checked),
              bare_ms, "ms", "–")
    table.add(f"{label}Start until every part of the overview is filled", statistics.median(complete), bare_ms,
              "ms", "–")
    table.add(f"{label}Peak memory with the large database open", max(peaks) / 1024, None, "MiB", "≤ 250 MiB")


def bench_frozen(table: Table, db: Path, runs: int, tmp: Path, folder: Path | None) -> None:
    """The frozen build: the size of its folder, its start and its monthly report beside the same baselines."""
    if folder is None:
        folder = _SCRATCH / "dist" / "SoChiBo"
        print("  building the frozen app …", flush=True)
        run_process([PY, "-m", "tools.build_app", "--dist", str(folder.parent), "--work", str(_SCRATCH / "build")])
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    table.add(f"Frozen build: size of the folder ({len(files)} files)", sum(p.stat().st_size for p in files) / 2**20,
              None, "MiB", "–")
    suffix = ".exe" if sys.platform == "win32" else ""
    bench_start(table, db, runs, [str(folder / f"SoChiBo{suffix}")], "Frozen: ")
    bare = median_of(runs, lambda: run_process([PY, "benchmarks/baselines/bare_reportlab.py", str(tmp / "b.pdf")])[0])
    code = first_branch_code(db)
    cli = str(folder / f"SoChiBo-cli{suffix}")
    ours = median_of(runs, lambda: run_process([cli, "report", "monthly", "--db", str(db), "--branch", code,
                                                "-o", str(tmp / "fm.pdf")])[0])
    table.add("Frozen: `report monthly`, one branch (whole process)", ours * 1000, bare * 1000, "ms",
              "≤ 2× minimal reportlab document")


def bench_reports(table: Table, db: Path, runs: int, tmp: Path) -> None:
    bare = median_of(runs, lambda: run_process([PY, "benchmarks/baselines/bare_reportlab.py", str(tmp / "b.pdf")])[0])
    code = first_branch_code(db)
    ours = median_of(runs, lambda: run_process([PY, "main.py", "report", "monthly", "--db", str(db), "--branch",
                                                code, "-o", str(tmp / "m.pdf")])[0])
    table.add("`report monthly`, one branch (whole process)", ours * 1000, bare * 1000, "ms",
              "≤ 2× minimal reportlab document")
    quota = median_of(runs, lambda: run_process([PY, "main.py", "report", "quota", "--db", str(db),
                                                 "-o", str(tmp / "q.pdf")])[0])
    table.add("`report quota`, all branches (whole process)", quota * 1000, bare * 1000, "ms", "≤ 4 s")


def first_branch_code(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT code FROM branch WHERE deleted_at IS NULL ORDER BY code LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def bench_search(table: Table, db: Path) -> None:
    """Search-as-you-type: every prefix of a few names, through the service vs a raw FTS query."""
    import sqlite3

    from desktop_app.core.text import fold
    from desktop_app.services.people import search
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    open_database(db, create=False)
    words = ["Nguyễn Thị Hường", "Trần Văn Đức", "Lò Văn Pấng", "Phạm Minh", "Đặng Thu"]
    keystrokes = [w[:i] for w in words for i in range(1, len(w) + 1) if w[:i].strip()]
    ours = []
    for text in keystrokes:
        start = time.perf_counter()
        search.search_people(text, limit=50)
        ours.append((time.perf_counter() - start) * 1000)
    store_db.close()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    raw = []
    for text in keystrokes:
        tokens = fold(text).split()
        if not tokens:
            continue
        expression = " ".join(f'"{t}"*' for t in tokens)
        start = time.perf_counter()
        conn.execute("SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 50", (expression,)).fetchall()
        raw.append((time.perf_counter() - start) * 1000)
    conn.close()
    table.add("Search a keystroke, median", statistics.median(ours), statistics.median(raw), "ms", "≤ 10 ms")
    p95 = sorted(ours)[int(len(ours) * 0.95) - 1]
    table.add("Search a keystroke, p95", p95, sorted(raw)[int(len(raw) * 0.95) - 1], "ms", "≤ 30 ms")


def bench_views(table: Table, db: Path, runs: int) -> None:
    """Open every view and switch branch, in one offscreen process; the median of *runs* such processes."""
    samples: dict[str, list[float]] = {}
    peak = 0
    for _i in range(runs):
        _wall, rss, out = run_process([PY, "benchmarks/views.py", str(db)])
        peak = max(peak, rss)
        for line in out.splitlines():
            name, _, value = line.partition("=")
            if value:
                samples.setdefault(name, []).append(float(value))
    for name, values in samples.items():
        # the reminders fill in from a worker thread: shown for honesty, not a budget of their own
        budget = "– (worker thread)" if "reminders" in name else "≤ 100 ms"
        if name.startswith("Search box"):
            budget = "≤ 10 ms" if "median" in name else "≤ 30 ms"
        table.add(name, statistics.median(values), None, "ms", budget)
    table.add("Peak memory after opening every view", peak / 1024, None, "MiB", "≤ 250 MiB")


def bench_exchange(table: Table, tmp: Path) -> None:
    from exchange import bench_exchange as run_exchange

    run_exchange(table, tmp)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "sochibo-large.sqlite3"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=["start", "reports", "search", "exchange", "views", "frozen"])
    parser.add_argument("--frozen", type=Path, help="the frozen app's folder (dist/SoChiBo); built when not given")
    args = parser.parse_args()
    db = Path(args.db)
    ensure_large_db(db)
    table = Table()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        steps = {"start": lambda: bench_start(table, db, args.runs),
                 "reports": lambda: bench_reports(table, db, args.runs, tmp),
                 "search": lambda: bench_search(table, db),
                 "exchange": lambda: bench_exchange(table, tmp),
                 "views": lambda: bench_views(table, db, args.runs),
                 "frozen": lambda: bench_frozen(table, db, args.runs, tmp, args.frozen)}
        for name in args.only:
            print(f"{name} …", flush=True)
            try:
                steps[name]()
            except Exception as exc:  # report and go on: one broken step should not hide the others
                print(f"  {name} failed: {exc}", flush=True)
    print()
    print(table.markdown())
    shutil.rmtree(_SCRATCH, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
