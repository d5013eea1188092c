"""Stopping an import half-way changes nothing, whether the user cancels it or the process is killed outright
(kill -9 after batches were written inside the transaction); a cancelled export leaves no file behind."""

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from xlsx_helpers import counts

from desktop_app.interchange import xlsx_export, xlsx_import
from desktop_app.services.common import audit
from desktop_app.services.common.errors import Cancelled
from desktop_app.store.models import Person

ROOT = Path(__file__).resolve().parents[2]


def _big_workbook(path: Path, rows: int, branch: str = "CB01") -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chi bộ", "Trạng thái"])
    for i in range(rows):
        ws.append([f"Nguyễn Văn Người {i}", "Nam", dt.date(1950, 1, 1) + dt.timedelta(days=i % 15000),
                   f"09{i:010d}", branch, "Đảng viên chính thức"])
    wb.save(path)
    return path


def test_cancelling_an_import_half_way_changes_nothing(tmp_path, branches):
    path = _big_workbook(tmp_path / "big.xlsx", 3000)
    before = counts()
    seen = []

    def progress(done, total, text):
        seen.append(done)
        if Person.select().count() > before[0]:  # batches are written (inside the transaction): stop now
            raise Cancelled()

    with pytest.raises(Cancelled):
        xlsx_import.import_workbook("members", path, progress=progress)
    assert seen and seen[-1] < seen[0] * 100  # stopped part-way, not at the end
    assert counts() == before
    assert audit.verify_chain() == []


def test_cancelling_an_export_leaves_no_file(tmp_path, branches):
    from desktop_app.services.people import people

    for i in range(1200):
        people.create_person({"full_name": f"Người {i}", "gender": "male", "status": "official",
                              "branch": branches[0].id})
    target = tmp_path / "members.xlsx"
    calls = []

    def progress(done, total, text):
        calls.append((done, total, text))
        raise Cancelled()

    before = counts()
    leftovers = set(os.listdir(tmp_path))
    with pytest.raises(Cancelled):
        xlsx_export.export_people("members", target, progress=progress)
    assert calls[0][:2] == (500, 1200) and "1,200" in calls[0][2] or "1.200" in calls[0][2]
    assert not target.exists() and set(os.listdir(tmp_path)) == leftovers
    assert counts() == before  # no audit entry for an export that did not happen


def _database(path: Path) -> None:
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    open_database(path)
    organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng"})
    branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông"})
    store_db.close()


def _state(path: Path):
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    open_database(path)
    try:
        from desktop_app.store.models import AuditEntry, StageEvent
        from desktop_app.store.search_index import PersonIndex

        integrity = Person._meta.database.execute_sql("PRAGMA integrity_check").fetchone()[0]
        return ((Person.select().count(), StageEvent.select().count(), AuditEntry.select().count(),
                 PersonIndex.select().count()), integrity, audit.verify_chain())
    finally:
        store_db.close()


def test_an_import_killed_half_way_leaves_nothing_half_written(tmp_path):
    db = tmp_path / "kill.sqlite3"
    _database(db)
    before, _integrity, _chain = _state(db)
    book = _big_workbook(tmp_path / "big.xlsx", 12000)
    env = dict(os.environ, SOCHIBO_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "main.py", "import", "members", "--db", str(db), str(book),
                             "--progress", "--lang", "en"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    killed_at = None
    try:
        for line in proc.stderr:
            percent = int(line.rsplit("(", 1)[1].split()[0]) if "(" in line else 0
            # Far enough that many batches are written inside the transaction (in the page cache, or in the
            # write-ahead log once the cache spills), none committed.
            if percent >= 30:
                killed_at = percent
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=120)
    assert killed_at is not None and killed_at < 100, "the import ended before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    after, integrity, chain = _state(db)
    assert after == before and integrity == "ok" and chain == []
    # The lock of the killed process is stale: the next command takes the database.
    code = subprocess.run([sys.executable, "main.py", "import", "members", "--db", str(db), str(book), "--dry-run",
                           "--lang", "en"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert code.returncode == 0 and code.stdout.startswith("Dry run, nothing written: 12000 members"), code.stderr
