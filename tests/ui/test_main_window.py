"""The main window: lazy views, keyboard navigation, the branch filter, accent-insensitive search that
jumps to the record, the status bar, and the question before unsaved edits are lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import TODAY, context_on, quiet_boxes

from desktop_app.ui import navigation
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data, db, monkeypatch):
    monkeypatch.setattr(MemberDialog, "exec", lambda self: 0)
    monkeypatch.setattr(CandidateDialog, "exec", lambda self: 0)
    w = MainWindow(context_on(TODAY, db.database))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_views_are_created_on_first_visit(window):
    assert set(window.views) <= {"dashboard"}
    window.show_view("members")
    assert set(window.views) <= {"dashboard", "members"} and "members" in window.views
    assert window.current_key() == "members"
    assert window.nav.currentRow() == navigation.KEYS.index("members")


def test_ctrl_number_switches_views(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "candidates"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "branches"


def test_navigation_list_switches_views(window):
    window.nav.setCurrentRow(navigation.KEYS.index("sponsors"))
    assert window.current_key() == "sponsors"
    assert "Sổ Chi bộ" in window.windowTitle()


def test_search_ignores_accents_and_jumps_to_the_member(window, data):
    window.search.setText("nguyen van binh")
    window.search.run_search()
    texts = [window.search.results.item(i).text() for i in range(window.search.results.count())]
    assert any(t.startswith("Nguyễn Văn Bình") for t in texts)
    window.search.choose_current()
    assert window.current_key() == "members"
    view = window.views["members"]
    assert view.table.current_row().id == data["Nguyễn Văn Bình"]
    assert view.dialog is not None and view.dialog.person_id == data["Nguyễn Văn Bình"]


def test_search_finds_d_with_stroke_and_candidates_open_in_the_pipeline(window, data):
    window.search.setText("duc")
    window.search.run_search()
    assert any("Đức" in window.search.results.item(i).text() for i in range(window.search.results.count()))
    window.open_record("person", data["applicant"])
    assert window.current_key() == "candidates"
    assert window.views["candidates"].dialog.person_id == data["applicant"]


def test_search_finds_a_branch(window, data):
    window.search.setText("co muong")
    window.search.run_search()
    window.search.choose_current()
    assert window.current_key() == "branches"
    assert window.views["branches"].current_id == data["branch"]


def test_branch_filter_reaches_every_view(window, data):
    members = window.show_view("members")
    assert members.model.rowCount() == 6
    window.branch_combo.setCurrentIndex(window.branch_combo.findData(data["branch"]))
    assert window.context.branch_id == data["branch"]
    assert members.branch_id == data["branch"]
    window.context.set_branch(None)
    assert window.branch_combo.currentIndex() == 0


def test_status_bar_names_the_database(window, db):
    assert str(db.database) in window.db_label.text()
    assert window.backup_label.text()


def test_unsaved_edit_asks_before_leaving(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = quiet_boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    view = window.show_view("branches")
    view.form.fields["name"].widget.setText("Tên mới")
    window.show_view("members")
    assert shown and window.current_key() == "branches"  # stayed: the user said No
    assert not window.close()
    assert window.isVisible()


def test_every_view_fits_a_1366_by_768_screen(window):
    for entry in navigation.ENTRIES:
        window.show_view(entry.key)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert window.width() <= 1366


def test_menus_offer_excel_and_backups(window):
    names = set(window.actions_by_name)
    assert {"import_members", "import_candidates", "export_members", "export_meetings", "backup", "restore",
            "new", "open", "quit", "about"} <= names


def test_lock_does_nothing_without_a_password(window):
    window.show_view("members")
    window.lock()
    assert not window.is_locked()
    assert window.current_key() == "members"


def test_audit_trail_is_reachable(window):
    view = window.show_view("audit")
    assert view is not None and window.current_key() == "audit"


@pytest.mark.file_only  # a password protects a file (SQLCipher); a server has its own accounts
def test_idle_lock_hides_the_data_until_the_password(window):
    from desktop_app.services.datafile import encryption

    if not encryption.available():
        pytest.skip("sqlcipher3 is not installed")
    encryption.set_password("khoa-bi-mat-2026")
    window.show_view("members")
    window.lock()
    assert window.is_locked() and not window.nav.isEnabled()
    window.show_view("branches")
    assert window.is_locked()  # Ctrl+2 while locked does nothing
    window.lock_page.password.setText("sai")
    window.lock_page.unlock()
    assert window.is_locked() and window.lock_page.message.text()
    window.lock_page.password.setText("khoa-bi-mat-2026")
    window.lock_page.unlock()
    assert not window.is_locked() and window.current_key() == "members" and window.nav.isEnabled()


def test_opening_another_database_starts_every_view_over(window, data, tmp_path, monkeypatch):
    from desktop_app.services.datafile import dbfile
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.ui.dialogs.new_organisation import NewOrganisationDialog

    members = window.show_view("members")
    window.branch_combo.setCurrentIndex(window.branch_combo.findData(data["branch"]))
    first = dbfile.current_location()
    other = tmp_path / "other.sqlite3"
    dialog = NewOrganisationDialog(other)
    dialog.form.fields["name"].widget.setText("Chi bộ Bản Mò")
    dialog.form.fields["branch_code"].widget.setText("X1")
    dialog.form.fields["branch_name"].widget.setText("Chi bộ Bản Mò")
    dialog.accept()
    window.files.switched_to(other)
    assert window.context.branch_id is None and members.branch_id is None
    assert members.model.rowCount() == 0
    assert [b.code for b in branches.list_branches()] == ["X1"]
    assert "other.sqlite3" in window.db_label.text()
    assert window.files.open_path(first) is True
    assert organisation.get_organisation().name == "Đảng bộ xã Mường Ảng"
    dbfile.release_lock()


def test_print_button_of_the_minutes_editor_opens_them_in_reports(window, data, qtbot):
    import datetime as dt

    from desktop_app.services.meetings import meeting_prep
    from desktop_app.ui import worker

    meeting = meeting_prep.prepare_meeting(data["branch"], dt.date(2026, 10, 5))
    window.open_record("meeting", meeting.id)
    editor = window.views["meetings"].editor
    assert editor.meeting_id == meeting.id
    editor.print_button.click()
    reports = window.views["reports"]
    assert window.current_key() == "reports"
    assert reports.kind() == "minutes" and reports.meeting.currentData() == meeting.id
    assert reports.branch.currentData() == data["branch"] and reports.year.value() == 2026
    worker.wait_all()  # the preview is built on a worker thread
    qtbot.waitUntil(lambda: reports.preview_widget.page_count() >= 1, timeout=10000)


def test_the_print_button_of_a_vote_opens_its_resolution_in_reports(window, data, qtbot):
    """A passed admission vote prints as the branch resolution (Mẫu 6-KNĐ), previewed in Reports; the
    button stays usable once the minutes are adopted, and other votes have no resolution to print."""
    import datetime as dt

    from desktop_app.services.meetings import meeting_prep
    from desktop_app.store.models import Decision, Meeting, Person
    from desktop_app.ui import worker
    from desktop_app.ui.dialogs.meeting_editor import VOTES

    meeting = meeting_prep.prepare_meeting(data["branch"], dt.date(2026, 10, 5))
    applicant = Person.get(Person.full_name == "Đặng Thu Lan")
    ordinary = Decision.create(meeting=meeting.id, kind="ordinary", title="Nghị quyết tháng 10", yes=5,
                               denominator=5, passed=True)
    vote = Decision.create(meeting=meeting.id, kind="admission", subject=applicant, yes=5, no=0, abstain=0,
                           denominator=5, passed=True, title="Đề nghị kết nạp quần chúng Đặng Thu Lan vào Đảng")
    Meeting.update(status="adopted", adopted_on=dt.date(2026, 10, 5)).where(Meeting.id == meeting.id).execute()
    window.open_record("meeting", meeting.id)
    editor = window.views["meetings"].editor
    editor.tabs.setCurrentIndex(VOTES)
    page = editor.votes
    assert not page.print_button.isHidden()
    page.table.select_where(lambda row: row.id == ordinary.id)
    assert not page.print_button.isEnabled()
    page.table.select_where(lambda row: row.id == vote.id)
    assert page.print_button.isEnabled()
    page.print_button.click()
    reports = window.views["reports"]
    assert window.current_key() == "reports"
    assert reports.kind() == "resolution" and reports.decision.currentData() == vote.id
    worker.wait_all()
    qtbot.waitUntil(lambda: reports.preview_widget.page_count() >= 1, timeout=10000)
