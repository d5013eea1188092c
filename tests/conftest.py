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


@pytest.fixture
def db(tmp_path):
    """A migrated, empty database bound to the models; closed afterwards."""
    from desktop_app.store import db as store_db
    from desktop_app.store.schema import open_database

    real = open_database(tmp_path / "test.sqlite3")
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
