"""A document of the Reports list shown where the work is done (the grading screen, the badge list): a preview
built off the GUI thread, then Print (issued with its number when asked) or Save as PDF, as the Reports view does."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_app import i18n
from desktop_app.i18n import _
from desktop_app.reports import REPORT_KINDS, build_report
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import outputs
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import error
from desktop_app.ui.operation import Operation
from desktop_app.ui.widgets.pdf_preview import PdfPreview, print_pdf


class DocumentPreview(BaseDialog):
    def __init__(self, kind: str, arguments: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self.arguments = kind, dict(arguments)
        self._tmp = tempfile.TemporaryDirectory(prefix="sochibo-")
        self.setWindowTitle(_(REPORT_KINDS[kind].label))
        layout = QVBoxLayout(self)
        self.preview = PdfPreview(self)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.issue = QCheckBox(_("Issue it (give it a document number)"), self)
        self.print_button = QPushButton(_("&Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_document)
        self.save_button_ = QPushButton(_("Save as PDF…"), self)
        self.save_button_.clicked.connect(self.save_as)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.reject)
        row.addWidget(self.issue)
        row.addStretch(1)
        for button in (self.print_button, self.save_button_, close):
            row.addWidget(button)
        layout.addLayout(row)
        self.restore_size(900, 700)
        self.task: Operation | None = None

    def build(self, target: Path, issue: bool, then) -> None:
        def failed(exc: BaseException) -> None:
            self._busy(False)
            error(self, self.windowTitle(), "\n".join(exc.errors.values()) if isinstance(exc, ValidationError)
                  else exc)

        def done(path) -> None:
            self._busy(False)
            then(Path(path))

        self._busy(True)
        self.task = Operation(self, build_report, self.kind, target, lang=i18n.current_language(), issue=issue,
                              **self.arguments).blocking(_("Preparing the document…")).progress() \
            .success(done).failure(failed).run()

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button_.setEnabled(not busy)

    def _path(self) -> Path:
        return Path(self._tmp.name) / f"{self.kind}.pdf"

    def show_preview(self) -> None:
        self.build(self._path(), False, self.preview.load)

    def print_document(self) -> None:
        issue = self.issue.isChecked()

        def send(path: Path) -> None:
            self.preview.load(path)
            if print_pdf(path, self):
                outputs.record("print", self.kind, {**self.arguments, "issued": issue})

        self.build(self._path(), issue, send)

    def save_as(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, _("Save as PDF"), str(Path.home() / f"{self.kind}.pdf"),
                                               "PDF (*.pdf)")
        if not name:
            return
        issue = self.issue.isChecked()
        self.build(Path(name), issue, lambda path: outputs.record(
            "export", self.kind, {**self.arguments, "file": str(path), "issued": issue}))

    def done(self, result: int) -> None:
        super().done(result)
        self._tmp.cleanup()


def show_document(parent: QWidget, kind: str, **arguments: Any) -> DocumentPreview:
    dialog = DocumentPreview(kind, arguments, parent)
    dialog.show_preview()
    dialog.open()
    return dialog
