"""The overview in the app works out the reminders on a worker thread: the rest shows at once, the
reminders fill in, and they are the same as when computed in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication
from ui_helpers import context_on

from desktop_app.ui import worker
from desktop_app.ui.views.dashboard_view import DashboardView

TODAY = dt.date(2027, 1, 15)


def _view(qtbot, background: bool) -> DashboardView:
    context = context_on(TODAY)
    context.background = background
    view = DashboardView(context)
    qtbot.addWidget(view)
    return view


def test_reminders_fill_in_from_a_worker(qtbot, data):
    in_place = _view(qtbot, background=False)
    in_place.show()
    expected = [(r.kind, r.person_id, r.due) for r in in_place.reminder_rows()]
    assert expected  # the seed has a recognition vote due (Party Charter, Article 5.2)

    view = _view(qtbot, background=True)
    view.context.generation = 1  # not the in-place result kept for generation 0
    view.show()
    assert view.reminders_pending()
    assert view.stage_rows() and view.quota_model.rows  # the pipeline and the quota show meanwhile
    assert view.summary.text().count("·") == 1  # admitted and in the pipeline; the counts of what is due follow
    qtbot.waitUntil(lambda: not view.reminders_pending(), timeout=10000)
    assert [(r.kind, r.person_id, r.due) for r in view.reminder_rows()] == expected
    assert view.missing_model.rows


def test_a_result_for_an_older_request_is_dropped(qtbot, data):
    view = _view(qtbot, background=True)
    view.context.generation = 7
    view.show()
    view.context.set_branch(-1)  # no such branch: nothing due; the first result must not land on it
    qtbot.waitUntil(lambda: not view.reminders_pending(), timeout=10000)
    worker.wait_all()
    QApplication.processEvents()  # anything still queued from the first request arrives now
    assert view.reminder_rows() == []
