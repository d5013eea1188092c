"""The findings of a rule check, errors first in red, warnings in amber, each with its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desktop_app.i18n import _

ERROR_COLOUR = "#a00000"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#1d6b2a"


class FindingsList(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findings")
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_findings(self, findings, *, ok_text: str | None = None) -> None:
        """Rule findings (severity "error" or "warning"); items with severity "ok" are shown as met."""
        self.clear()
        order = {"error": 0, "warning": 1, "ok": 2}
        items = sorted(findings, key=lambda f: order.get(getattr(f, "severity", "warning"), 1))
        for finding in items:
            severity = getattr(finding, "severity", "warning")
            prefix, colour = {"error": (_("Not allowed:"), ERROR_COLOUR),
                              "ok": ("✓", OK_COLOUR)}.get(severity, (_("Warning:"), WARNING_COLOUR))
            text = f"{prefix} {finding.message}"
            if getattr(finding, "source", ""):
                text += "\n" + _("Source: {source}").format(source=finding.source)
            item = QListWidgetItem(text)
            item.setForeground(QBrush(QColor(colour)))
            self.addItem(item)
        if not any(getattr(f, "severity", "") in ("error", "warning") for f in items) and ok_text != "":
            item = QListWidgetItem(ok_text or _("The rules allow this step."))
            item.setForeground(QBrush(QColor(OK_COLOUR)))
            self.addItem(item)

    def show_note(self, text: str, colour: str = WARNING_COLOUR) -> None:
        self.clear()
        item = QListWidgetItem(text)
        item.setForeground(QBrush(QColor(colour)))
        self.addItem(item)
