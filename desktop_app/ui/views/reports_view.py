"""Reports and printing: pick the document, the branch and the period; preview it inside the app, print
it, save it as PDF or open it in the system's viewer. Documents are built off the GUI thread."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.i18n import _, format_date
from desktop_app.reports import REPORT_KINDS, build_report
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.documents import outputs
from desktop_app.services.meetings import meetings
from desktop_app.services.organisation import branches
from desktop_app.ui import context as kinds
from desktop_app.ui.messages import error
from desktop_app.ui.operation import Operation
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.pdf_preview import PdfPreview, print_pdf

NEEDS_MONTH = ("monthly",)
NEEDS_MEETING = ("minutes", "signin")


class ReportsView(BaseView):
    KEY = "reports"
    WATCHES = (kinds.BRANCHES, kinds.MEETINGS)

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
        self.options = QGroupBox(self)
        form = QFormLayout(self.options)
        self.branch = compact(QComboBox(self.options), 14)
        self.branch.currentIndexChanged.connect(lambda _i: self._fill_meetings())
        self.year = QSpinBox(self.options)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.context.today().year)
        self.year.valueChanged.connect(lambda _v: self._fill_meetings())
        self.month = QComboBox(self.options)
        for m in range(1, 13):
            self.month.addItem(f"{m:02d}", m)
        self.month.setCurrentIndex(max(self.context.today().month - 2, 0))
        self.meeting = compact(QComboBox(self.options), 14)
        self.issue = QCheckBox(self.options)
        self.rows = {}
        self.row_labels: dict[str, QLabel] = {}
        for key, widget in (("branch", self.branch), ("year", self.year), ("month", self.month),
                            ("meeting", self.meeting), ("issue", self.issue)):
            self.rows[key] = widget
            label = QLabel(self.options)
            label.setBuddy(widget)
            self.row_labels[key] = label
            form.addRow(label, widget)
        self.form_layout = form
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
        self.preview_widget = PdfPreview(self)
        layout.addWidget(self.preview_widget, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        self.retranslate_ui()
        self.kinds.setCurrentRow(0)

    def title(self) -> str:
        return _("Reports and printing")

    def retranslate_ui(self) -> None:
        self.options.setTitle(_("Options"))
        labels = {"branch": _("Branch"), "year": _("Year"), "month": _("Month"), "meeting": _("Meeting"), "issue": ""}
        for key, label in self.row_labels.items():
            label.setText(labels[key])
        self.issue.setText(_("Issue it (give it a document number)"))
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
        chosen = self.branch.currentData() if self.branch.count() else self.branch_id
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem(_("All branches"), None)
        for bid, label in branches.branch_choices():
            self.branch.addItem(label, bid)
        index = self.branch.findData(self.branch_id if self.branch_id is not None else chosen)
        self.branch.setCurrentIndex(max(index, 0))
        self.branch.blockSignals(False)
        self._fill_meetings()
        self._update_fields()

    def _fill_meetings(self) -> None:
        self.meeting.clear()
        bid = self.branch.currentData()
        if bid is None:
            self.meeting.addItem(_("(choose a branch first)"), None)
            return
        rows = meetings.list_meetings(bid, self.year.value())
        for row in sorted(rows, key=lambda r: r.date, reverse=True):
            theme = row.theme or _("monthly meeting")
            self.meeting.addItem(f"{format_date(row.date)} — {theme}", row.id)
        if not rows:
            self.meeting.addItem(_("(no meeting in {year})").format(year=self.year.value()), None)

    def open_record(self, kind: str, record_id: int) -> bool:
        """"meeting_minutes": the minutes of that meeting, chosen and previewed (the editor's Print button)."""
        if kind != "meeting_minutes":
            return False
        try:
            meeting = meetings.get_meeting(record_id)
        except ServiceError:
            return False
        branch = self.branch.findData(meeting.branch_id)
        if branch < 0:
            return False
        self.select_kind("minutes")
        self.branch.setCurrentIndex(branch)
        self.year.setValue(meeting.date.year)
        self._fill_meetings()
        index = self.meeting.findData(record_id)
        if index < 0:
            return False
        self.meeting.setCurrentIndex(index)
        self.preview()
        return True

    def _update_fields(self) -> None:
        kind = self.kind()
        for key, visible in (("month", kind in NEEDS_MONTH), ("meeting", kind in NEEDS_MEETING)):
            self.rows[key].setVisible(visible)
            self.row_labels[key].setVisible(visible)

    def arguments(self) -> dict:
        kind = self.kind()
        args = {"branch_id": self.branch.currentData(), "year": self.year.value()}
        if kind in NEEDS_MONTH:
            args["month"] = self.month.currentData()
        if kind in NEEDS_MEETING:
            args["meeting_id"] = self.meeting.currentData()
        return args

    # ---- building ----------------------------------------------------------------------------------

    def build(self, target: Path, issue: bool, then: Callable[[Path], None]) -> None:
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
            then(Path(path))

        self._busy(True)
        self.task = Operation(self, build_report, kind, target, lang=i18n.current_language(), issue=issue,
                              **self.arguments()).blocking(_("Preparing the document…")).progress() \
            .success(done).failure(failed).run()

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.save_button, self.open_button):
            button.setEnabled(not busy)

    def _temp_path(self) -> Path:
        return Path(self._tmp.name) / f"{self.kind()}.pdf"

    def preview(self) -> None:
        self.build(self._temp_path(), False, self.preview_widget.load)

    def print_document(self) -> None:
        issue = self.issue.isChecked()

        def send(path: Path) -> None:
            self.preview_widget.load(path)
            if print_pdf(path, self):
                outputs.record("print", self.kind(), {**self.arguments(), "issued": issue})

        self.build(self._temp_path(), issue, send)

    def save_as(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, _("Save as PDF"), str(Path.home() / f"{self.kind()}.pdf"),
                                               "PDF (*.pdf)")
        if not name:
            return
        issue = self.issue.isChecked()

        def saved(path: Path) -> None:
            outputs.record("export", self.kind(), {**self.arguments(), "file": str(path), "issued": issue})
            self.context.message(_("Saved to {path}.").format(path=path))

        self.build(Path(name), issue, saved)

    def open_external(self) -> None:
        issue = self.issue.isChecked()

        def show(path: Path) -> None:
            outputs.record("open", self.kind(), {**self.arguments(), "issued": issue})
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self.build(self._temp_path(), issue, show)

    def screenshot_prepare(self) -> None:
        """Build a preview of the candidate list synchronously for --screenshots."""
        self.refresh_if_stale()
        self.select_kind("candidates")
        path = build_report(self.kind(), self._temp_path(), lang=i18n.current_language(), **self.arguments())
        self.preview_widget.load(path)
        self.preview_widget.wait_rendered()

    def options_widget(self) -> QWidget:
        return self.options
