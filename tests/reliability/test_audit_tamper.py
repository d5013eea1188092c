"""The hash-chained audit trail (services.audit): editing or deleting entries by hand, outside the
program, makes `check` fail and names the entry."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.reliability.helpers import make_database


def _sql(path: Path, statement: str) -> None:
    """Run *statement* on the file as a person with the sqlite3 tool would (the module if it is missing)."""
    tool = shutil.which("sqlite3")
    if tool:
        subprocess.run([tool, str(path), statement], check=True, capture_output=True)
    else:
        conn = sqlite3.connect(path)
        conn.execute(statement)
        conn.commit()
        conn.close()


@pytest.fixture
def audited(tmp_path) -> Path:
    path = make_database(tmp_path / "audited.sqlite3", people_count=5)
    assert main(["check", "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize("statement, words", [
    ("UPDATE auditentry SET after = replace(after, 'Hương 2', 'Hương 9') WHERE id = 5", "entry 5"),
    ("UPDATE auditentry SET actor = 'someone else' WHERE id = 3", "entry 3"),
    ("UPDATE auditentry SET at = '2020-01-01 00:00:00' WHERE id = 4", "entry 4"),
    ("DELETE FROM auditentry WHERE id = 4", "entry 5"),
    ("DELETE FROM auditentry WHERE id = (SELECT max(id) FROM auditentry)", "chain head"),
    ("INSERT INTO auditentry (uid, at, action, table_name) VALUES ('x', '2026-01-01', 'create', 'person')",
     "entry"),
])
def test_check_fails_on_a_hand_edited_audit_trail(audited, capsys, statement, words):
    capsys.readouterr()
    _sql(audited, statement)
    assert main(["--lang", "en", "check", "--db", str(audited)]) == 1
    err = capsys.readouterr().err
    assert "audit trail" in err and words in err and "Traceback" not in err


def test_startup_quick_check_sees_an_edited_recent_entry(audited):
    from desktop_app.services.datafile import maintenance
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    _sql(audited, "UPDATE auditentry SET before = '{}' WHERE id = (SELECT max(id) - 1 FROM auditentry)")
    open_database(audited, create=False)
    try:
        report = maintenance.check(quick=True)
        assert not report.healthy
        assert "edited" in report.problems[0]
    finally:
        store_db.close()


def test_a_garbled_audit_row_is_a_finding_not_a_crash(audited, capsys):
    _sql(audited, "UPDATE auditentry SET at = 'not a date at all' WHERE id = 2")
    assert main(["check", "--db", str(audited)]) == 1
    assert "Traceback" not in capsys.readouterr().err
