"""Helpers for the reliability tests: populated database files and running the program in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_program(*args: str, home: Path, timeout: float = 120, env: dict | None = None,
                **kwargs) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` in a fresh interpreter with its own app folders."""
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home), **(env or {}))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, **kwargs)


def python_env(home: Path) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home), PYTHONPATH=str(ROOT))


def fill(people_count: int = 20) -> list[int]:
    """Add an organisation, a branch and *people_count* people to the open database; their ids."""
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.services.people import people

    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "place": "Mường Ảng"})
    branch = branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông", "kind": "village"})
    return [people.create_person({"full_name": f"Nguyễn Thị Hương {i}", "branch": branch.id,
                                  "cccd": f"{i + 1:012d}"}).id for i in range(people_count)]


def make_database(path: Path, people_count: int = 20) -> Path:
    """A closed, healthy database file holding *people_count* people."""
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    open_database(path)
    try:
        fill(people_count)
    finally:
        store_db.close()
    return path


def damage_middle(path: Path, length: int = 4096) -> None:
    """Overwrite bytes in the middle pages of *path* (its header stays intact)."""
    size = path.stat().st_size
    assert size > 4 * length, "the file is too small to damage in the middle"
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(length)))
