"""Whole databases between the engines: a server database written out as one SQLite file (its backup, which
opens offline in the app) and such a file loaded into an empty server database (its restore). No external
tool: rows travel through the two drivers.

Every table both sides hold is copied, column by column where the names agree, parents before children
(read from the foreign keys, so tables added by later migrations come along). The search index's rows are
copied too: they hold the same folded text on both engines. The server is read in one REPEATABLE READ,
READ ONLY transaction, so the file is one consistent moment even while others write.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from desktop_app.store import bulk, dialect, migrations

_BATCH = 5000


class TransferError(Exception):
    """The copy could not be made; ``str()`` is a short English reason for the log."""


def _order(tables: Iterable[str], parents_of) -> list[str]:
    """*tables* with every table after those its foreign keys point to (cycles keep their given order)."""
    tables = sorted(tables)
    done: list[str] = []
    visiting: set[str] = set()

    def visit(table: str) -> None:
        if table in done or table in visiting:
            return
        visiting.add(table)
        for parent in parents_of(table):
            if parent in tables and parent != table:
                visit(parent)
        visiting.discard(table)
        done.append(table)

    for table in tables:
        visit(table)
    return done


def _file_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    return ["rowid", *columns] if table in dialect.SEARCH_TABLES else columns


def _file_tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _to_file(value):
    """A server value as SQLite stores it (peewee's own text forms)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def server_to_file(db, target: str | Path) -> Path:
    """Write the server database *db* (peewee, connected) to the new SQLite file *target*, verified before it
    gets its name. Raises TransferError."""
    from peewee import SqliteDatabase

    from desktop_app.store import backup

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    try:
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            version = migrations.schema_version(db)
            file_db = SqliteDatabase(str(part))
            migrations.run(file_db, migrations.MIGRATIONS[:[v for v, _m in migrations.MIGRATIONS].index(version) + 1])
            file_db.close()
            conn = sqlite3.connect(part)
            try:
                tables = _file_tables(conn) & set(db.get_tables())
                parents = {t: [fk.dest_table for fk in db.get_foreign_keys(t)] for t in tables}
                _clear_seeds(conn.execute)  # the copy is the server's, its identity included
                for table in _order(tables, parents.get):
                    _copy_to_file(db, conn, table)
                conn.commit()
                problems = backup.integrity_problems(conn)
            finally:
                conn.close()
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise TransferError(f"the copy could not be written: {exc}") from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    if problems:
        part.unlink(missing_ok=True)
        raise TransferError("the copy failed its integrity check: " + "; ".join(problems[:3]))
    backup._fsync(part)
    os.replace(part, target)
    return target


def _copy_to_file(db, conn: sqlite3.Connection, table: str) -> None:
    server_columns = {c.name for c in db.get_columns(table)} | ({"rowid"} if table in dialect.SEARCH_TABLES else set())
    columns = [c for c in _file_columns(conn, table) if c in server_columns]
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    with db.connection().cursor(name=f"copy_{table}") as cursor:  # streamed, not loaded whole
        cursor.itersize = _BATCH
        cursor.execute(f'SELECT {names} FROM "{table}" ORDER BY 1')
        while rows := cursor.fetchmany(_BATCH):
            conn.executemany(insert, [tuple(_to_file(v) for v in row) for row in rows])


# Rows the migrations write into a new database of their own (its identity, which keys the audit trail): a
# copy replaces them with the source's, and they do not make a database hold data.
_SEEDED = {"setting": "\"key\" = 'database.uid'"}


def _clear_seeds(execute) -> None:
    for table, where in _SEEDED.items():
        execute(f'DELETE FROM "{table}" WHERE {where}')


def is_empty(db) -> bool:
    """True when no table of the server database *db* holds a row (the schema may be there, and the rows the
    migrations seed)."""
    for table in db.get_tables():
        if table == dialect.VERSION_TABLE:
            continue
        seeded = _SEEDED.get(table)
        where = f" WHERE NOT ({seeded})" if seeded else ""
        if db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}"{where})').fetchone()[0]:
            return False
    return True


def file_to_server(source: str | Path, db) -> dict[str, int]:
    """Load the SQLite file *source* (sound, of this schema version) into the empty server database *db*
    (peewee, connected, migrated), in one transaction; returns the rows copied per table."""
    source = Path(source)
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    try:
        tables = _file_tables(conn) & set(db.get_tables())
        parents = {t: [fk.dest_table for fk in db.get_foreign_keys(t)] for t in tables}
        with db.atomic():
            bulk.defer_foreign_keys(db)
            _clear_seeds(db.execute_sql)  # the file's identity comes with its trail
            for table in _order(tables, parents.get):
                server_columns = {c.name for c in db.get_columns(table)}
                columns = [c for c in _file_columns(conn, table) if c in server_columns or c == "rowid"]
                names = ", ".join(f'"{c}"' for c in columns)
                cursor = conn.execute(f'SELECT {names} FROM "{table}"')
                count = 0
                while rows := cursor.fetchmany(_BATCH):
                    bulk.insert_rows(db, table, columns, rows)
                    count += len(rows)
                copied[table] = count
            bulk.sync_ids(db, [t for t in tables if "id" in {c.name for c in db.get_columns(t)}])
    except sqlite3.Error as exc:
        raise TransferError(f"the file could not be read: {exc}") from exc
    finally:
        conn.close()
    return copied
