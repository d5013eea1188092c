"""Combo boxes whose width does not grow with their longest item (a long branch name must not push the
window past a 1366-pixel screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget


def compact(combo: QComboBox, chars: int = 16) -> QComboBox:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def combo(parent: QWidget | None = None, chars: int = 16) -> QComboBox:
    return compact(QComboBox(parent), chars)
