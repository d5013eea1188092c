"""A database with two branches for the import and export tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def branches(org):
    """CB01 (from the shared fixture) and CB02."""
    from desktop_app.services.organisation import branches as branch_service

    _, first = org
    second = branch_service.create_branch({"code": "CB02", "name": "Chi bộ thôn Nà Sản", "kind": "village"})
    return first, second
