"""Repairing the audit trail after the check found it altered (services.datafile.trail_repair): what was found,
who repairs and why, all of which the entry of the repair keeps. Never silent, never without a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.datafile import trail_repair
from desktop_app.ui.messages import error


class RepairDialog(QDialog):
    def __init__(self, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.result_: trail_repair.RepairResult | None = None
        self.setWindowTitle(_("Repair the audit trail"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The check found:"), self))
        self.found = QPlainTextEdit("• " + "\n• ".join(problems), self)
        self.found.setReadOnly(True)
        self.found.setMinimumHeight(120)
        self.found.setMaximumHeight(200)
        layout.addWidget(self.found)
        note = QLabel(_("The repair takes the trail and the records as they now stand and anchors the trail on them "
                        "again, so that later changes are detected again. It changes no record. Its own entry keeps "
                        "what was found, your name and your reason. Find out first who changed the data and why; "
                        "this is for committee staff."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.by = QLineEdit(self)
        self.by.setPlaceholderText(_("e.g. Lò Văn Pấng, committee office"))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(_("What happened, and who decided to repair"))
        self.reason.setMaximumHeight(110)
        self.by_error, self.reason_error = QLabel(self), QLabel(self)
        for label in (self.by_error, self.reason_error):
            label.setObjectName("fieldError")
            label.setWordWrap(True)
            label.hide()
        form.addRow(_("Your name and position"), self.by)
        form.addRow("", self.by_error)
        form.addRow(_("Reason"), self.reason)
        form.addRow("", self.reason_error)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.repair_button = buttons.addButton(_("Repair the trail"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.repair)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show(self, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))

    def repair(self) -> None:
        self._show(self.by_error, None)
        self._show(self.reason_error, None)
        try:
            self.result_ = trail_repair.repair(self.by.text(), self.reason.toPlainText())
        except ValidationError as exc:
            self._show(self.by_error, exc.errors.get("by"))
            self._show(self.reason_error, exc.errors.get("reason"))
            return
        except ServiceError as exc:
            error(self, self.windowTitle(), exc)
            return
        self.accept()


def run(problems: list[str], parent: QWidget | None = None) -> trail_repair.RepairResult | None:
    dialog = RepairDialog(problems, parent)
    return dialog.result_ if dialog.exec() == QDialog.DialogCode.Accepted else None
