"""The overview: reminders from the rules engine, quota progress and the pipeline counts."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import context_on, seed

from desktop_app.core.enums import Stage
from desktop_app.services.organisation import quotas
from desktop_app.ui.views.dashboard_view import DashboardView

TODAY = dt.date(2027, 1, 15)  # the probationary member's 12 months ended on 20/12/2026


@pytest.fixture
def data(org):
    _org, branch = org
    ids = seed(branch.id)
    quotas.set_quota(branch.id, TODAY.year, 3)
    return {"branch": branch.id, **ids}


@pytest.fixture
def view(qtbot, data):
    v = DashboardView(context_on(TODAY))
    qtbot.addWidget(v)
    v.show()
    return v


def test_reminders_name_the_people_due(view, data):
    people_due = {r.person_id for r in view.reminder_rows()}
    assert data["probationary"] in people_due  # recognition vote due (Party Charter, Article 5.2)


def test_missing_meeting_is_listed_per_branch(view, data):
    kinds = {r.kind for r in view.missing_model.rows}
    assert "meeting_missing" in kinds


def test_quota_and_pipeline(view, data):
    row = view.quota_model.rows[0]
    assert (row[0], row[3], row[4]) == (data["branch"], 3, 0)
    counts = dict(view.stage_rows())
    assert counts[Stage.CEREMONY] == 1 and counts[Stage.APPLICATION] == 1
    assert "3" in view.summary.text()


def test_a_reminder_opens_its_record(view, data):
    asked = []
    view.context.hub.open_requested.connect(lambda kind, rid: asked.append((kind, rid)))
    item = next(r for r in view.reminder_rows() if r.person_id == data["probationary"])
    view._open_reminder(item)
    assert asked == [("person", data["probationary"])]


def test_the_overview_names_the_organisation_target_and_the_branches(qtbot, data):
    """The overview shows the organisation's target and, where it differs, the branches' targets added up,
    each named, as the quota report does."""
    quotas.set_quota(None, TODAY.year, 5)
    v = DashboardView(context_on(TODAY))
    qtbot.addWidget(v)
    v.show()
    note = v.quota_note.text()
    assert "5" in note and "3" in note  # the organisation's 5, the branches' 3
    assert "0/5" in v.summary.text()  # admissions against the organisation's plan
    quotas.set_quota(None, TODAY.year, 3)
    v.refresh()
    assert "3" in v.quota_note.text() and v.quota_note.text().count("3") == 1  # equal: named once
