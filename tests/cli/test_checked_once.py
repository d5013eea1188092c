"""A command reads a large file through SQLite's quick check only when the file changed since it was last
found sound: commands in a row on a committee's database do not each spend a second on it, and a file
changed by anything else is checked again (and refused when damaged)."""

from __future__ import annotations

import os

import pytest

from desktop_app.cli import main
from desktop_app.store import backup, checked
from tests.reliability.helpers import damage_middle, make_database


@pytest.fixture
def db_path(tmp_path):
    return make_database(tmp_path / "sound.sqlite3", people_count=150)


def _export(db, tmp_path) -> int:
    return main(["export", "members", "--db", str(db), "-o", str(tmp_path / "e.xlsx"), "--lang", "en"])


def test_a_sound_file_is_checked_once(db_path, tmp_path, monkeypatch):
    assert _export(db_path, tmp_path) == 0
    assert checked.unchanged_since_sound(db_path)

    def must_not_check(*_args, **_kwargs):
        raise AssertionError("checked again although nothing changed")

    monkeypatch.setattr(backup, "require_sound", must_not_check)
    assert _export(db_path, tmp_path) == 0


def test_a_file_changed_since_is_checked_and_refused_when_damaged(db_path, tmp_path, capsys):
    assert _export(db_path, tmp_path) == 0
    damage_middle(db_path)
    later = db_path.stat().st_mtime_ns + 2_000_000_000  # another program, later: not within one clock tick
    os.utime(db_path, ns=(later, later))
    assert not checked.unchanged_since_sound(db_path)
    capsys.readouterr()
    assert _export(db_path, tmp_path) != 0
    err = capsys.readouterr().err
    assert "damaged" in err.lower() and "Traceback" not in err
    assert not checked.unchanged_since_sound(db_path)


def test_a_failed_command_records_nothing(db_path, tmp_path):
    code = main(["report", "minutes", "--db", str(db_path), "--meeting", "999999", "-o", str(tmp_path / "r.pdf")])
    assert code != 0
    assert not checked.unchanged_since_sound(db_path)


def test_forget_makes_the_next_command_check(db_path, tmp_path):
    assert _export(db_path, tmp_path) == 0
    checked.forget(db_path)
    assert not checked.unchanged_since_sound(db_path)
