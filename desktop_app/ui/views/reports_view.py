"""Reports and printing: pick the document, the branch and the period; preview it inside the app, print
it, save it as PDF or open it in the system's viewer. Documents are built off the GUI thread.

A numbered document is issued once (it takes its number); printing it again keeps its number and date,
and only an explicit new version takes a new number. The register of issued documents shows as a table
here, each row opening its document again."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.i18n import _, format_date
from desktop_app.reports import REPORT_KINDS, build_report, issued_copy
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.documents import outputs, report_data
from desktop_app.services.meetings import meetings
from desktop_app.ui import context as kinds
from desktop_app.ui.messages import confirm, error, info
from desktop_app.ui.operation import Operation
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.issued_table import IssuedTable
from desktop_app.ui.widgets.pdf_preview import PdfPreview, print_pdf
from desktop_app.ui.widgets.report_options import ReportOptions


def fee_book_key(branch_id: int, month) -> int:
    """A branch and a month in one record id, for ``open_record("fee_book", …)`` (the ledger's Print)."""
    return branch_id * 1_000_000 + month.year * 100 + month.month


class ReportsView(BaseView):
    KEY = "reports"
    WATCHES = (kinds.BRANCHES, kinds.MEETINGS, kinds.PEOPLE, kinds.DOCUMENTS, kinds.FEES)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self._tmp = tempfile.TemporaryDirectory(prefix="sochibo-")
        self.task = None
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.kinds = QListWidget(self)
        self.kinds.setObjectName("reportKinds")
        self.kinds.setWordWrap(True)
        for key, entry in REPORT_KINDS.items():
            item = QListWidgetItem(_(entry.label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.kinds.addItem(item)
        self.kinds.setFixedWidth(330)
        self.kinds.currentRowChanged.connect(lambda _r: self._update_fields())
        left.addWidget(self.kinds, 1)
        self.options = ReportOptions(self.context.today(), self)
        # The option widgets, by their names (tests and the screenshots reach them here).
        o = self.options
        self.branch, self.year, self.month, self.meeting, self.decision = o.branch, o.year, o.month, o.meeting, \
            o.decision
        self.issue_options, self.issue = o.issue_options, o.issue_options.issue
        self.options.changed.connect(self._show_issued)
        left.addWidget(self.options)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("primary")
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_document)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        left.addLayout(buttons)
        more = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_external)
        more.addWidget(self.save_button)
        more.addWidget(self.open_button)
        left.addLayout(more)
        layout.addLayout(left)
        self.right = QStackedWidget(self)
        self.preview_widget = PdfPreview(self.right)
        self.issued_table = IssuedTable(self.right)
        self.issued_table.open_document.connect(self.open_issued)
        self.right.addWidget(self.preview_widget)
        self.right.addWidget(self.issued_table)
        layout.addWidget(self.right, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        self.retranslate_ui()
        self.kinds.setCurrentRow(0)

    def title(self) -> str:
        return _("Reports and printing")

    def retranslate_ui(self) -> None:
        self.options.retranslate_ui()
        self.preview_button.setText(_("Pre&view"))
        self.print_button.setText(_("&Print… (Ctrl+P)"))
        self.save_button.setText(_("Save as PDF…"))
        self.open_button.setText(_("Open in PDF viewer"))

    # ---- options --------------------------------------------------------------------------------

    def select_kind(self, key: str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.kinds.setCurrentRow(row)

    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def refresh(self) -> None:
        self.options.refresh(self.branch_id)
        self._update_fields()

    def _update_fields(self) -> None:
        kind = self.kind()
        if kind != self.options.kind and self.preview_widget.path is not None:
            self.preview_widget.clear()  # the preview shown was of another kind of document
        if kind == "issued":
            self.right.setCurrentWidget(self.issued_table)
        else:
            self.right.setCurrentWidget(self.preview_widget)
        self.options.show_for(kind)

    def _show_issued(self) -> None:
        """What was issued of the document chosen (printing it again keeps that number and date), and the
        register itself when it is the document chosen."""
        try:
            issued = issued_copy(self.kind(), **self.arguments())
        except (ServiceError, ValueError):
            issued = None
        self.issue_options.show_issued(issued)
        if self.kind() == "issued":
            self.issued_table.load(self.branch.currentData(), self.year.value())

    def arguments(self) -> dict:
        return self.options.arguments()

    def open_record(self, kind: str, record_id: int) -> bool:
        """"meeting_minutes": the minutes of that meeting (the minutes editor's Print button);
        "decision_resolution": the branch resolution of that vote (the Print button of a vote); "fee_book": a
        branch's fee book for a month (``fee_book_key``, the ledger's Print button). Chosen and previewed."""
        if kind == "meeting_minutes":
            try:
                meeting = meetings.get_meeting(record_id)
            except ServiceError:
                return False
            self.select_kind("minutes")
            chosen = self.options.choose(meeting.branch_id, meeting.date.year, meeting_id=record_id)
        elif kind == "decision_resolution":
            try:
                vote = report_data.resolution_data(record_id).decision
            except ServiceError:
                return False
            self.select_kind("resolution")
            chosen = self.options.choose(vote.branch_id, vote.meeting_date.year, decision_id=record_id)
        elif kind == "fee_book":
            branch_id, rest = divmod(record_id, 1_000_000)
            year, month = divmod(rest, 100)
            if not 1 <= month <= 12:
                return False
            self.refresh_if_stale()
            self.select_kind("fees")
            chosen = self.options.choose(branch_id, year, month=month)
        else:
            return False
        if chosen:
            self.preview()
        return chosen

    def open_issued(self, row) -> None:
        """A row of the register of issued documents: its document chosen and previewed, to print again."""
        if row.kind == "resolution":
            if row.decision_id is None or not self.open_record("decision_resolution", row.decision_id):
                info(self, self.title(), _("Resolution No. {symbol} of {date} is recorded in the minutes of its "
                                           "meeting; only resolutions on an admission or a recognition print "
                                           "here.").format(symbol=row.symbol, date=format_date(row.date)))
            return
        year, _sep, month = row.covers_key.partition("-")
        if row.kind not in REPORT_KINDS or not year.isdigit():
            return
        self.select_kind(row.kind)
        if self.options.choose(row.branch_id, int(year), month=int(month) if month.isdigit() else None):
            self.preview()

    # ---- building ----------------------------------------------------------------------------------

    def build(self, target: Path, issue: bool, then: Callable[[Path], None], new_version: bool = False) -> None:
        """Build the chosen document into *target* on a pool thread, then call *then(path)*."""
        kind = self.kind()
        if not kind:
            return

        def failed(exc: BaseException) -> None:
            self._busy(False)
            if isinstance(exc, ValidationError):
                error(self, self.title(), "\n".join(exc.errors.values()))
            else:
                error(self, self.title(), exc)

        def done(path) -> None:
            self._busy(False)
            if issue:
                self.issue_options.issued_now()
                self._show_issued()
            then(Path(path))

        self._busy(True)
        self.task = Operation(self, build_report, kind, target, lang=i18n.current_language(), issue=issue,
                              new_version=new_version, **self.arguments()).blocking(_("Preparing the document…")) \
            .progress().success(done).failure(failed).run()

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button, self.open_button):
            button.setEnabled(not busy)

    def _temp_path(self) -> Path:
        return Path(self._tmp.name) / f"{self.kind()}.pdf"

    def preview(self) -> None:
        self.right.setCurrentWidget(self.preview_widget)
        self.build(self._temp_path(), False, self.preview_widget.load)

    def _issuing(self) -> tuple[bool, bool] | None:
        """(issue, new version) for a print, save or open; None when the user declined the new version."""
        entry = REPORT_KINDS.get(self.kind())
        if not (entry and entry.numbered and self.issue_options.issue_it()):
            return False, False
        if not self.issue_options.wants_new_version():
            return True, False
        issued = self.issue_options.issued
        text = _("Issue a new version of No. {symbol} of {date}? It takes the next number and today's date; the "
                 "register keeps the earlier version as replaced.").format(symbol=issued.symbol,
                                                                           date=format_date(issued.date))
        return (True, True) if confirm(self, _("New version"), text) else None

    def _output(self, action: str, then: Callable[[Path], None], target: Path | None = None) -> None:
        """Print, save or open the document (issued as chosen), then audit it as *action*."""
        chosen = self._issuing()
        if chosen is None:
            return
        issue, new_version = chosen
        if target is None and action == "export":
            name, _f = QFileDialog.getSaveFileName(self, _("Save as PDF"),
                                                   str(Path.home() / f"{self.kind()}.pdf"), "PDF (*.pdf)")
            if not name:
                return
            target = Path(name)
        kind, args = self.kind(), self.arguments()
        details = {**args, "issued": issue, "new_version": new_version}
        if action == "export":
            try:  # recorded before the file is written: no document with personal data without its entry
                outputs.record(action, kind, {**details, "file": str(target)})
            except Exception as exc:
                error(self, self.title(), exc)
                return

        def finished(path: Path) -> None:
            if then(path) is not False and action != "export":
                outputs.record(action, kind, details)

        self.build(target or self._temp_path(), issue, finished, new_version)

    def print_document(self) -> None:
        def send(path: Path) -> bool:
            self.right.setCurrentWidget(self.preview_widget)
            self.preview_widget.load(path)
            return print_pdf(path, self)

        self._output("print", send)

    def save_as(self) -> None:
        self._output("export", lambda path: self.context.message(_("Saved to {path}.").format(path=path)))

    def open_external(self) -> None:
        self._output("open", lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    def screenshot_prepare(self) -> None:
        """Build a preview of the candidate list synchronously for --screenshots."""
        self.refresh_if_stale()
        self.select_kind("candidates")
        path = build_report(self.kind(), self._temp_path(), lang=i18n.current_language(), **self.arguments())
        self.preview_widget.load(path)
        self.preview_widget.wait_rendered()

    def options_widget(self) -> QWidget:
        return self.options
