"""The schema on a PostgreSQL server: created by the first client, refused when newer or foreign, with the
types and orderings that make a server behave as a file does."""

from __future__ import annotations

import threading

import psycopg
import pytest

from desktop_app.store import db as store_db
from desktop_app.store import migrations, opening
from desktop_app.store.models import Branch, Organisation, Person
from desktop_app.store.schema import open_database

pytestmark = pytest.mark.server_only


def test_an_empty_server_database_gets_the_whole_schema(empty_location):
    real = open_database(empty_location)
    assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
    types = dict(real.execute_sql(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'branch'").fetchall())
    assert types["active"] == "boolean" and types["created_at"] == "timestamp without time zone"
    assert types["id"] == "integer" and types["name_fold"] == "text"
    # Text sorts byte for byte, as in a file (SQLite's BINARY), whatever the server's locale.
    collations = {c for (c,) in real.execute_sql(
        "SELECT DISTINCT collation_name FROM information_schema.columns WHERE table_name = 'person' "
        "AND data_type IN ('text', 'character varying')").fetchall()}
    assert collations == {"C"}
    org = Organisation.create(name="Đảng bộ")
    branch = Branch.create(organisation=org, code="CB01", name="Chi bộ 1")
    names = ["Đặng Văn Ba", "an Thị Bé", "Zô Văn Dũng", "Ánh"]
    for name in names:
        Person.create(full_name=name, branch=branch, sort_key=name)
    assert [p.full_name for p in Person.select().order_by(Person.sort_key)] == sorted(names)
    store_db.close()


def test_a_newer_server_database_is_refused_and_left_unchanged(empty_location):
    open_database(empty_location)
    store_db.close()
    with psycopg.connect(empty_location, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = %s", (migrations.SCHEMA_VERSION + 1,))
    with pytest.raises(migrations.SchemaTooNewError) as info:
        open_database(empty_location)
    assert info.value.found == migrations.SCHEMA_VERSION + 1
    with psycopg.connect(empty_location, autocommit=True) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == migrations.SCHEMA_VERSION + 1


def test_a_database_of_another_program_is_never_touched(empty_location):
    with psycopg.connect(empty_location, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(opening.NotADatabaseError):
        open_database(empty_location)
    with psycopg.connect(empty_location, autocommit=True) as conn:
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert tables == ["invoices"]


def test_two_clients_starting_at_once_migrate_once(empty_location):
    """The first client creates the schema; the second waits for it and finds nothing left to do."""
    from desktop_app.store import server

    address = opening.locate(empty_location)
    results, errors = [], []

    def start():
        try:
            real = server.database(address)
            try:
                results.append(migrations.run(real))
            finally:
                real.close()
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert sorted(results, key=len) == [[], [v for v, _m in migrations.MIGRATIONS]]
