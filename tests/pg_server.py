"""The PostgreSQL server the tests run on: one database for the run, emptied before each test.

Creating a database per test would cost a tenth of a second each; instead the run's database is migrated
once and every table is emptied (identities restarted) when a test asks for it. A test that needs a
database of its own (an older schema, a second client) gets one from ``new_database``.
"""

from __future__ import annotations

import json
import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg


class TestServer:
    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        try:
            self.admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:  # never skip: a server that .ci/run named must be there
            raise RuntimeError(f"the test PostgreSQL server at {admin_url} cannot be reached: {exc}") from exc
        self.created: list[str] = []
        self.main = self.new_database("run")
        self._migrated = False

    def url(self, dbname: str) -> str:
        parts = urlsplit(self.admin_url)
        return urlunsplit(parts._replace(path="/" + dbname))

    def new_database(self, tag: str) -> str:
        """The address of a new, empty database (dropped at the end of the run)."""
        name = f"sochibo_test_{os.getpid()}_{tag}_{len(self.created)}"
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url(name)

    def fresh_address(self) -> str:
        """The run's database, migrated and with every table emptied."""
        from desktop_app.store import db as store_db
        from desktop_app.store import dialect, schema

        if not self._migrated:
            schema.open_database(self.main)
            store_db.close()
            self._migrated = True
        with psycopg.connect(self.main, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")  # a connection left open by a test shows up here, loudly
            tables = [t for (t,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()
                if t != dialect.VERSION_TABLE]
            conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
            # a new database's own identity, as the migrations give it (it keys the audit trail)
            conn.execute("INSERT INTO setting (uid, key, value) VALUES (%s, 'database.uid', %s)",
                         (str(uuid.uuid4()), json.dumps(str(uuid.uuid4()))))
        return self.main

    def drop_all(self) -> None:
        for name in self.created:
            self.admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                "pg_backend_pid()", (name,))
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin.close()
