"""The translated sentence for a failure a user can act on — refused input, a file that is not a database,
a missing or unwritable file — shared by the window and the command line. None means a bug."""

from __future__ import annotations

import sqlite3

from desktop_app.i18n import _
from desktop_app.services.common.errors import Cancelled, ServiceError, ValidationError
from desktop_app.store.backup import BackupError
from desktop_app.store.db import NotADatabaseError
from desktop_app.store.migrations import SchemaTooNewError


def explain_failure(exc: BaseException) -> str | None:
    """A translated message for *exc*; None when it is not a failure the user can act on."""
    from desktop_app.services.common.environment import explain_server_error

    server = explain_server_error(exc)
    if server is not None:
        return server
    if isinstance(exc, ValidationError):
        return "\n".join(exc.errors.values())
    if isinstance(exc, Cancelled):
        return _("Stopped before the end: nothing was changed.")
    if isinstance(exc, ServiceError):
        return str(exc)
    from desktop_app.services.common.environment import explain_environment_error

    environmental = explain_environment_error(exc)  # a full disk, a read-only folder, a missing password…
    if environmental is not None:
        return environmental
    if isinstance(exc, NotADatabaseError):
        return _("{path} is not a database of this program, or it is damaged.").format(path=exc)
    if isinstance(exc, SchemaTooNewError):
        return _("This database was written by a newer version of Sổ Chi bộ (schema {found}; this program "
                 "knows up to {supported}). Install the newer version to open it.").format(
            found=exc.found, supported=exc.supported)
    if isinstance(exc, BackupError):
        return _("The backup could not be made or used: {detail}").format(detail=exc)
    if isinstance(exc, sqlite3.DatabaseError):
        return _("The database could not be read: {detail}").format(detail=exc)
    if isinstance(exc, FileNotFoundError):
        return _("File not found: {path}").format(path=exc.filename or exc)
    if isinstance(exc, PermissionError):
        return _("Permission denied: {path}").format(path=exc.filename or exc)
    if isinstance(exc, OSError) and getattr(exc, "errno", None) == 28:
        return _("The disk is full.")
    if isinstance(exc, OSError):
        return _("The file could not be read or written: {detail}").format(detail=exc)
    return None
