"""Fixtures of the view tests: the seeded branch and a view shown on a context with a fixed today."""

from __future__ import annotations

import pytest
from ui_helpers import TODAY, context_on, seed


@pytest.fixture
def data(org):
    """The branch of ``org`` filled by ``ui_helpers.seed``: its id under "branch", then the people's ids."""
    _org, branch = org
    return {"branch": branch.id, **seed(branch.id)}


@pytest.fixture
def show_view(qtbot):
    """``show_view(ViewClass, today=TODAY)``: the view on a fresh context, shown."""
    def make(view_class, today=TODAY):
        view = view_class(context_on(today))
        qtbot.addWidget(view)
        view.show()
        return view
    return make
