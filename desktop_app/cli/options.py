"""The options the commands share, read into what the services take: the database file, a branch code,
a month, a workbook to write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop_app.cli.parser import UsageError
from desktop_app.i18n import _


def db_path(args, *, must_exist: bool):
    """The database named by --db: a file path, or a server's address (``postgresql://…``, read first)."""
    from desktop_app import paths
    from desktop_app.store import opening

    if not args.db:
        path = paths.default_db_path()
    else:
        try:
            path = opening.locate(args.db)
        except opening.BadAddressError as exc:
            raise UsageError(_("“{text}” is not a server address: write postgresql://user@host:port/database "
                               "({detail}).").format(text=args.db, detail=exc)) from None
    if opening.is_server(path):
        return path
    if must_exist and not path.exists():
        raise UsageError(_("Database not found: {path}").format(path=path))
    if path.exists() and path.is_dir():
        raise UsageError(_("{path} is a folder, not a database file.").format(path=path))
    return path


def open_database(path, *, create: bool = False):
    """Open and migrate the database, with the user's calendar and rule settings (the lock is taken by main)."""
    from desktop_app.services.datafile import dbfile

    return dbfile.open_file(path, create=create, lock=False)


def file_version(path) -> int:
    """The schema version written in the file (or server database), read without migrating it."""
    from desktop_app.store import crypto, opening

    if opening.is_server(path):
        from desktop_app.store import migrations, server

        real = server.database(path)
        try:
            return migrations.schema_version(real)
        finally:
            real.close()

    conn = crypto.connect_raw(path, readonly=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def branch_option(code: str | None) -> int | None:
    if not code:
        return None
    from desktop_app.services.organisation import branches

    branch_id = branches.id_for_code(code)
    if branch_id is None:
        raise UsageError(_("No branch has the code {code}.").format(code=code))
    return branch_id


def month_option(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        year, month = (int(p) for p in text.split("-"))
        dt.date(year, month, 1)
        return year, month
    except ValueError:
        raise UsageError(_("Month must be written as YYYY-MM, e.g. 2026-11.")) from None


def xlsx_option(value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() != ".xlsx":
        raise UsageError(_("The workbook to write must end in .xlsx: {path}").format(path=path))
    if path.is_dir():
        raise UsageError(_("{path} is a folder, not a file.").format(path=path))
    return path
