"""A date typed as dd/mm/yyyy (d/m/yyyy and yyyy-mm-dd are accepted and tidied on leaving the field)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.i18n import _, format_date, parse_date


class DateEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(_("dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setMaximumWidth(170)
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        value = parse_date(self.text())
        if value is not None:
            tidy = format_date(value)
            if tidy != self.text():
                self.setText(tidy)

    def date(self) -> dt.date | None:
        return parse_date(self.text())

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value) if value else "")

    def value(self):
        """The date when the text is one, else the text itself (the service explains what is wrong)."""
        text = self.text().strip()
        return parse_date(text) or text or None
