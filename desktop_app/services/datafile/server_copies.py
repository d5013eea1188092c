"""Backups of a server database and their restore: the server written out as one SQLite file (which opens
offline in the app, and is checked like any backup), and such a file loaded into an empty server database.

Kept apart from the file backups (``backups``): a server is never replaced, only filled when empty, and
its copies are named after the database (``<dbname>-YYYYMMDD-HHMMSS.sqlite3``).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from desktop_app.core import clock
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.common.recorded_files import recorded_file
from desktop_app.store import backup, migrations, schema, transfer
from desktop_app.store import db as store_db
from desktop_app.store.server import ServerAddress

log = logging.getLogger(__name__)


def backup_server(target: str | Path | None = None, folder: str | Path | None = None) -> Path:
    """Write the open server database to the SQLite file *target* (default: a new file in *folder*, named
    after the database), verified, and audit it."""
    address = store_db.current_location()
    if not isinstance(address, ServerAddress):
        raise ServiceError(_("No server database is open."))
    if target is None:
        if folder is None:
            raise ServiceError(_("Choose where to write the backup."))
        target = backup.unique_target(Path(folder) / backup.backup_name(Path(address.dbname), clock.now()))
    try:
        with recorded_file(target, "backup", "database", {}):  # recorded first: no copy without its entry
            written = transfer.server_to_file(store_db.database.obj, target)
    except transfer.TransferError as exc:
        raise ServiceError(_("The backup could not be made: {detail}").format(detail=exc)) from exc
    log.info("server %s backed up to %s", address, written)
    return written


def restore_into_server(source: str | Path, address: ServerAddress) -> dict[str, int]:
    """Load the backup file *source* into the empty server database at *address* (its schema is created when
    missing) and open it; the rows copied per table. Refused, with nothing written, when the server database
    already holds data or the file is not a sound backup of this program."""
    source = Path(source)
    if not source.is_file():
        raise ServiceError(_("Backup not found: {path}").format(path=source))
    problems = backup.check_file(source)
    if problems:
        raise ServiceError(_("The backup {path} is damaged and cannot be restored: {detail}").format(
            path=source, detail="; ".join(problems[:3])))
    store_db.close()
    with tempfile.TemporaryDirectory(prefix="sochibo-restore-") as folder:
        copy = Path(folder) / "restore.sqlite3"
        shutil.copyfile(source, copy)  # brought to this program's schema first, the backup itself untouched
        schema.open_database(copy, create=False)
        store_db.close()
        real = schema.open_database(address)
        if not transfer.is_empty(real):
            store_db.close()
            raise ServiceError(_("The server database {address} already holds data. A backup is restored only "
                                 "into a new, empty database: create one on the server and restore into it.")
                               .format(address=address))
        if migrations.schema_version(real) != migrations.SCHEMA_VERSION:
            raise ServiceError(_("The server database could not be prepared for the restore."))
        copied = transfer.file_to_server(copy, real)
    with store_db.database.atomic():
        audit.record("restore", "database", "", None, {"from": str(source), "rows": sum(copied.values())})
    log.info("restored %s into %s: %s", source, address, copied)
    return copied
