"""A damaged file, or a file that is not a database, given to any command or to the app's start-up
check: a message, a non-zero exit, no traceback, and the file left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.datafile import maintenance
from tests.reliability.helpers import damage_middle, make_database, run_program


def _commands(db: Path, tmp: Path) -> dict[str, list[str]]:
    xlsx = tmp / "people.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    return {
        "check": ["check", "--db", str(db)],
        "backup": ["backup", "--db", str(db), "-o", str(tmp / "out.sqlite3")],
        "restore-from": ["restore", "--db", str(tmp / "target.sqlite3"), str(db)],
        "report": ["report", "monthly", "--db", str(db), "--month", "2026-11", "-o", str(tmp / "r.pdf")],
        "export": ["export", "members", "--db", str(db), "-o", str(tmp / "e.xlsx")],
        "import": ["import", "members", "--db", str(db), str(xlsx)],
        "demo": ["demo", "--db", str(db), "--scale", "branch"],
    }


def _not_a_database(tmp: Path) -> Path:
    path = tmp / "notes.sqlite3"
    path.write_text("Biên bản họp chi bộ — not a database\n" * 50, encoding="utf-8")
    return path


def _damaged(tmp: Path) -> Path:
    path = make_database(tmp / "damaged.sqlite3", people_count=150)
    damage_middle(path)
    return path


def _foreign_sqlite(tmp: Path) -> Path:
    path = tmp / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('phở')")
    conn.commit()
    conn.close()
    return path


def _truncated(tmp: Path) -> Path:
    path = make_database(tmp / "cut.sqlite3", people_count=150)
    path.write_bytes(path.read_bytes()[:8192])
    return path


FILES = {"not-a-database": _not_a_database, "damaged-middle": _damaged, "truncated": _truncated}
COMMANDS = ["check", "backup", "restore-from", "report", "export", "import", "demo"]


@pytest.mark.parametrize("kind", list(FILES))
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_refuses_a_bad_file(tmp_path, capsys, kind, command):
    path = FILES[kind](tmp_path)
    before = path.read_bytes()
    code = main(_commands(path, tmp_path)[command])
    err = capsys.readouterr().err
    assert code != 0
    assert err.strip() and "Traceback" not in err
    assert "unexpected error" not in err.lower() and "không mong đợi" not in err.lower()
    assert path.read_bytes() == before
    assert not (tmp_path / "out.sqlite3").exists() and not (tmp_path / "target.sqlite3").exists()


@pytest.mark.parametrize("command", ["check", "backup", "report", "export", "demo"])
def test_a_sqlite_file_of_another_program_is_not_taken_over(tmp_path, capsys, command):
    path = _foreign_sqlite(tmp_path)
    before = path.read_bytes()
    code = main(_commands(path, tmp_path)[command])
    err = capsys.readouterr().err
    assert code != 0 and err.strip() and "Traceback" not in err
    assert path.read_bytes() == before


def test_check_of_a_damaged_file_in_a_fresh_process(tmp_path):
    """Acceptance: a damaged middle is detected by `check` (non-zero) with a message, no traceback."""
    path = _damaged(tmp_path)
    result = run_program("--lang", "en", "check", "--db", str(path), home=tmp_path)
    assert result.returncode == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("kind", list(FILES))
def test_startup_check_explains_and_offers_the_latest_good_backup(tmp_path, kind):
    from desktop_app import paths
    from desktop_app.store import backup

    path = FILES[kind](tmp_path)
    # a good backup of this database, as the app would have made it
    good = make_database(tmp_path / "source.sqlite3", people_count=3)
    saved = backup.backup_file(good, paths.default_backup_dir() / backup.backup_name(path, automatic=True))
    health = maintenance.startup_check(path)
    assert not health.ok
    assert health.problems and str(path) in health.problems[0]
    assert health.status in (maintenance.DAMAGED, maintenance.NOT_DATABASE, maintenance.PASSWORD)
    if health.status == maintenance.DAMAGED:
        assert health.latest_backup is not None and health.latest_backup.path == saved


def test_startup_check_of_healthy_new_and_missing_files(tmp_path):
    path = make_database(tmp_path / "ok.sqlite3", people_count=2)
    assert maintenance.startup_check(path).status == maintenance.OK
    assert maintenance.startup_check(tmp_path / "none.sqlite3").status == maintenance.NEW
    assert maintenance.startup_check(tmp_path).status == maintenance.UNREADABLE


def test_startup_check_of_a_damaged_file_without_backups(tmp_path):
    health = maintenance.startup_check(_damaged(tmp_path))
    assert health.status == maintenance.DAMAGED and health.latest_backup is None


def test_shallow_startup_check_sees_what_opening_needs(tmp_path):
    assert maintenance.startup_check(_not_a_database(tmp_path), deep=False).status == maintenance.NOT_DATABASE
    assert maintenance.startup_check(_foreign_sqlite(tmp_path), deep=False).status == maintenance.OK
    healthy = make_database(tmp_path / "fine.sqlite3", people_count=2)
    assert maintenance.startup_check(healthy, deep=False).ok
