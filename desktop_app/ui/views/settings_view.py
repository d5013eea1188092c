"""Settings: the organisation's details for document headers, the language, and the calendar's extra days
off and make-up working days (deadlines in working days count them)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.i18n import _
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.organisation import organisation
from desktop_app.ui import context as kinds
from desktop_app.ui.messages import confirm, error, show_write_error
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.calendar_panel import CalendarPanel
from desktop_app.ui.widgets.form import Form
from desktop_app.ui.widgets.security_panel import SecurityPanel

ORG_FIELDS = ("name", "superior_body", "superior_committee", "place", "address", "issuer_code", "term", "signer",
              "is_grassroots_branch", "authorised_to_admit")
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class SettingsView(BaseView):
    KEY = "settings"
    WATCHES = (kinds.ORGANISATION, kinds.SETTINGS)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.dirty = False
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        page = QWidget(scroll)
        columns = QHBoxLayout(page)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.form = Form(page)
        self.org_box = self.form.section(_("Organisation (printed in document headers)"))
        self.form.add_text("name", _("Name of the Party organisation"), required=True)
        self.form.add_text("superior_body", _("First header line (the body above)"))
        self.form.add_text("superior_committee", _("Committee that receives reports"))
        self.form.add_text("place", _("Place for the dateline"))
        self.form.add_text("address", _("Address"))
        self.form.add_text("issuer_code", _("Issuer code"), max_length=10)
        self.form.add_text("term", _("Committee term"), max_length=20)
        self.form.add_text("signer", _("Secretary signing the committee's documents"))
        self.form.add_check("is_grassroots_branch", _("Grassroots branch (no grassroots committee)"))
        self.form.add_check("authorised_to_admit", _("Committee authorised to decide admissions"))
        self.form.changed.connect(self._on_edit)
        left.addWidget(self.org_box)
        org_buttons = QHBoxLayout()
        org_buttons.addStretch(1)
        self.revert_button = QPushButton(page)
        self.revert_button.clicked.connect(self.refresh)
        self.save_button = QPushButton(page)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        org_buttons.addWidget(self.revert_button)
        org_buttons.addWidget(self.save_button)
        left.addLayout(org_buttons)
        left.addStretch(1)

        self.language_box = QGroupBox(page)
        lang_row = QHBoxLayout(self.language_box)
        self.language = QComboBox(self.language_box)
        self.language.setObjectName("language")
        for code in i18n.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language_button = QPushButton(self.language_box)
        self.language_button.clicked.connect(self.apply_language)
        lang_row.addWidget(self.language, 1)
        lang_row.addWidget(self.language_button)
        right.addWidget(self.language_box)

        self.security = SecurityPanel(page)
        left.insertWidget(left.count() - 1, self.security)
        self.calendar = CalendarPanel(self.context.today(), page)
        right.addWidget(self.calendar, 1)

        scroll.setWidget(page)
        outer.addWidget(scroll)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Settings")

    def retranslate_ui(self) -> None:
        self.save_button.setText(_("&Save (Ctrl+S)"))
        self.revert_button.setText(_("Undo changes"))
        self.language_box.setTitle(_(settings.LANGUAGE.title))
        self.language_button.setText(_("Switch language"))

    # ---- organisation -------------------------------------------------------------------------------

    def refresh(self) -> None:
        org = organisation.get_organisation()
        self.org_version = org.version if org else None  # sent back on save (no lost update)
        values = {f: getattr(org, f, "") if org else "" for f in ORG_FIELDS}
        self.form.set_values(values)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current_language()), 0))
        self.security.load()
        self.calendar.load()
        self._set_dirty(False)

    def _on_edit(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty and self.form.complete())
        self.revert_button.setEnabled(dirty)

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def save(self) -> bool:
        if not self.dirty:
            return False
        try:
            saved = organisation.save_organisation({**self.form.values(),
                                                    "version": getattr(self, "org_version", None)})
        except ServiceError as exc:
            show_write_error(self, self.title(), exc, self.form.set_errors)
            return False
        self.org_version = saved.version
        self._set_dirty(False)
        self.context.message(_("Organisation details saved."))
        return True

    # ---- language -----------------------------------------------------------------------------------

    def apply_language(self) -> None:
        lang = self.language.currentData()
        if self.dirty and not confirm(self, _("Language"), _("Your changes have not been saved. Switch language "
                                                             "and lose them?")):
            return
        try:
            settings.set(settings.LANGUAGE, lang)
        except ServiceError as exc:
            error(self, _("Language"), exc)
            return
        self.dirty = False
        self.context.hub.language_change_requested.emit(lang)
