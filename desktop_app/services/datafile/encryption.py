"""An optional password that encrypts the whole database file (SQLCipher, AES-256).

Setting, changing or removing it writes a re-encrypted copy next to the file, checks the copy, then
puts it in the file's place, so a failure at any point leaves the original as it was. The password
is never stored; forgetting it means the data cannot be read (backups made with the password need it
too). Backups made before a password was set stay readable without it: ``set_password`` returns them
so the user can be offered to delete them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.datafile import trail_keys
from desktop_app.store import crypto, schema
from desktop_app.store import db as store_db

log = logging.getLogger(__name__)

MIN_LENGTH = 6


def available() -> bool:
    """True when this installation can encrypt (the sqlcipher3 package is present)."""
    return crypto.available()


def is_protected(path: str | Path | None = None) -> bool:
    path = Path(path) if path else store_db.current_path()
    return path is not None and crypto.needs_key(path)


def unlock(path: str | Path, password: str) -> None:
    """Check *password* against the encrypted file *path* and use it from now on.
    Raises ServiceError when it does not open the file."""
    path = Path(path)
    try:
        conn = crypto.connect_raw(path, readonly=True, passphrase=password)
    except crypto.WrongPasswordError:
        raise ServiceError(_("Wrong password.")) from None
    except crypto.EncryptionUnavailableError:
        raise ServiceError(_("Password protection needs the sqlcipher3 package, which is not installed.")) from None
    conn.close()
    crypto.remember(path, password)


def _check_new(password: object, field: str = "password") -> str:
    if not isinstance(password, str) or len(password.strip()) < MIN_LENGTH:
        raise ValidationError({field: _("The password must have at least {n} characters.").format(n=MIN_LENGTH)})
    if len(password) > 200 or not password.isprintable():
        raise ValidationError({field: _("The password may not contain control characters or be that long.")})
    return password


def _open_path() -> Path:
    path = store_db.current_path()
    if path is None or store_db.database.obj.is_closed():
        raise ServiceError(_("No database is open."))
    if not available():
        raise ServiceError(_("Password protection needs the sqlcipher3 package, which is not installed."))
    return path


def _reencrypt(path: Path, old_key: str | None, new_key: str | None, action: str) -> None:
    """Replace *path* by a copy encrypted with *new_key* (None: plain), then reopen it."""
    tmp = path.with_name(path.name + ".rekey")
    store_db.close()  # checkpoints the WAL into the file
    try:
        mapping = trail_keys.write_copy(path, tmp, source_key=old_key, target_key=new_key)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        crypto.remember(path, old_key)
        schema.open_database(path, create=False)
        raise
    crypto.remember(path, new_key)
    schema.open_database(path, create=False)
    trail_keys.rekey_anchor(path, mapping)
    with atomic():
        audit.record(action, "database", "", None, {"file": path.name})
    log.info("database %s: %s", path, action)


def set_password(password: str) -> list[Path]:
    """Encrypt the open (plain) database with *password*. Returns the unprotected backups of it that
    still exist, for the user to delete if they wish (services.backups.delete)."""
    path = _open_path()
    _check_new(password)
    if is_protected(path):
        raise ServiceError(_("The database already has a password; change it instead."))
    _reencrypt(path, None, password, "password set")
    from desktop_app.services.datafile import backups

    return [b.path for b in backups.list_backups() if not crypto.needs_key(b.path)]


def change_password(old: str, new: str) -> None:
    path = _open_path()
    if not is_protected(path):
        raise ServiceError(_("The database has no password yet."))
    if old != crypto.key_for(path):
        raise ValidationError({"old": _("Wrong password.")})
    _check_new(new, "new")
    _reencrypt(path, old, new, "password changed")


def remove_password(current: str) -> None:
    """Store the open database unencrypted again (after confirming the current password)."""
    path = _open_path()
    if not is_protected(path):
        return
    if current != crypto.key_for(path):
        raise ValidationError({"old": _("Wrong password.")})
    _reencrypt(path, current, None, "password removed")


def lock(path: str | Path | None = None) -> None:
    """Forget the password of *path* (the idle lock): the next open asks for it again."""
    path = Path(path) if path else store_db.current_path()
    if path is not None:
        crypto.forget(path)
