"""What stands around every command: the database's lock for commands that write, the quick check that
refuses a damaged file up front, and failures turned into a sentence (or the log file, for a bug)."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from desktop_app.cli.parser import UsageError
from desktop_app.i18n import _

log = logging.getLogger("desktop_app.cli")

# Commands that write more than an audit entry take the database's lock (store.lock), as the app does.
LOCKING_COMMANDS = ("demo", "import", "restore", "quota", "repair")
# Commands that read the data refuse a damaged file up front (a quick check) rather than half-way.
CHECKED_COMMANDS = ("report", "export", "import", "backup", "demo", "quota")
# Commands that write to the database (an audit entry at least): a read-only file is named as such up front.
WRITING_COMMANDS = ("report", "export", "import", "backup", "demo", "quota", "restore", "repair")


def _target(args) -> Path | None:
    """The database file the command works on; None for a server (no lock file, no file check)."""
    from desktop_app import paths
    from desktop_app.store import server

    if not args.db:
        return paths.default_db_path()
    return None if server.is_address(args.db) else Path(args.db)


def writer_lock(args):
    if args.command not in LOCKING_COMMANDS or (args.command == "import" and args.dry_run):
        return contextlib.nullcontext()
    from desktop_app.store import lock

    path = _target(args)
    if path is None or path.is_dir():  # a server serialises writers itself
        return contextlib.nullcontext()  # the command reports it
    try:
        return lock.acquire(path, program=f"sochibo {args.command}")
    except OSError as exc:  # the lock file cannot be written: say why, not "choose a folder"
        from desktop_app.services.common.environment import LockFileError
        from desktop_app.store import opening

        if opening.read_only(path):
            raise opening.ReadOnlyDatabaseError(path) from exc
        if lock.lock_path(path).exists():
            raise LockFileError(lock.lock_path(path)) from exc
        raise


def refuse_damaged(args) -> Path | None:
    """The checked file, or None when there was nothing to check. A file found sound before and changed
    since only by this program is not read through again (store.checked)."""
    if args.command not in CHECKED_COMMANDS:
        return None
    from desktop_app.store import backup, checked

    path = _target(args)
    if path is None or not path.is_file():  # a missing file is reported by the command itself
        return None
    from desktop_app.store import opening

    if args.command in WRITING_COMMANDS and opening.read_only(path):
        raise opening.ReadOnlyDatabaseError(path)
    if not checked.unchanged_since_sound(path):
        backup.require_sound(path, quick=True)
    return path


def explain(exc: BaseException) -> str | None:
    """A translated message for failures the user can act on; None for bugs."""
    import peewee

    from desktop_app.services.common.environment import explain_environment_error
    from desktop_app.services.common.failures import explain_failure

    if isinstance(exc, UsageError):
        return str(exc)
    environmental = explain_environment_error(exc)
    if environmental is not None:
        return environmental
    if isinstance(exc, IsADirectoryError):
        return _("{path} is a folder, not a file.").format(path=exc.filename or exc)
    message = explain_failure(exc)
    if message is None and isinstance(exc, peewee.DatabaseError):
        message = _("The database could not be read: {detail}").format(detail=exc)
    return message


def log_unexpected(exc: BaseException) -> Path | None:
    """The log file the details of a bug went to (None if even that failed)."""
    try:
        from desktop_app import paths

        path = paths.log_dir() / "sochibo.log"
        logging.basicConfig(filename=path, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        log.error("unexpected error", exc_info=exc)
        return path
    except Exception:
        return None
