"""The dialog every form uses: remembered size, Enter/Esc, translated buttons, and a question before
edits are thrown away."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.i18n import _
from desktop_app.ui import ui_state


class BaseDialog(QDialog):
    """Subclasses call ``make_buttons()`` and implement ``accept()``; ``dirty`` marks unsaved edits."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dirty = False
        self._geometry_key = f"dialogs/{type(self).__name__}/geometry"
        self.buttons: QDialogButtonBox | None = None

    def make_buttons(self, save_text: str | None = None) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Save).setText(save_text or _("&Save"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.buttons = box
        return box

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save) if self.buttons else None

    def mark_dirty(self, *_args) -> None:
        self.dirty = True

    def restore_size(self, width: int, height: int) -> None:
        geometry = ui_state.get(self._geometry_key)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(width, height)

    def done(self, result: int) -> None:
        ui_state.put(self._geometry_key, self.saveGeometry())
        super().done(result)

    def reject(self) -> None:
        if self.dirty:
            from desktop_app.ui.messages import ask_discard

            if not ask_discard(self):
                return
        super().reject()
