"""Reports: the document is built off the GUI thread, previewed in the app and saved; prints are audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
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
    qtbot.waitUntil(lambda: AuditEntry.select().where(AuditEntry.action == "export").exists(), timeout=30000)
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
