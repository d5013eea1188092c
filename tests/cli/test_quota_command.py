"""`python main.py quota --db PATH --year YYYY --target N [--branch CODE]`: one summary line and exit 0; bad input
gets a clear message in the chosen language, a non-zero exit and changes nothing; it takes the database's lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.store import db as store_db
from desktop_app.store.db import database
from desktop_app.store.schema import open_database
from tests.reliability.helpers import ROOT, python_env, run_program

HOLDER = Path(__file__).parents[1] / "reliability" / "holder.py"


@pytest.fixture
def path(tmp_path):
    """A database with the organisation and two branches (CB01 target 3, CB02 target 4 for 2026)."""
    from desktop_app.services.organisation import branches, organisation, quotas

    file = tmp_path / "q.sqlite3"
    open_database(file)
    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "issuer_code": "ĐU", "term": "2025-2030"})
    for code, target in (("CB01", 3), ("CB02", 4)):
        branch = branches.create_branch({"code": code, "name": f"Chi bộ {code}"})
        quotas.set_quota(branch.id, 2026, target)
    store_db.close()
    return file


def _quotas(file: Path) -> dict:
    open_database(file)
    try:
        return dict(database.execute_sql(
            "SELECT COALESCE(b.code, ''), q.target FROM quota q LEFT JOIN branch b ON b.id = q.branch_id "
            "WHERE q.year = 2026").fetchall())
    finally:
        store_db.close()


def test_the_organisation_target_is_set_with_one_summary_line(path, capsys):
    assert main(["--lang", "en", "quota", "--db", str(path), "--year", "2026", "--target", "9"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["Admission target for 2026 set for the organisation: 9 (branch targets added up: 7)."]
    assert _quotas(path) == {"": 9, "CB01": 3, "CB02": 4}
    assert main(["quota", "--db", str(path), "--year", "2026", "--target", "10"]) == 0  # set again: updated
    assert "Đã đặt chỉ tiêu kết nạp năm 2026 của đảng bộ: 10 đảng viên" in capsys.readouterr().out
    assert _quotas(path)[""] == 10


def test_a_branch_target_is_set_by_its_code(path, capsys):
    assert main(["--lang", "en", "quota", "--db", str(path), "--year", "2026", "--target", "5",
                 "--branch", "CB02"]) == 0
    assert capsys.readouterr().out.strip() == ("Admission target for 2026 set for branch CB02: 5 (branch targets "
                                               "added up: 8; organisation: not set).")
    assert _quotas(path) == {"CB01": 3, "CB02": 5}


@pytest.mark.parametrize(("args", "message"), [
    (["--target", "-3"], "Target must be between 0 and 100000."),  # a negative target
    (["--target", "three"], "The target must be a whole number of new members, e.g. 12."),
    (["--year", "1800"], "Year must be between 1930 and 2200."),
    (["--year", "twenty"], "The year must be a number, e.g. 2026."),
    (["--branch", "CB99"], "No branch has the code CB99."),
])
def test_bad_input_is_refused_with_a_message_and_changes_nothing(path, capsys, args, message):
    given = {"--year": "2026", "--target": "6"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        given[flag] = value
    argv = ["--lang", "en", "quota", "--db", str(path)] + [x for pair in given.items() for x in pair]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == "" and "Traceback" not in captured.err
    assert _quotas(path) == {"CB01": 3, "CB02": 4}


def test_messages_in_vietnamese_and_a_missing_database(tmp_path, capsys):
    assert main(["quota", "--db", str(tmp_path / "none.sqlite3"), "--year", "2026", "--target", "3"]) != 0
    assert "Không tìm thấy tệp dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_the_command_takes_the_database_lock(path, tmp_path):
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=python_env(tmp_path), cwd=ROOT)
    assert holder.stdout.readline().strip() == "locked"
    try:
        result = run_program("quota", "--db", str(path), "--year", "2026", "--target", "7", home=tmp_path,
                             env={"LANG": "C"})
        assert result.returncode != 0
        assert str(holder.pid) in result.stderr and "Traceback" not in result.stderr + result.stdout
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert _quotas(path) == {"CB01": 3, "CB02": 4}
    result = run_program("quota", "--db", str(path), "--year", "2026", "--target", "7", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _quotas(path)[""] == 7
