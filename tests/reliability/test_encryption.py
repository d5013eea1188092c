"""The optional database password (services.encryption, store.crypto; SQLCipher)."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.datafile import backups, encryption, maintenance
from desktop_app.services.people import people
from desktop_app.store import crypto
from desktop_app.store import db as store_db
from desktop_app.store.models import AuditEntry, Person
from desktop_app.store.schema import open_database
from tests.reliability.helpers import fill, run_program

pytestmark = pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")


@pytest.fixture
def protected(tmp_path):
    path = tmp_path / "secret.sqlite3"
    open_database(path)
    fill(12)
    old_backup = backups.backup_now().path
    unprotected = encryption.set_password("mật khẩu 123")
    yield path, old_backup, unprotected
    store_db.close()
    crypto.forget(path)


def test_set_password_encrypts_the_file_and_keeps_the_data(protected):
    path, old_backup, unprotected = protected
    assert not crypto.has_plain_header(path)
    assert b"Nguy" not in path.read_bytes()  # no readable names left in the file
    assert Person.select().count() == 12
    assert unprotected == [old_backup]
    assert AuditEntry.select().where(AuditEntry.action == "password set").count() == 1
    assert maintenance.check().healthy


def test_without_the_password_the_file_does_not_open(protected, capsys):
    path, _b, _u = protected
    store_db.close()
    crypto.forget(path)
    with pytest.raises(crypto.EncryptedDatabaseError):
        open_database(path, create=False)
    assert maintenance.startup_check(path).status == maintenance.PASSWORD
    with pytest.raises(ServiceError):
        encryption.unlock(path, "wrong password")
    assert main(["--lang", "en", "check", "--db", str(path)]) == 1
    assert "password" in capsys.readouterr().err
    encryption.unlock(path, "mật khẩu 123")
    open_database(path, create=False)
    assert Person.select().count() == 12


def test_commands_read_the_password_from_the_environment(protected, tmp_path):
    path, _b, _u = protected
    store_db.close()
    ok = run_program("check", "--db", str(path), home=tmp_path, env={"SOCHIBO_PASSWORD": "mật khẩu 123"})
    assert ok.returncode == 0, ok.stderr
    wrong = run_program("check", "--db", str(path), home=tmp_path, env={"SOCHIBO_PASSWORD": "nope nope"})
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "ERROR CORE" not in wrong.stderr  # SQLCipher's own log stays quiet


def test_backups_of_a_protected_database_are_protected_and_restorable(protected):
    path, _b, _u = protected
    info = backups.backup_now()
    assert not crypto.has_plain_header(info.path)
    assert backups.verify(info) == []
    people.create_person({"full_name": "Người thứ mười ba"})
    backups.restore(info.path)
    assert Person.select().count() == 12


def test_change_and_remove_the_password(protected):
    path, _b, _u = protected
    with pytest.raises(ValidationError):
        encryption.change_password("not it", "mới mới mới")
    with pytest.raises(ValidationError):
        encryption.change_password("mật khẩu 123", "short")
    encryption.change_password("mật khẩu 123", "mới mới mới")
    store_db.close()
    crypto.forget(path)
    with pytest.raises(ServiceError):
        encryption.unlock(path, "mật khẩu 123")
    encryption.unlock(path, "mới mới mới")
    open_database(path, create=False)
    encryption.remove_password("mới mới mới")
    assert crypto.has_plain_header(path)
    assert Person.select().count() == 12 and maintenance.check().healthy


def test_a_weak_password_is_refused_and_nothing_changes(tmp_path):
    path = tmp_path / "plain.sqlite3"
    open_database(path)
    fill(2)
    try:
        for bad in ("", "     ", "12345", "abc\x00defgh", None, 123456):
            with pytest.raises(ValidationError):
                encryption.set_password(bad)
        assert crypto.has_plain_header(path)
    finally:
        store_db.close()
