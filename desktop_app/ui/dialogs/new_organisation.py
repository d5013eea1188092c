"""Creating a new database: the organisation's header details and, optionally, its first branch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.datafile import dbfile
from desktop_app.services.organisation import branches, organisation
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.widgets.form import Form


class NewOrganisationDialog(BaseDialog):
    """Creates the database file at *path* when saved; nothing is left behind when cancelled."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.created = False
        self.setWindowTitle(_("New organisation"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("The details below print in the header of every document. You can change them later "
                         "under Settings."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(self)
        org = self.form.section(_("Organisation"))
        self.form.add_text("name", _("Name of the Party organisation"), required=True,
                           placeholder=_("e.g. ĐẢNG BỘ XÃ MƯỜNG ẢNG"))
        self.form.add_text("superior_body", _("Body directly above"), placeholder=_("e.g. ĐẢNG BỘ TỈNH ĐIỆN BIÊN"))
        self.form.add_text("place", _("Place for the dateline"), placeholder=_("e.g. Mường Ảng"))
        self.form.add_text("issuer_code", _("Issuer code"), max_length=10, placeholder=_("e.g. ĐU or CB"))
        self.form.add_text("term", _("Committee term"), max_length=20, placeholder=_("e.g. 2025-2030"))
        layout.addWidget(org)
        first = self.form.section(_("First branch (optional)"))
        self.form.add_text("branch_code", _("Branch code"), max_length=32, placeholder=_("e.g. CB01"))
        self.form.add_text("branch_name", _("Branch name"), placeholder=_("e.g. Chi bộ bản Co Muông"))
        layout.addWidget(first)
        layout.addStretch(1)
        where = QLabel(_("Database file: {path}").format(path=self.path), self)
        where.setWordWrap(True)
        where.setObjectName("hint")
        layout.addWidget(where)
        layout.addWidget(self.make_buttons(_("&Create")))
        self.form.changed.connect(self._update_buttons)
        self.form.changed.connect(self.mark_dirty)
        self._update_buttons()
        self.restore_size(720, 620)

    def _update_buttons(self) -> None:
        values = self.form.values(["branch_code", "branch_name"])
        branch_half = bool(values["branch_code"].strip()) != bool(values["branch_name"].strip())
        self.save_button().setEnabled(self.form.complete() and not branch_half)

    def accept(self) -> None:
        from desktop_app.ui.messages import error

        values = self.form.values()
        org_data = {k: values[k] for k in ("name", "superior_body", "place", "issuer_code", "term")}
        if not org_data["issuer_code"].strip():
            org_data.pop("issuer_code")
        existed = self.path.exists()
        try:
            if dbfile.current_path() != self.path:
                dbfile.open_file(self.path, create=True)
            organisation.save_organisation(org_data)
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return
        except Exception as exc:
            if not existed:
                self._discard_file()
            error(self, _("New organisation"), exc)
            return
        if values["branch_code"].strip():
            try:
                branches.create_branch({"code": values["branch_code"], "name": values["branch_name"],
                                        "kind": "other"})
            except ValidationError as exc:
                self._show_errors({f"branch_{k}" if k in ("code", "name") else k: v for k, v in exc.errors.items()})
                return
        self.created = True
        self.dirty = False
        super().accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        orphans = self.form.set_errors(errors)
        if orphans:
            from desktop_app.ui.messages import error

            error(self, _("New organisation"), "\n".join(orphans))

    def reject(self) -> None:
        super().reject()
        if not self.created and dbfile.current_path() == self.path and self.isHidden():
            self._discard_file()

    def _discard_file(self) -> None:
        """Remove a file this dialog created but never filled."""
        from desktop_app.services.organisation import organisation as org_service

        try:
            if dbfile.current_path() == self.path and org_service.get_organisation() is None:
                dbfile.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
        except Exception:  # leaving an empty, valid database behind is harmless
            pass
