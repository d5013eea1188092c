"""A group of check boxes for a multi-valued code field (statistical categories)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget


class CheckList(QWidget):
    changed = Signal()

    def __init__(self, choices: list[tuple[str, str]], *, columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(choices):
            box = QCheckBox(label, self)
            box.setObjectName(f"check_{code}")
            box.toggled.connect(lambda _v: self.changed.emit())
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[code] = box

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes) -> None:
        if isinstance(codes, str):
            codes = [c for c in codes.split(",") if c]
        wanted = set(codes or ())
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)
