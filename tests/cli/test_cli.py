"""The command line: bad input gets a message and a non-zero exit, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, env_home=None):
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if env_home:
        env["SOCHIBO_HOME"] = str(env_home)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_unknown_demo_scale_is_refused_without_traceback(tmp_path):
    result = _run("demo", "--db", str(tmp_path / "x.sqlite3"), "--scale", "galaxy", env_home=tmp_path)
    assert result.returncode != 0
    assert "galaxy" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "x.sqlite3").exists()


def test_check_on_a_missing_path(tmp_path):
    result = _run("check", "--db", str(tmp_path / "missing.sqlite3"), env_home=tmp_path)
    assert result.returncode != 0
    assert "missing.sqlite3" in result.stderr and "Traceback" not in result.stderr


def test_report_on_a_missing_database(tmp_path):
    result = _run("report", "monthly", "--db", str(tmp_path / "none.sqlite3"), "-o", str(tmp_path / "r.pdf"),
                  env_home=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_messages_follow_the_language(tmp_path, capsys):
    assert main(["--lang", "en", "check", "--db", str(tmp_path / "missing.sqlite3")]) != 0
    assert "Database not found" in capsys.readouterr().err


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["--lang", "fr", "check"],
    ["report", "poem", "--db", "x", "-o", "y.pdf"],
    ["report", "monthly", "--month", "2026-13", "-o", "y.pdf"],
    ["demo", "--scale", "branch"],  # no --db
    ["demo", "--seed", "abc", "--db", "x"],
])
def test_bad_arguments_exit_non_zero_with_a_message(tmp_path, capsys, args):
    code = main(args)
    captured = capsys.readouterr()
    assert code != 0
    assert captured.err.strip()
    assert "Traceback" not in captured.err


def test_check_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("not a database")
    assert main(["check", "--db", str(path)]) == 1
    assert "notes.sqlite3" in capsys.readouterr().err
    assert path.read_text() == "not a database"


def test_check_backup_restore_round_trip(tmp_path, capsys):
    from desktop_app.services.organisation import organisation
    from desktop_app.services.people import people
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    path = tmp_path / "live.sqlite3"
    open_database(path)
    organisation.save_organisation({"name": "Đảng bộ xã X"})
    person = people.create_person({"full_name": "Nguyễn Văn Giữ"})
    store_db.close()

    assert main(["check", "--db", str(path)]) == 0
    backup = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(path), "-o", str(backup)]) == 0
    assert backup.exists()

    open_database(path)
    people.delete_person(person.id)
    people.create_person({"full_name": "Người Sau"})
    store_db.close()

    assert main(["restore", "--db", str(path), str(backup)]) == 0
    out = capsys.readouterr().out
    assert "copy.sqlite3" in out
    open_database(path)
    assert [r.full_name for r in people.list_people()] == ["Nguyễn Văn Giữ"]
    store_db.close()
    assert list(tmp_path.glob("live.sqlite3.before-restore-*")), "the replaced file is kept"
    assert main(["check", "--db", str(path)]) == 0


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(tmp_path, capsys):
    from desktop_app.services.organisation import organisation
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    path = tmp_path / "live.sqlite3"
    open_database(path)
    organisation.save_organisation({"name": "Đảng bộ xã X"})
    store_db.close()
    before = path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert main(["restore", "--db", str(path), str(bad)]) != 0
    assert "Traceback" not in capsys.readouterr().err
    assert path.read_bytes() == before


def test_report_from_the_command_line_is_numbered_unless_draft(tmp_path, capsys):
    """A monthly report written from the command line takes the next 'Số NN-BC/CB' (Hướng dẫn 36-HD/VPTW:
    numbers run per type within the committee term), once: written again it keeps its number and date;
    --new-version takes the next number; --draft leaves the number blank and takes none."""
    import datetime as dt
    import re

    from pypdf import PdfReader

    from desktop_app.core import clock
    from desktop_app.services import demo
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    path = tmp_path / "demo.sqlite3"
    open_database(path)
    demo.generate("branch", seed=3, today=dt.date(2026, 11, 21))
    code = __import__("desktop_app.services.organisation.branches", fromlist=["x"]).list_branches()[0].code
    store_db.close()

    def text(pdf):
        return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)

    draft = tmp_path / "draft.pdf"
    assert main(["report", "monthly", "--db", str(path), "--branch", code, "--month", "2026-10", "--draft",
                 "-o", str(draft)]) == 0
    first, again, newer = tmp_path / "first.pdf", tmp_path / "again.pdf", tmp_path / "newer.pdf"
    monthly = ["report", "monthly", "--db", str(path), "--branch", code, "--month", "2026-10"]
    assert main([*monthly, "-o", str(first)]) == 0
    clock.pin(dt.datetime(2026, 11, 25, 9, 0))
    assert main([*monthly, "-o", str(again)]) == 0
    assert main([*monthly, "--new-version", "-o", str(newer)]) == 0

    numbers = [re.search(r"Số (\d+)-BC/CB", text(pdf)) for pdf in (first, again, newer)]
    assert all(numbers), "issued reports carry a number"
    assert numbers[1].group(1) == numbers[0].group(1), "a reprint keeps its number"
    assert "ngày 21 tháng 11 năm 2026" in text(again), "and its date"
    assert int(numbers[2].group(1)) == int(numbers[0].group(1)) + 1, "a new version takes the next number"
    assert "ngày 25 tháng 11 năm 2026" in text(newer)
    assert not re.search(r"Số \d+-BC/CB", text(draft))
