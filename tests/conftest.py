"""Shared fixtures: every test gets its own app folders and, when asked, a fresh database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from desktop_app import i18n  # noqa: E402
from desktop_app.core import clock  # noqa: E402
from desktop_app.ui.pyside_compat import protect_singletons  # noqa: E402

protect_singletons()  # PySide6 6.12 on Python 3.11 gives away references to None (see the module)


def pytest_addoption(parser):
    parser.addoption("--sweep", action="store_true",
                     help="also run the tests marked sweep (every document for every branch of the commune demo)")


# The moment every test starts at: the suite never depends on the day it runs (core/clock.py).
TEST_NOW = dt.datetime(2026, 11, 21, 9, 0)


@pytest.fixture(autouse=True)
def _pinned_clock():
    """The app's clock reads TEST_NOW when a test starts; a test moves it with ``clock.pin(day)``."""
    clock.pin(TEST_NOW)
    yield
    clock.set_source(None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SOCHIBO_HOME", str(home))
    i18n.set_language("vi")
    yield home
    i18n.set_language("vi")


# ---- the two engines -----------------------------------------------------------------------------
# Every test that uses a database (the ``db`` fixture, or ``engine`` for tests that open their own) runs
# on a SQLite file and on a PostgreSQL server. .ci/run starts a throwaway server and names it here;
# without it (a quick run on a developer's machine) only the file half runs, and the header says so.
POSTGRES_ENV = "SOCHIBO_TEST_POSTGRES"  # postgresql://postgres@127.0.0.1:PORT/postgres, a superuser's address


def pytest_configure(config):
    config.addinivalue_line("markers", "file_only: about SQLite files themselves (WAL, locks, encryption, "
                                       "damaged files): runs on the file engine only")
    config.addinivalue_line("markers", "server_only: about the server itself (its schema table, its locks, "
                                       "several clients): runs on the PostgreSQL engine only")
    config.addinivalue_line("markers", "sweep: a long, complete check run by .ci/run with --sweep")


def pytest_report_header(config):
    if os.environ.get(POSTGRES_ENV):
        return f"database engines: sqlite, postgresql ({os.environ[POSTGRES_ENV]})"
    return f"database engines: sqlite only ({POSTGRES_ENV} is not set: the PostgreSQL half is not run)"


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        marked = metafunc.definition.get_closest_marker
        engines = ["sqlite"] if marked("file_only") else ["postgresql"] if marked("server_only") else \
            ["sqlite", "postgresql"]
        metafunc.parametrize("engine", engines, indirect=True)


def pytest_collection_modifyitems(config, items):
    """Without a test server, the PostgreSQL half is deselected (listed as such), never skipped; tests marked
    sweep run only with --sweep (.ci/run), otherwise they are deselected too."""
    dropped = set()
    if not os.environ.get(POSTGRES_ENV):
        dropped |= {i for i in items
                    if getattr(i, "callspec", None) and i.callspec.params.get("engine") == "postgresql"}
    if not config.getoption("--sweep"):
        dropped |= {i for i in items if i.get_closest_marker("sweep") is not None}
    if dropped:
        config.hook.pytest_deselected(items=[i for i in items if i in dropped])
        items[:] = [i for i in items if i not in dropped]


@pytest.fixture(scope="session")
def postgres_server():
    """The test server: a database of its own for this run, migrated once, dropped at the end. A test that
    asks for it also asks for ``engine`` (so that it is deselected, with the rest of the server half, when
    no server is named)."""
    from tests.pg_server import TestServer

    if not os.environ.get(POSTGRES_ENV):
        pytest.fail(f"{POSTGRES_ENV} is not set: this test needs the test PostgreSQL server (see .ci/run)")

    server = TestServer(os.environ[POSTGRES_ENV])
    yield server
    server.drop_all()


@pytest.fixture
def engine(request):
    """"sqlite" or "postgresql": the engine this run of the test uses."""
    return request.param


@pytest.fixture
def db_location(engine, tmp_path, request):
    """Where this test's database is: a new file, or the test server's database (emptied) as an address."""
    if engine == "sqlite":
        return tmp_path / "test.sqlite3"
    return request.getfixturevalue("postgres_server").fresh_address()


@pytest.fixture
def empty_location(engine, tmp_path, request):
    """A database that does not exist yet: a new file's path, or a new, empty server database's address
    (for tests that build an older schema and migrate it)."""
    if engine == "sqlite":
        return tmp_path / "empty.sqlite3"
    return request.getfixturevalue("postgres_server").new_database("empty")


@pytest.fixture
def db(db_location):
    """A migrated, empty database bound to the models, on the engine of this run; closed afterwards."""
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    real = open_database(db_location)
    yield real
    store_db.close()


@pytest.fixture
def org(db):
    """An organisation with one branch, through the services."""
    from desktop_app.services.organisation import branches, organisation

    o = organisation.save_organisation({"name": "Đảng bộ xã Mường Ảng", "superior_body": "Đảng bộ tỉnh Điện Biên",
                                        "place": "Mường Ảng", "issuer_code": "ĐU", "term": "2025-2030"})
    b = branches.create_branch({"code": "CB01", "name": "Chi bộ bản Co Muông", "kind": "village", "rural": True})
    return o, b
