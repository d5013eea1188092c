"""The audit trail cannot be quietly rewritten (services.common.audit, services.datafile.trail): attacks made as
a person with a SQLite tool and the program's source would make them, and what `check` says of each, in plain
words, with exit status 1; the repair that re-anchors the trail, saying who and why; the reserved settings."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.common import audit_chain
from tests.reliability.helpers import make_database


def _sql(path: Path, *statements: str) -> None:
    """Run *statements* on the file as a person with the sqlite3 tool would (the module if it is missing)."""
    tool = shutil.which("sqlite3")
    if tool and len(statements) == 1:
        subprocess.run([tool, str(path), statements[0]], check=True, capture_output=True)
        return
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _check(path: Path, capsys, lang: str = "en") -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--lang", lang, "check", "--db", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


@pytest.fixture
def audited(tmp_path) -> Path:
    path = make_database(tmp_path / "audited.sqlite3", people_count=5)
    assert main(["check", "--db", str(path)]) == 0
    return path


def _rechain(path: Path, key: bytes | None = None) -> None:
    """What an attacker who read the program does after editing entries: recompute every hash (with the key of
    a database without a password, which anyone can derive from its identity) and the head."""
    conn = sqlite3.connect(path)
    uid = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'database.uid'").fetchone()[0])
    key = key or audit_chain.plain_key(uid)
    prev = audit_chain.GENESIS
    rows = conn.execute("SELECT id, uid, at, actor, action, table_name, record_uid, before, after, row_hash, scheme "
                        "FROM auditentry ORDER BY id").fetchall()
    for id_, euid, at, actor, action, table, record_uid, before, after, row_hash, scheme in rows:
        hash_ = audit_chain.entry_digest(key, scheme, prev, euid, at, actor, action, table, record_uid, before, after,
                                         row_hash)
        conn.execute("UPDATE auditentry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, hash_, id_))
        prev = hash_
    conn.execute("UPDATE setting SET value = ? WHERE key = 'audit.head'", (json.dumps({"hash": prev,
                                                                                       "count": len(rows)}),))
    conn.commit()
    conn.close()


# ---- entries edited, removed or slipped in by hand --------------------------------------------------------------


@pytest.mark.parametrize("statement, words", [
    ("UPDATE auditentry SET after = replace(after, 'Hương 2', 'Hương 9') WHERE id = 5",
     "Entry 5 of the audit trail was changed after it was written"),
    ("UPDATE auditentry SET actor = 'someone else' WHERE id = 3", "Entry 3 of the audit trail was changed"),
    ("UPDATE auditentry SET at = '2020-01-01 00:00:00' WHERE id = 4", "Entry 4 of the audit trail was changed"),
    ("UPDATE auditentry SET row_hash = '' WHERE id = 4", "Entry 4 of the audit trail was changed"),
    ("DELETE FROM auditentry WHERE id = 4", "Entries were removed from the audit trail just before entry 5"),
    ("DELETE FROM auditentry WHERE id = (SELECT max(id) FROM auditentry)",
     "does not match the trail (6 entries found, 7 recorded)"),
    ("INSERT INTO auditentry (uid, at, action, table_name) VALUES ('x', '2026-01-01', 'create', 'person')",
     "slipped into the audit trail outside the program"),
])
def test_check_names_a_hand_edited_entry(audited, capsys, statement, words):
    _sql(audited, statement)
    code, err = _check(audited, capsys)
    assert code == 1 and words in err


def test_check_says_it_in_vietnamese_too(audited, capsys):
    _sql(audited, "UPDATE auditentry SET actor = 'kẻ khác' WHERE id = 3")
    code, err = _check(audited, capsys, "vi")
    assert code == 1 and "Mục 3 của nhật ký" in err and "repair" in err


def test_a_garbled_audit_row_is_a_finding_not_a_crash(audited, capsys):
    _sql(audited, "UPDATE auditentry SET at = 'not a date at all' WHERE id = 2")
    code, err = _check(audited, capsys)
    assert code == 1 and "Entry 2" in err


def test_startup_quick_check_sees_an_edited_recent_entry(audited):
    from desktop_app.services.datafile import maintenance
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    _sql(audited, "UPDATE auditentry SET before = '{}' WHERE id = (SELECT max(id) - 1 FROM auditentry)")
    open_database(audited, create=False)
    try:
        report = maintenance.check(quick=True)
        assert not report.healthy and report.trail and not report.damaged
        assert "changed after it was written" in report.problems[0] or "được ghi" in report.problems[0]
    finally:
        store_db.close()


# ---- the trail rewritten, cut short or emptied, as a whole: the head kept outside the file sees it -----------


def test_a_trail_cut_short_with_its_head_fixed_is_found(audited, capsys):
    _sql(audited, "DELETE FROM auditentry WHERE id > 4")
    _rechain(audited)  # the head inside the file now agrees
    code, err = _check(audited, capsys)
    assert code == 1 and "fewer entries than were recorded on this computer" in err and "(7 then, 4 now)" in err


def test_a_rewritten_trail_is_found_though_it_verifies(audited, capsys):
    _sql(audited, "UPDATE auditentry SET after = replace(after, 'Hương 2', 'Hương 9') WHERE id = 5")
    _rechain(audited)
    code, err = _check(audited, capsys)
    assert code == 1 and "rewritten: its entry 7 is not the one recorded on this computer" in err


def test_an_emptied_trail_is_found(audited, capsys):
    _sql(audited, "DELETE FROM auditentry", "DELETE FROM setting WHERE key = 'audit.head'")
    code, err = _check(audited, capsys)
    assert code == 1 and "The audit trail was emptied: 7 entries were recorded on this computer" in err


def test_a_backup_remembers_the_head_when_the_data_folder_does_not(audited, capsys, _isolated_home):
    from desktop_app import paths

    assert main(["backup", "--db", str(audited)]) == 0  # into the app's backup folder
    shutil.rmtree(paths.data_dir() / "audit-heads")  # the copy on this computer is gone too
    _sql(audited, "DELETE FROM auditentry WHERE id > 3")
    _rechain(audited)
    code, err = _check(audited, capsys)
    assert code == 1 and "fewer entries than were recorded in the backup audited-" in err and "(8 then, 3 now)" in err


def test_an_older_copy_put_in_the_file_s_place_is_found(audited, capsys, tmp_path):
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(audited, old)
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.people import people

    dbfile.open_file(audited, lock=False)
    people.create_person({"full_name": "Điêu Thị Lả"})
    dbfile.close()
    shutil.copyfile(old, audited)
    for side in ("-wal", "-shm"):
        Path(str(audited) + side).unlink(missing_ok=True)
    code, err = _check(audited, capsys)
    assert code == 1 and "or an older copy of the file was put in its place" in err


def test_another_database_put_in_the_file_s_place_is_found(audited, capsys, tmp_path):
    other = make_database(tmp_path / "other.sqlite3", people_count=1)
    shutil.copyfile(other, audited)
    code, err = _check(audited, capsys)
    assert code == 1 and "This file is not the database last used at this place" in err


def test_a_restore_through_the_program_is_not_tampering(audited, capsys, tmp_path):
    from desktop_app.services.datafile import backups, dbfile
    from desktop_app.services.people import people

    dbfile.open_file(audited, lock=False)
    early = backups.backup_to_file(tmp_path / "early.sqlite3")
    people.create_person({"full_name": "Điêu Thị Lả"})
    backups.backup_now()
    backups.restore(early)
    dbfile.close()
    code, err = _check(audited, capsys)
    assert code == 0, err


# ---- records edited outside the program --------------------------------------------------------------------------


def test_a_record_edited_with_a_sqlite_tool_is_found(audited, capsys):
    _sql(audited, "UPDATE person SET phone = '0912345678' WHERE full_name = 'Nguyễn Thị Hương 2'")
    code, err = _check(audited, capsys)
    assert code == 1 and "1 record was changed outside the program" in err and "Nguyễn Thị Hương 2" in err


def test_a_record_removed_with_a_sqlite_tool_is_found(audited, capsys):
    _sql(audited, "DELETE FROM person_fts",
         "DELETE FROM stageevent WHERE person_id = (SELECT id FROM person WHERE full_name = 'Nguyễn Thị Hương 3')",
         "DELETE FROM person WHERE full_name = 'Nguyễn Thị Hương 3'")
    code, err = _check(audited, capsys)
    assert code == 1 and "1 record was removed outside the program" in err


def test_a_record_deleted_by_the_program_and_put_back_by_hand_is_found(audited, capsys):
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.people import dossier
    from desktop_app.store.models import Person

    dbfile.open_file(audited, lock=False)
    item = dossier.save_item(Person.select().first().id, "2-KNĐ", number="07", date="05/01/2026")
    row = sqlite3.connect(audited).execute("SELECT * FROM dossieritem WHERE id = ?", (item.id,)).fetchone()
    dossier.delete_item(item.id)
    dbfile.close()
    conn = sqlite3.connect(audited)
    conn.execute(f"INSERT INTO dossieritem VALUES ({', '.join('?' * len(row))})", row)
    conn.commit()
    conn.close()
    code, err = _check(audited, capsys)
    assert code == 1 and "1 record deleted through the program is back" in err


# ---- an encrypted database: the chain cannot be recomputed without the password ------------------------------------


def test_an_encrypted_trail_cannot_be_recomputed_without_the_password(tmp_path, monkeypatch, capsys):
    from desktop_app import paths
    from desktop_app.services.datafile import dbfile, encryption
    from desktop_app.store import crypto

    path = make_database(tmp_path / "secret.sqlite3", people_count=3)
    dbfile.open_file(path, lock=False)
    encryption.set_password("mật khẩu 2026")
    dbfile.close()
    crypto.forget(path)
    shutil.rmtree(paths.data_dir() / "audit-heads")  # only the chain itself is left to tell
    conn = crypto.connect_raw(path, passphrase="mật khẩu 2026")
    uid = json.loads(conn.execute("SELECT value FROM setting WHERE key = 'database.uid'").fetchone()[0])
    conn.execute("UPDATE auditentry SET after = replace(after, 'Hương 1', 'Hương 8')")
    prev, rows = audit_chain.GENESIS, conn.execute("SELECT id, uid, at, actor, action, table_name, record_uid, "
                                                   "before, after, row_hash, scheme FROM auditentry ORDER BY id")
    for id_, euid, at, actor, action, table, record_uid, before, after, row_hash, scheme in rows.fetchall():
        hash_ = audit_chain.entry_digest(audit_chain.plain_key(uid), scheme, prev, euid, at, actor, action, table,
                                         record_uid, before, after, row_hash)
        conn.execute("UPDATE auditentry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, hash_, id_))
        prev = hash_
    conn.commit()
    conn.close()
    monkeypatch.setenv("SOCHIBO_PASSWORD", "mật khẩu 2026")
    code, err = _check(path, capsys)
    assert code == 1 and "of the audit trail were changed after they were written" in err


def test_a_new_password_keeps_what_the_check_found(tmp_path, capsys, monkeypatch):
    from desktop_app.services.datafile import dbfile, encryption

    path = make_database(tmp_path / "secret.sqlite3", people_count=3)
    _sql(path, "UPDATE auditentry SET actor = 'someone else' WHERE id = 2")
    dbfile.open_file(path, lock=False)
    encryption.set_password("first-pass")
    encryption.change_password("first-pass", "second-pass")
    dbfile.close()
    monkeypatch.setenv("SOCHIBO_PASSWORD", "second-pass")
    code, err = _check(path, capsys)
    assert code == 1 and "Entry 2 of the audit trail was changed" in err
    assert "Entr" not in err.split("Entry 2", 1)[1]  # the entries after it verify under the new key


# ---- the head of the trail damaged: named, and repaired with an entry saying who and why --------------------------


def test_a_damaged_head_is_named_on_every_write_and_the_repair_puts_it_right(audited, capsys, tmp_path):
    from desktop_app.services.common import audit_head
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.people import people
    from desktop_app.store.models import AuditEntry

    _sql(audited, "UPDATE setting SET value = '{not json' WHERE key = 'audit.head'")
    dbfile.open_file(audited, lock=False)
    with pytest.raises(audit_head.AuditTrailError) as refused:
        people.create_person({"full_name": "Lò Thị Hoa"})
    assert refused.value.problem == audit_head.HEAD_UNREADABLE
    assert "đầu nhật ký" in str(refused.value) and "Sửa chữa nhật ký" in str(refused.value)
    dbfile.close()
    capsys.readouterr()
    assert main(["--lang", "en", "export", "members", "--db", str(audited), "-o", str(tmp_path / "m.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "audit trail is damaged" in err and "unexpected" not in err and not (tmp_path / "m.xlsx").exists()
    code, err = _check(audited, capsys)
    assert code == 1 and "(its head) is damaged" in err
    assert main(["--lang", "en", "repair", "--db", str(audited), "--by", "Lò Văn Pấng, văn phòng Đảng ủy",
                 "--reason", "Tệp bị sửa bằng công cụ SQLite khi thử nghiệm"]) == 0
    out = capsys.readouterr().out
    assert "Found: The record of the audit trail's newest entry (its head) is damaged" in out
    assert _check(audited, capsys)[0] == 0
    dbfile.open_file(audited, lock=False)
    people.create_person({"full_name": "Lò Thị Hoa"})
    repair = AuditEntry.select().where(AuditEntry.action == "repair").get()
    details = json.loads(repair.after)
    assert details["by"] == "Lò Văn Pấng, văn phòng Đảng ủy" and "SQLite" in details["reason"]
    assert details["found"] and repair.actor
    dbfile.close()


def test_the_repair_takes_records_as_they_are_and_says_so(audited, capsys):
    from desktop_app.services.datafile import dbfile
    from desktop_app.store.models import AuditEntry

    _sql(audited, "UPDATE person SET phone = '0912345678' WHERE full_name = 'Nguyễn Thị Hương 2'")
    _sql(audited, "DELETE FROM auditentry WHERE id = 3")
    assert main(["repair", "--db", str(audited), "--by", "Lò Văn Pấng", "--reason",
                 "Số điện thoại sửa trực tiếp theo đề nghị của đảng viên"]) == 0
    assert _check(audited, capsys)[0] == 0
    dbfile.open_file(audited, lock=False)
    taken = AuditEntry.select().where((AuditEntry.action == "repair") & (AuditEntry.table == "person")).get()
    assert json.loads(taken.after)["phone"] == "0912345678"
    dbfile.close()


def test_repairing_an_intact_trail_is_refused(audited, capsys):
    capsys.readouterr()
    assert main(["--lang", "en", "repair", "--db", str(audited), "--by", "A", "--reason", "nothing wrong at all"]) == 1
    assert "nothing to repair" in capsys.readouterr().err


def test_the_repair_needs_a_name_and_a_reason(audited, capsys):
    _sql(audited, "UPDATE auditentry SET actor = 'x' WHERE id = 2")
    capsys.readouterr()
    assert main(["--lang", "en", "repair", "--db", str(audited), "--by", " ", "--reason", "ok"]) == 1
    err = capsys.readouterr().err
    assert "is required" in err and "at least 10 characters" in err


# ---- the reserved settings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["audit.head", "database.uid", " audit.head "])
def test_the_settings_service_refuses_the_reserved_keys(audited, key):
    from desktop_app.services.common import settings
    from desktop_app.services.common.errors import ValidationError
    from desktop_app.services.datafile import dbfile

    dbfile.open_file(audited, lock=False)
    try:
        with pytest.raises(ValidationError):
            settings.set(key, {"hash": "0" * 64, "count": 0})
    finally:
        dbfile.close()
