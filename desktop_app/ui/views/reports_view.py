"""Reports and printing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop_app.i18n import _
from desktop_app.ui.views.base import BaseView


class ReportsView(BaseView):
    KEY = "reports"

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        layout.addWidget(self.label)

    def title(self) -> str:
        return _("Reports and printing")

    def refresh(self) -> None:
        self.label.setText(self.title())
