"""Safety nets of the schema: every migration has a test of its own, and a database written by the program of each
released schema version (tests/fixtures, made by tools/schema_fixture.py) opens in this one upgraded, with all its
rows, a sound file and an intact audit trail."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.services.common import settings
from desktop_app.services.datafile import maintenance
from desktop_app.services.people import people, search
from desktop_app.store import db as store_db
from desktop_app.store import migrations
from desktop_app.store.schema import open_database

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
VERSIONS = [version for version, _module in migrations.MIGRATIONS]


def test_every_migration_has_a_test_of_its_own():
    missing = []
    for version, module in migrations.MIGRATIONS:
        test = HERE / f"test_migration_{version:04d}.py"
        if not test.is_file() or not re.search(r"^def test_", test.read_text(encoding="utf-8"), re.MULTILINE):
            missing.append(f"{module}: no tests/store/{test.name} with a test in it")
    orphans = [p.name for p in HERE.glob("test_migration_*.py") if int(p.stem.rsplit("_", 1)[1]) not in VERSIONS]
    assert missing == [] and orphans == []


def test_every_released_schema_version_has_a_fixture_written_by_its_program():
    manifest = json.loads((FIXTURES / "schema_versions.json").read_text(encoding="utf-8"))
    for version in VERSIONS:
        entry = manifest.get(str(version))
        assert entry and (FIXTURES / entry["file"]).is_file() and re.fullmatch(r"[0-9a-f]{40}", entry["commit"]), \
            f"schema version {version}: run python -m tools.schema_fixture on the branch that adds it"


def _counts(path: Path) -> dict[str, int]:
    """Rows of each table; of the settings, those of the user (not the program's bookkeeping: the trail's head,
    the database's identity, which migration 8 adds)."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                             "'sqlite_%' AND name NOT LIKE '%fts_%'")]
        counts = {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
        reserved = list(settings.RESERVED)
        marks = ", ".join("?" * len(reserved))
        counts["setting"] = conn.execute(f"SELECT count(*) FROM setting WHERE key NOT IN ({marks})",
                                         reserved).fetchone()[0]
        return counts


@pytest.mark.parametrize("version", VERSIONS)
def test_a_database_of_each_released_version_opens_upgraded_with_all_its_data(version, tmp_path):
    fixture = FIXTURES / f"schema_v{version}.sqlite3.gz"
    fingerprint = hashlib.sha256(fixture.read_bytes()).hexdigest()
    path = tmp_path / f"v{version}.sqlite3"
    with gzip.open(fixture, "rb") as packed, path.open("wb") as copy:
        shutil.copyfileobj(packed, copy)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    before = _counts(path)
    assert before["person"] and before["meeting"] and before["auditentry"]

    real = open_database(path)
    try:
        assert migrations.schema_version(real) == migrations.SCHEMA_VERSION
        after = _counts(path)
        assert {table: after[table] for table in before} == before
        report = maintenance.check()
        assert report.healthy, report.problems
        listed = people.list_people()
        assert listed and search.search(listed[0].full_name.split()[-1])  # the search index came along
        people.create_person({"full_name": "Lò Văn Mới", "branch": listed[0].branch_id})
        assert maintenance.check(quick=True).healthy  # a write after the upgrade keeps the chain
    finally:
        store_db.close()
    assert hashlib.sha256(fixture.read_bytes()).hexdigest() == fingerprint  # only the copy was touched
