"""Server mode beside the file: the same measurements on the `large` demo as a SQLite file and on a PostgreSQL
server, against design.md §6's budget for a server (≤ 2× the file).

    python benchmarks/server.py --db FILE --server postgresql://user@host:port/dbname [--runs N]

FILE is the large demo database (built when missing, as benchmarks/run.py does). The server database must be
empty or hold the same data: an empty one is filled from FILE through `restore` (timed too). Measured on each
engine: the first open of every view and branch switches (benchmarks/views.py, median of N processes), search
keystrokes through the service (in process), and the `report monthly` and `report quota` commands (whole
processes). The server's password comes from PGPASSWORD, the password file or the address.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PY, ensure_large_db, first_branch_code, run_process

WORDS = ["Nguyễn Thị Hường", "Trần Văn Đức", "Lò Văn Pấng", "Phạm Minh", "Đặng Thu"]


def views(location: str, runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    for _i in range(runs):
        _wall, _rss, out = run_process([PY, "benchmarks/views.py", location])
        for line in out.splitlines():
            name, _, value = line.partition("=")
            if value:
                samples.setdefault(name, []).append(float(value))
    return {name: statistics.median(values) for name, values in samples.items()}


def search(location: str) -> dict[str, float]:
    """Every prefix of a few names, as typed in the search box (one query a keystroke: services.search)."""
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.people import search as search_service

    dbfile.open_file(dbfile.locate(location), lock=False)
    keystrokes = [w[:i] for w in WORDS for i in range(1, len(w) + 1) if w[:i].strip()]
    search_service.search(keystrokes[0])  # the first query pays for connecting and caches
    times = []
    for text in keystrokes:
        start = time.perf_counter()
        search_service.search(text, limit=30)
        times.append((time.perf_counter() - start) * 1000)
    dbfile.close()
    times.sort()
    return {"Search box, a keystroke (median)": statistics.median(times),
            "Search box, a keystroke (p95)": times[int(len(times) * 0.95) - 1]}


def reports(location: str, code: str, runs: int, tmp: Path) -> dict[str, float]:
    monthly = statistics.median(run_process([PY, "main.py", "report", "monthly", "--db", location, "--branch", code,
                                             "--draft", "-o", str(tmp / "m.pdf")])[0] for _i in range(runs))
    quota = statistics.median(run_process([PY, "main.py", "report", "quota", "--db", location, "--draft",
                                           "-o", str(tmp / "q.pdf")])[0] for _i in range(runs))
    return {"`report monthly`, one branch (whole process)": monthly * 1000,
            "`report quota`, all branches (whole process)": quota * 1000}


def fill_server(db: Path, server: str) -> float | None:
    """Restore the file into the server when it is empty; the seconds it took (None when it was filled)."""
    import psycopg

    with psycopg.connect(server) as conn:
        has_people = conn.execute("SELECT to_regclass('person') IS NOT NULL").fetchone()[0] and \
            conn.execute("SELECT EXISTS (SELECT 1 FROM person)").fetchone()[0]
    if has_people:
        return None
    wall, _rss, out = run_process([PY, "main.py", "restore", "--db", server, str(db)])
    print(f"  {out.strip()} [{wall:.0f} s]", flush=True)
    return wall


def main() -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "sochibo-large.sqlite3"))
    parser.add_argument("--server", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = Path(args.db)
    ensure_large_db(db)
    restore = fill_server(db, args.server)
    code = first_branch_code(db)
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        for engine, location in (("file", str(db)), ("server", args.server)):
            print(f"{engine} …", flush=True)
            for measured in (views(location, args.runs), search(location),
                             reports(location, code, args.runs, Path(tmp_name))):
                for name, value in measured.items():
                    rows.setdefault(name, {})[engine] = value
    print()
    print("| Measurement (large demo) | SQLite file | PostgreSQL server | Server / file | Budget |")
    print("|---|---|---|---|---|")
    for name, values in rows.items():
        file_ms, server_ms = values.get("file"), values.get("server")
        if file_ms is None or server_ms is None:
            continue
        budget = "– (worker thread)" if "reminders" in name else "≤ 2× the file"
        print(f"| {name} | {file_ms:.1f} ms | {server_ms:.1f} ms | {server_ms / file_ms:.2f}× | {budget} |")
    if restore is not None:
        print(f"| `restore` of the file into the empty server (whole process) | – | {restore:.1f} s | – | – |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
