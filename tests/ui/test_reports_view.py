"""Reports: the document is built off the GUI thread, previewed in the app and saved; prints are audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import TODAY, context_on, quiet_boxes, seed

from desktop_app.ui.views.reports_view import ReportsView


@pytest.fixture
def view(qtbot, org):
    _org, branch = org
    seed(branch.id)
    v = ReportsView(context_on(TODAY))
    qtbot.addWidget(v)
    v.show()
    return v


def choose(view, kind: str) -> None:
    for row in range(view.kinds.count()):
        if view.kinds.item(row).data(Qt.ItemDataRole.UserRole) == kind:
            view.kinds.setCurrentRow(row)


def test_options_follow_the_kind(view):
    choose(view, "monthly")
    assert not view.month.isHidden() and view.meeting.isHidden()
    choose(view, "minutes")
    assert view.meeting.isHidden() is False and view.month.isHidden()


def test_preview_builds_a_pdf_off_the_gui_thread(view, qtbot):
    choose(view, "candidates")
    view.preview()
    qtbot.waitUntil(lambda: view.preview_widget.path is not None, timeout=30000)
    assert view.preview_widget.page_count() >= 1
    assert view.preview_widget.path.read_bytes()[:4] == b"%PDF"


def test_missing_option_is_explained(view, qtbot, monkeypatch):
    shown = quiet_boxes(monkeypatch)
    choose(view, "minutes")  # needs a meeting; the branch has none
    view.preview()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert shown[0][0] == "warning"
    assert view.preview_button.isEnabled()


def test_save_as_writes_the_file_and_audits_it(view, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.store.models import AuditEntry

    target = tmp_path / "ds.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    choose(view, "sponsors")
    view.save_as()
    # Recorded before the file is written: the entry is there as soon as the document is asked for.
    assert AuditEntry.select().where(AuditEntry.action == "export").exists()
    qtbot.waitUntil(lambda: view.save_button.isEnabled(), timeout=30000)
    assert target.read_bytes()[:4] == b"%PDF"


def test_printing_paints_every_page(view, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.ui.widgets.pdf_preview import render_to_printer

    choose(view, "candidates")
    view.preview()
    qtbot.waitUntil(lambda: view.preview_widget.path is not None, timeout=30000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sent = render_to_printer(view.preview_widget.path, printer, dpi=72)
    assert sent == view.preview_widget.page_count() >= 1
    assert (tmp_path / "printed.pdf").read_bytes()[:4] == b"%PDF"


# ---- numbered documents, resolutions and the register of issued documents ------------------------------


def _admission_vote(branch_id: int):
    """A meeting that voted to propose admitting the branch's applicant (the vote recorded as it stands)."""
    import datetime as dt

    from desktop_app.services.meetings import meeting_prep
    from desktop_app.store.models import Decision, Person

    meeting = meeting_prep.prepare_meeting(branch_id, dt.date(2026, 10, 5))
    applicant = Person.get(Person.full_name == "Đặng Thu Lan")
    return Decision.create(meeting=meeting.id, kind="admission", subject=applicant, yes=5, no=0, abstain=0,
                           denominator=5, passed=True, title="Đề nghị kết nạp quần chúng Đặng Thu Lan vào Đảng")


def test_a_resolution_is_chosen_among_the_votes_of_the_branch(view, qtbot, org):
    _org, branch = org
    vote = _admission_vote(branch.id)
    view.refresh()
    choose(view, "resolution")
    assert not view.decision.isHidden() and view.meeting.isHidden() and view.month.isHidden()
    view.branch.setCurrentIndex(view.branch.findData(branch.id))
    assert view.decision.currentData() == vote.id and "Đặng Thu Lan" in view.decision.currentText()
    assert view.open_record("decision_resolution", vote.id)
    qtbot.waitUntil(lambda: view.preview_widget.path is not None, timeout=30000)
    assert view.preview_widget.page_count() >= 1


def test_the_issue_box_shows_for_numbered_documents_only(view):
    choose(view, "candidates")
    assert view.issue_options.isHidden()
    choose(view, "monthly")
    assert not view.issue_options.isHidden() and view.issue_options.new_version.isHidden()


def _save(view, qtbot, monkeypatch, target):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    view.save_as()
    qtbot.waitUntil(lambda: target.exists() and view.save_button.isEnabled(), timeout=30000)


def test_an_issued_document_keeps_its_number_unless_a_new_version_is_confirmed(view, qtbot, org, tmp_path,
                                                                                monkeypatch):
    from tests.reports.pdf_helpers import pdf_text

    _org, branch = org
    view.refresh()
    choose(view, "monthly")
    view.branch.setCurrentIndex(view.branch.findData(branch.id))
    view.issue.setChecked(True)
    _save(view, qtbot, monkeypatch, tmp_path / "first.pdf")
    assert "Số 01-BC/CB" in pdf_text(tmp_path / "first.pdf")
    options = view.issue_options
    assert not options.note.isHidden() and "01-BC/CB" in options.note.text()
    _save(view, qtbot, monkeypatch, tmp_path / "again.pdf")
    assert "Số 01-BC/CB" in pdf_text(tmp_path / "again.pdf")  # a reprint
    options.new_version.setChecked(True)
    shown = quiet_boxes(monkeypatch, answer=QMessageBox.StandardButton.No)
    view.save_as()  # declined: nothing is built
    assert shown and shown[0][0] == "question" and not (tmp_path / "newer.pdf").exists()
    quiet_boxes(monkeypatch)
    _save(view, qtbot, monkeypatch, tmp_path / "newer.pdf")
    assert "Số 02-BC/CB" in pdf_text(tmp_path / "newer.pdf")
    assert "02-BC/CB" in options.note.text() and not options.new_version.isChecked()


def test_the_register_of_issued_documents_is_a_table_whose_rows_open_their_document(view, qtbot, org, tmp_path,
                                                                                    monkeypatch):
    from desktop_app.reports import build_report

    _org, branch = org
    build_report("monthly", tmp_path / "m.pdf", branch_id=branch.id, month="2026-09", issue=True)
    view.refresh()
    choose(view, "issued")
    assert view.right.currentWidget() is view.issued_table
    table = view.issued_table
    assert table.model.rowCount() == 1 and table.model.rows[0].symbol == "01-BC/CB"
    table.open_document.emit(table.model.rows[0])
    assert view.kind() == "monthly" and view.month.currentData() == 9 and view.branch.currentData() == branch.id
    qtbot.waitUntil(lambda: view.preview_widget.path is not None, timeout=30000)
    assert view.right.currentWidget() is view.preview_widget
