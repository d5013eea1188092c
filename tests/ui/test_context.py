"""The one path by which views learn that data changed: every committed write is published by the context with
the kinds of data it touched, and each view refreshes itself from them; no view announces what another
service changed."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import TODAY, context_on

from desktop_app.core.enums import DecisionKind, Status
from desktop_app.services.common import changes
from desktop_app.services.meetings import meeting_prep
from desktop_app.services.people import people
from desktop_app.store import db as store_db
from desktop_app.ui.dialogs import meeting_editor
from desktop_app.ui.dialogs.meeting_vote import VoteDialog
from desktop_app.ui.views.candidates_view import CandidatesView
from desktop_app.ui.views.meetings_view import MeetingsView
from desktop_app.ui.views.members_view import MembersView


@pytest.fixture
def published(qtbot):
    """A context pinned to TODAY and the kinds it publishes, one frozenset each time."""
    context = context_on(TODAY)
    said: list[frozenset[str]] = []
    context.hub.data_changed.connect(said.append)
    return context, said


def test_a_write_is_published_with_the_kinds_it_touched(org, published):
    context, said = published
    people.create_person({"full_name": "Lò Văn Đức", "branch": org[1].id})
    assert said == [{changes.PEOPLE, changes.AUDIT}]
    assert context.generation == 1


def test_a_write_on_another_thread_is_published_on_the_gui_thread(org, published, qtbot):
    context, said = published
    threads = []
    context.hub.data_changed.connect(lambda _kinds: threads.append(threading.current_thread()))

    def work() -> None:
        with store_db.database.connection_context():
            people.create_person({"full_name": "Đặng Thu Lan", "branch": org[1].id})

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(said), timeout=3000)
    assert said == [{changes.PEOPLE, changes.AUDIT}] and threads == [threading.main_thread()]


@pytest.fixture
def meeting_views(qtbot, org, published):
    """The meetings view showing a meeting of a branch of nine members and a prospect, the member register and
    the candidate list beside it on the same context, each shown once."""
    context, said = published
    branch = org[1]
    officials = [people.create_person({"full_name": f"Nguyễn Văn {g}", "branch": branch.id, "status": Status.OFFICIAL,
                                       "official_date": dt.date(2010, 1, 1)}).id
                 for g in ("An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hạnh")]
    prospect = people.create_person({"full_name": "Quàng Thị Hoa", "branch": branch.id, "status": Status.PROSPECT},
                                    stage_date=dt.date(2025, 1, 1)).id
    meeting = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 11, 3))
    context.set_branch(branch.id)
    views = {}
    for cls in (MembersView, CandidatesView, MeetingsView):
        view = cls(context)
        qtbot.addWidget(view)
        view.show()
        views[cls.KEY] = view
    for key in ("members", "candidates"):
        views[key].hide()
    said.clear()
    return views, {"meeting": meeting.id, "prospect": prospect, "officials": officials}, said


def test_a_vote_in_the_minutes_editor_reaches_the_people_views_from_the_facts(meeting_views, monkeypatch, qtbot):
    views, ids, said = meeting_views
    meetings_view = views["meetings"]
    editor = meetings_view.editor
    editor.tabs.setCurrentIndex(meeting_editor.VOTES)
    loads = []
    monkeypatch.setattr(editor, "load", lambda *a, **k: loads.append(a))

    def vote(dialog: VoteDialog) -> int:
        dialog.form.set_values({"kind": DecisionKind.SYMPATHISER_ADD})
        dialog._kind_changed()
        dialog.subject.setCurrentIndex(dialog.subject.findData(ids["prospect"]))
        dialog.yes.setValue(9)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(VoteDialog, "exec", vote)
    editor.votes.new_vote()
    QApplication.processEvents()
    assert people.get_person(ids["prospect"]).status == Status.SYMPATHISER
    # What the vote changed was said by the transaction, not by the meetings view:
    assert said and {changes.MEETINGS, changes.PEOPLE} <= set().union(*said)
    assert not views["candidates"].isVisible() and views["candidates"]._stale
    assert views["members"]._stale  # it watches people: a person's status moved
    views["candidates"].show()
    assert ids["prospect"] in [row.id for row in views["candidates"].model.rows]
    assert loads == []  # the editor that made the vote was not reloaded under the user


def test_the_minutes_editor_is_not_reloaded_by_its_own_autosave(meeting_views, monkeypatch, qtbot):
    views, ids, said = meeting_views
    editor = views["meetings"].editor
    editor.tabs.setCurrentIndex(meeting_editor.CONTENT)
    loads = []
    monkeypatch.setattr(editor, "load", lambda *a, **k: loads.append(a))
    editor.content.form.fields["discussion"].widget.setPlainText("Đồng chí An phát biểu.")
    assert editor.flush()
    QApplication.processEvents()
    assert said == [{changes.MEETINGS, changes.AUDIT}]
    assert loads == [] and not views["meetings"]._stale
