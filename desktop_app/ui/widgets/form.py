"""Forms with inline validation: each field's message appears right under it, required fields are
marked, and ``complete()`` tells whether Save may be enabled.

A ``Form`` owns the fields; ``section()`` gives a titled block to lay them out in, so long forms
can sit in columns or tabs. Values come out in the shape the services take.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.ui.widgets.check_list import CheckList
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.date_edit import DateEdit


@dataclass
class Field:
    name: str
    label: QLabel
    widget: QWidget
    error: QLabel
    required: bool
    get: Callable[[], Any]
    put: Callable[[Any], None]


class Section(QGroupBox):
    """A titled block of label / field / message rows."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.rows = 0

    def add(self, label: QLabel, widget: QWidget, error: QLabel) -> None:
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if isinstance(widget, (QPlainTextEdit, CheckList)):
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        self.grid.addWidget(label, self.rows, 0, align)
        if isinstance(widget, (DateEdit, QCheckBox, QSpinBox)):
            # Aligned, a narrow field does not cap the width of the whole column.
            self.grid.addWidget(widget, self.rows, 1, Qt.AlignmentFlag.AlignLeft)
        else:
            self.grid.addWidget(widget, self.rows, 1)
        self.grid.addWidget(error, self.rows + 1, 1)
        self.rows += 2


class Form(QObject):
    changed = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.parent_widget = parent
        self.fields: dict[str, Field] = {}
        self._current: Section | None = None
        self._loading = False

    def section(self, title: str) -> Section:
        self._current = Section(title, self.parent_widget)
        return self._current

    # ---- adding fields --------------------------------------------------------------------

    def _add(self, name: str, label_text: str, widget: QWidget, required: bool, get, put, signal,
             section: Section | None = None) -> QWidget:
        label = QLabel((label_text + " *") if required else label_text, self.parent_widget)
        label.setBuddy(widget)
        label.setObjectName(f"label_{name}")
        if required:
            label.setToolTip(label_text)
        error = QLabel("", self.parent_widget)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        widget.setObjectName(f"field_{name}")
        self.fields[name] = Field(name, label, widget, error, required, get, put)
        signal.connect(lambda *_args, n=name: self._edited(n))
        target = section or self._current
        if target is not None:
            target.add(label, widget, error)
        return widget

    def add_text(self, name: str, label: str, *, required: bool = False, max_length: int = 200,
                 placeholder: str = "", section: Section | None = None) -> QLineEdit:
        edit = QLineEdit(self.parent_widget)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit, required, edit.text, lambda v: edit.setText(v or ""), edit.textChanged, section)
        return edit

    def add_date(self, name: str, label: str, *, required: bool = False, section: Section | None = None) -> DateEdit:
        edit = DateEdit(self.parent_widget)
        self._add(name, label, edit, required, edit.value, edit.set_date, edit.textChanged, section)
        return edit

    def add_choice(self, name: str, label: str, choices: list[tuple[Any, str]], *, required: bool = False,
                   section: Section | None = None) -> QComboBox:
        combo = compact(QComboBox(self.parent_widget), 14)
        for code, text in choices:
            combo.addItem(text, code)

        def put(value: Any) -> None:
            index = combo.findData(value)
            combo.setCurrentIndex(index if index >= 0 else 0)

        self._add(name, label, combo, required, combo.currentData, put, combo.currentIndexChanged, section)
        return combo

    def add_check(self, name: str, label: str, *, section: Section | None = None) -> QCheckBox:
        box = QCheckBox(label, self.parent_widget)  # the text on the box itself: clicking it toggles
        self._add(name, "", box, False, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled, section)
        return box

    def add_multi(self, name: str, label: str, choices: list[tuple[str, str]], *, columns: int = 2,
                  section: Section | None = None) -> CheckList:
        checks = CheckList(choices, columns=columns, parent=self.parent_widget)
        self._add(name, label, checks, False, checks.codes, checks.set_codes, checks.changed, section)
        return checks

    def add_note(self, name: str, label: str, *, section: Section | None = None, height: int = 80) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.parent_widget)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        self._add(name, label, edit, False, edit.toPlainText, lambda v: edit.setPlainText(v or ""), edit.textChanged,
                  section)
        return edit

    def add_number(self, name: str, label: str, *, minimum: int = 0, maximum: int = 100000,
                   section: Section | None = None) -> QSpinBox:
        spin = QSpinBox(self.parent_widget)
        spin.setRange(minimum, maximum)
        self._add(name, label, spin, False, spin.value, lambda v: spin.setValue(int(v or 0)), spin.valueChanged,
                  section)
        return spin

    # ---- values and messages -----------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.set_error(name, "")
        self.changed.emit()

    def values(self, names=None) -> dict[str, Any]:
        wanted = names or self.fields.keys()
        return {name: self.fields[name].get() for name in wanted}

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the fields without counting it as an edit."""
        self._loading = True
        try:
            for name, value in values.items():
                if name in self.fields:
                    self.fields[name].put(value)
        finally:
            self._loading = False
        self.clear_errors()

    def set_error(self, name: str, message: str) -> None:
        field = self.fields.get(name)
        if field is None:
            return
        field.error.setText(message)
        field.error.setVisible(bool(message))
        if bool(field.widget.property("invalid")) == bool(message):
            return  # the look is right already: re-polishing every field costs a style-sheet pass each
        field.widget.setProperty("invalid", bool(message))
        field.widget.style().unpolish(field.widget)
        field.widget.style().polish(field.widget)

    def set_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message under its field; returns the messages that have no field here."""
        self.clear_errors()
        orphans = []
        first = None
        for name, message in errors.items():
            if name in self.fields:
                self.set_error(name, message)
                first = first or self.fields[name].widget
            else:
                orphans.append(message)
        if first is not None:
            first.setFocus()
        return orphans

    def clear_errors(self) -> None:
        for name in self.fields:
            self.set_error(name, "")

    def errors(self) -> dict[str, str]:
        return {n: f.error.text() for n, f in self.fields.items() if f.error.text()}

    def complete(self) -> bool:
        """Every required field has something in it."""
        for field in self.fields.values():
            if not field.required:
                continue
            value = field.get()
            if value is None or (isinstance(value, str) and not value.strip()):
                return False
        return True
