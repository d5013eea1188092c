"""The overview's figures kept at closing (ui.overview_snapshot): handed back only while the file is exactly as
they were worked out from, shown as being checked, and replaced by the database's as soon as it is open."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from ui_helpers import context_on, seed

from desktop_app import app
from desktop_app.core import clock
from desktop_app.services.datafile import dbfile, encryption
from desktop_app.services.organisation import quotas
from desktop_app.store import db as store_db
from desktop_app.ui import overview_snapshot
from desktop_app.ui.views.dashboard_view import DashboardView, overview_figures

# The snapshot is kept for a file only: a server database is written by others while this PC is closed.
pytestmark = pytest.mark.file_only

YEAR = 2026  # the year of the clock the tests start on (tests/conftest.py)


@pytest.fixture
def closed_file(org, db):
    """A seeded database with a quota, closed as the app leaves it, and the figures worked out from it."""
    assert clock.today().year == YEAR
    _org, branch = org
    seed(branch.id)
    quotas.set_quota(branch.id, YEAR, 4)
    figures = overview_figures(YEAR)
    path = Path(db.database)
    store_db.close()
    return path, figures, branch.id


def counted_independently(path: Path) -> tuple[int, int]:
    """(people in the pipeline, planned this year), read from the file without the app's code."""
    conn = sqlite3.connect(path)
    try:
        planned = conn.execute("SELECT COALESCE(SUM(target), 0) FROM quota WHERE year = ? AND branch_id IS NOT NULL",
                               (YEAR,)).fetchone()[0]
        people = conn.execute("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL AND status IN "
                              "('prospect', 'sympathiser', 'applicant', 'probationary')").fetchone()[0]
    finally:
        conn.close()
    return people, planned


def test_kept_figures_come_back_while_the_file_is_unchanged(closed_file):
    path, figures, _branch = closed_file
    overview_snapshot.save(path, YEAR, figures)
    assert overview_snapshot.load(path, YEAR) == json.loads(json.dumps(figures))
    assert overview_snapshot.load(path, YEAR + 1) is None  # a new year: another quota
    assert overview_snapshot.load(path.with_name("other.sqlite3"), YEAR) is None


def test_a_write_after_closing_makes_the_kept_figures_unusable(closed_file):
    path, figures, branch = closed_file
    overview_snapshot.save(path, YEAR, figures)
    conn = sqlite3.connect(path)  # another program changes the file: one more planned admission
    conn.execute("UPDATE quota SET target = target + 1 WHERE branch_id = ?", (branch,))
    conn.commit()
    conn.close()
    assert overview_snapshot.load(path, YEAR) is None


def test_a_damaged_snapshot_is_ignored(closed_file):
    path, figures, _branch = closed_file
    overview_snapshot.save(path, YEAR, figures)
    (target,) = (Path(overview_snapshot.paths.cache_dir()) / "overview").glob("*.json")
    target.write_text("{not json", encoding="utf-8")
    assert overview_snapshot.load(path, YEAR) is None


def test_the_overview_says_kept_figures_are_being_checked_until_the_database_is_open(qtbot, closed_file):
    path, figures, _branch = closed_file
    view = DashboardView(context_on(clock.today()))  # no database attached yet
    qtbot.addWidget(view)
    view.show_snapshot(json.loads(json.dumps(figures)))
    view.show()  # shown before the database opens: it keeps the kept figures, it does not query
    people, planned = counted_independently(path)
    assert sum(count for _step, count in view.stage_rows()) == people
    assert sum(row[3] for row in view.quota_model.rows) == planned == 4
    assert "đối chiếu" in view.summary.text()  # "checking them against the database"
    dbfile.open_file(path)
    view.context.db_path = path  # the window attaches the database: the overview works its figures out
    view.refresh_if_stale()
    assert "đối chiếu" not in view.summary.text()
    assert sum(count for _step, count in view.stage_rows()) == people
    assert sum(row[3] for row in view.quota_model.rows) == planned


def test_closing_keeps_the_figures_of_the_file_but_never_of_a_protected_one(closed_file, monkeypatch):
    path, figures, _branch = closed_file
    other = path.with_name("other.sqlite3")
    other.write_bytes(path.read_bytes())
    dbfile.open_file(other)  # opened at the start, then another file opened from the File menu
    dbfile.open_file(path)
    app._keep_overview()
    assert not dbfile.is_open()
    assert overview_snapshot.load(path, YEAR) == json.loads(json.dumps(figures))
    assert overview_snapshot.load(other, YEAR) is None  # the figures are kept for the file they come from
    monkeypatch.setattr(encryption, "is_protected", lambda _path=None: True)
    for kept in (Path(overview_snapshot.paths.cache_dir()) / "overview").glob("*.json"):
        kept.unlink()
    dbfile.open_file(path)
    app._keep_overview()
    assert overview_snapshot.load(path, YEAR) is None  # its branch names stay inside the encrypted file
