"""One program at a time per database (store.lock): real processes hold, refuse and take over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store import lock
from tests.reliability.helpers import ROOT, make_database, python_env, run_program

HOLDER = Path(__file__).with_name("holder.py")


def _start_holder(db_path: Path, home: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(HOLDER), str(db_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=python_env(home), cwd=ROOT)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_process_is_refused_and_named(tmp_path):
    db_path = tmp_path / "a.sqlite3"
    holder = _start_holder(db_path, tmp_path)
    try:
        with pytest.raises(lock.DatabaseLockedError) as info:
            lock.acquire(db_path)
        assert info.value.owner.pid == holder.pid
        assert info.value.owner.program == "lock-holder"
        assert info.value.owner.host
    finally:
        holder.stdin.close()
        assert holder.stdout.readline().strip() == "released"
        holder.wait(timeout=30)
    # released cleanly: the file is gone and the lock is free
    assert not lock.lock_path(db_path).exists()
    with lock.acquire(db_path) as mine:
        assert mine.held


def test_lock_of_a_killed_process_is_taken_over(tmp_path):
    db_path = tmp_path / "a.sqlite3"
    holder = _start_holder(db_path, tmp_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    assert lock.lock_path(db_path).exists()  # left behind by the crash
    with lock.acquire(db_path, program="next") as taken:
        assert taken.held
        assert lock.read_owner(db_path).pid == os.getpid()


def test_command_line_refuses_a_second_writer_with_a_message(tmp_path):
    db_path = make_database(tmp_path / "a.sqlite3", 3)
    backup = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(db_path), "-o", str(backup)]) == 0
    holder = _start_holder(db_path, tmp_path)
    try:
        result = run_program("restore", "--db", str(db_path), str(backup), home=tmp_path, env={"LANG": "C"})
        assert result.returncode != 0
        assert str(holder.pid) in result.stderr and "lock-holder" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert not list(tmp_path.glob("a.sqlite3.before-restore-*"))  # nothing was replaced
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    result = run_program("restore", "--db", str(db_path), str(backup), home=tmp_path)
    assert result.returncode == 0, result.stderr


def test_lock_is_reentrant_within_a_process(tmp_path):
    db_path = tmp_path / "a.sqlite3"
    first = lock.acquire(db_path)
    second = lock.acquire(db_path)
    assert second is first
    second.release()
    assert first.held and lock.held_lock(db_path) is first
    first.release()
    assert not first.held and lock.held_lock(db_path) is None


def test_lock_in_a_read_only_folder_is_an_explained_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError):
            lock.acquire(folder / "x.sqlite3")
    finally:
        folder.chmod(0o700)
