"""Every write is one transaction: killing a writing process at any moment (kill -9) leaves a healthy
database holding every write it reported as committed, and the next process takes over its lock."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from desktop_app.services.datafile import maintenance
from desktop_app.store import db as store_db
from desktop_app.store.models import Person
from desktop_app.store.schema import open_database
from tests.reliability.helpers import ROOT, make_database, python_env

WRITER = Path(__file__).with_name("writer.py")


def _run_and_kill(db_path: Path, home: Path, commits: int) -> list[int]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=python_env(home), cwd=ROOT)
    committed = []
    try:
        while len(committed) < commits:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            committed.append(int(line))
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # in the middle of the next transaction, or between two
        proc.wait(timeout=30)
    return committed


def test_kill_minus_nine_while_writing_loses_nothing_committed(tmp_path):
    db_path = make_database(tmp_path / "crash.sqlite3", people_count=1)
    rng = random.Random(20261103)
    reported: list[int] = []
    for _round in range(8):
        reported += _run_and_kill(db_path, tmp_path, rng.randint(1, 25))
        open_database(db_path, create=False)
        try:
            report = maintenance.check()
            assert report.healthy, report.problems
            present = {p.id for p in Person.select(Person.id).where(Person.id.in_(reported))}
            assert present == set(reported)
        finally:
            store_db.close()
    assert len(reported) >= 8
