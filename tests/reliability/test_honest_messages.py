"""Messages that say what happened, in the user's language, and no traceback on the terminal: a full disk during
an import, a missing password, a lock file another user holds, an export onto a full disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import explain, main
from desktop_app.services.datafile import dbfile
from desktop_app.store import crypto
from desktop_app.store import db as store_db
from desktop_app.store.models import Person
from tests.reliability.helpers import ROOT, make_database, python_env


def test_a_full_disk_during_an_import_says_the_disk_is_full(tmp_path):
    from desktop_app import i18n
    from desktop_app.services.interchange import importing
    from desktop_app.services.interchange.import_rows import RowInput

    path = make_database(tmp_path / "full.sqlite3", people_count=5)
    dbfile.open_file(path, lock=False)
    try:
        pages = store_db.database.execute_sql("PRAGMA page_count").fetchone()[0]
        store_db.database.execute_sql(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up half-way
        rows = [RowInput(n + 2, {"full_name": f"Nguyễn Văn Thử {n}", "cccd": f"{900000000000 + n}"})
                for n in range(3000)]
        with pytest.raises(Exception) as failed:
            importing.import_rows("members", rows)
        assert "cannot rollback" not in str(failed.value)
        assert explain(failed.value) == ("Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng (hoặc chọn thư mục khác) "
                                         "rồi thử lại.")
        i18n.set_language("en")
        assert explain(failed.value).startswith("The disk is full.")
        assert Person.select().count() == 5  # nothing half-imported
    finally:
        store_db.close()


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
@pytest.mark.parametrize("lang, words, not_words", [
    ("vi", "được bảo vệ bằng mật khẩu", ["hỏng", "encrypted", "password needed"]),
    ("en", "is protected by a password", ["damaged"]),
])
def test_a_missing_password_is_not_called_damage(tmp_path, capsys, monkeypatch, lang, words, not_words):
    from desktop_app.services.datafile import encryption

    monkeypatch.delenv("SOCHIBO_PASSWORD", raising=False)
    path = make_database(tmp_path / "secret.sqlite3", people_count=3)
    dbfile.open_file(path, lock=False)
    encryption.set_password("mật khẩu 2026")
    dbfile.close()
    crypto.forget(path)
    for command in (["check"], ["export", "members", "-o", str(tmp_path / "m.xlsx")]):
        capsys.readouterr()
        assert main(["--lang", lang, *command, "--db", str(path)]) == 1
        err = capsys.readouterr().err
        assert words in err and "SOCHIBO_PASSWORD" in err
        assert not any(w in err for w in not_words), err


def test_a_lock_file_another_user_holds_is_named_as_such(tmp_path, capsys, monkeypatch):
    from desktop_app.store import lock

    path = make_database(tmp_path / "shared.sqlite3", people_count=3)
    held = lock.lock_path(path)
    held.write_text('{"pid": 4242, "host": "may-van-phong", "program": "sochibo"}')
    real_open = os.open

    def denied(file, flags, *args):  # the file belongs to another user (root is never refused, so say it is)
        if Path(file) == held:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args)

    monkeypatch.setattr(lock.os, "open", denied)
    capsys.readouterr()
    assert main(["--lang", "en", "import", "members", str(tmp_path / "x.xlsx"), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "belongs to another user of this computer" in err and str(held) in err
    assert "Choose a folder" not in err and "Traceback" not in err


def test_errors_python_can_only_ignore_go_to_the_log_not_the_terminal(tmp_path):
    """A workbook closed by the garbage collector on a full disk raises where nobody can catch it; Python then
    prints a traceback on the terminal, unless the program sends it to its log."""
    home = tmp_path / "home"
    script = ("from desktop_app import logsetup\n"
              "logsetup.configure()\n"
              "class Workbook:\n"
              "    def __del__(self):\n"
              "        raise OSError(28, 'No space left on device')\n"
              "Workbook()\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=python_env(home), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "No space left on device" in (home / "log" / "sochibo.log").read_text(encoding="utf-8")


def test_an_export_onto_a_full_disk_says_so_without_a_traceback(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("a full disk needs a small mount (root)")
    try:
        (folder / "filler").write_bytes(b"\0" * 60_000)
        path = make_database(tmp_path / "branch.sqlite3", people_count=40)
        for kind in ("members", "meetings"):
            done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "en", "export", kind, "--db",
                                   str(path), "-o", str(folder / f"{kind}.xlsx")], env=python_env(tmp_path / "h"),
                                  capture_output=True, text=True, timeout=120)
            assert done.returncode == 1 and done.stderr.startswith("The disk is full."), done.stderr
            assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
            assert not (folder / f"{kind}.xlsx").exists()
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)
