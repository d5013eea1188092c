"""Writing many rows at once (demo data, imports, restores), as fast as each engine allows: SQLite's
``executemany`` on the open connection, PostgreSQL's COPY. Rows are plain tuples in the order of the
columns named; values may be ISO text for dates and 0/1 for flags (both engines read them so).

Rows written with their own ids leave a server's id counters behind: ``sync_ids`` moves them past the
largest id, so the next record the app creates gets a free one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop_app.store import dialect


def insert_rows(db, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """INSERT *rows* into *table* on the peewee database *db*, inside the caller's transaction."""
    names = ", ".join(f'"{c}"' for c in columns)
    if dialect.is_postgres(db):
        with db.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    db.connection().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def defer_foreign_keys(db) -> None:
    """Check foreign keys at commit rather than at each row, until this transaction ends."""
    if dialect.is_postgres(db):
        db.execute_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        db.execute_sql("PRAGMA defer_foreign_keys = ON")


def sync_ids(db, tables: Iterable[str]) -> None:
    """After rows were written with their own ids: each table's next id follows its largest (server only;
    a file's next id always does)."""
    if not dialect.is_postgres(db):
        return
    for table in tables:
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT max("id") FROM "{table}"), 0) + 1, false)')
