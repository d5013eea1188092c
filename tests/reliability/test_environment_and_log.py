"""Problems of the computer are explained apart from bugs (services.environment), and the log file
rotates (logsetup)."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

import peewee
import pytest

from desktop_app import i18n, logsetup
from desktop_app.cli import explain as _explain
from desktop_app.services.common.environment import explain_environment_error
from desktop_app.store import crypto
from desktop_app.store.backup import DamagedDatabaseError
from desktop_app.store.lock import DatabaseLockedError, LockOwner


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")


@pytest.mark.parametrize("exc, words", [
    (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    (sqlite3.OperationalError("database or disk is full"), "disk is full"),
    (peewee.OperationalError("database or disk is full"), "disk is full"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/usb/x"), "read-only"),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/x.sqlite3"), "Permission denied"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    (peewee.OperationalError("database is locked"), "busy in another program"),
    (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    (peewee.OperationalError("disk I/O error"), "USB"),
    (DatabaseLockedError(Path("/d/x.sqlite3"), LockOwner(4242, "pc-01", "sochibo")), "4242"),
    (DamagedDatabaseError(Path("/d/x.sqlite3"), ["Page 84: btreeInitPage() returns error code 11"]), "damaged"),
    (crypto.EncryptedDatabaseError(Path("/d/x.sqlite3")), "password"),
    (crypto.WrongPasswordError(Path("/d/x.sqlite3")), "password"),
])
def test_environmental_errors_are_explained(exc, words):
    message = explain_environment_error(exc)
    assert message is not None and words in message
    assert _explain(exc) == message  # the command line says the same


@pytest.mark.parametrize("exc", [ValueError("bug"), KeyError("x"), TypeError("y"), AttributeError("z"),
                                 sqlite3.OperationalError("no such column: frob")])
def test_bugs_are_not_passed_off_as_environment(exc):
    assert explain_environment_error(exc) is None


def test_log_file_rotates(monkeypatch):
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2000)
    logsetup.detach()
    path = logsetup.configure()
    try:
        for i in range(200):
            logging.getLogger("test.rotation").warning("line %d %s", i, "x" * 40)
        assert path.exists() and path.stat().st_size <= 2200
        assert path.with_name(path.name + ".1").exists()
        assert len(list(path.parent.glob(path.name + ".*"))) <= logsetup.BACKUP_COUNT
    finally:
        logsetup.detach()


def test_log_follows_the_app_folder(tmp_path, monkeypatch):
    first = logsetup.configure()
    monkeypatch.setenv("SOCHIBO_HOME", str(tmp_path / "other"))
    second = logsetup.configure()
    try:
        assert second != first and second.parent == tmp_path / "other" / "log"
    finally:
        logsetup.detach()
