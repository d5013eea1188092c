"""Fixtures of the reliability tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import make_database


@pytest.fixture
def populated(tmp_path) -> Path:
    """A closed database file with an organisation, a branch and 150 people."""
    return make_database(tmp_path / "branch.sqlite3", people_count=150)
