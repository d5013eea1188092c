"""The member record's own tabs in the member dialog, beside the person's fields:

- **Card and awards**: the card's issue date and place and its number under Decision 85 (fields of the record,
  saved with it), and the member's awards (rows written at once, through services.people.awards);
- **Transfers and residence**: under inspection and why (no transfer meanwhile), a transfer that is due (the day a
  decision took effect, where to) with the deadlines of the transfers under way, and the residence contact of a
  member working in an agency or enterprise (Quy định 213-QĐ/TW) with the residence branch's yearly comments.

``load(person)`` fills the rows; ``changed`` is emitted after a row was written, so the dialog tells the views.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.enums import Status
from desktop_app.i18n import N_, _, format_date
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.organisation import branches
from desktop_app.services.people import awards, residence, transfers
from desktop_app.ui.messages import confirm, error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

AWARD_COLUMNS = (
    Column(N_("Award"), lambda r: r.kind),
    Column(N_("Date"), lambda r: r.date),
    Column(N_("Decision number"), lambda r: r.decision),
    Column(N_("Awarded by"), lambda r: r.by_whom),
)
COMMENT_COLUMNS = (
    Column(N_("Year"), lambda r: str(r.year)),
    Column(N_("Received on"), lambda r: r.received_on),
    Column(N_("Commented by"), lambda r: r.author),
    Column(N_("Comment"), lambda r: r.text.replace("\n", " ")),
)


def _buttons(parent: QWidget, *names: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row = QHBoxLayout()
    row.addStretch(1)
    made = []
    for name in names:
        button = QPushButton(name, parent)
        row.addWidget(button)
        made.append(button)
    return row, made


class MemberRecordTabs(QObject):
    """Adds the two tabs to *person_form* (a PersonForm); their fields join the person's form."""

    changed = Signal()

    def __init__(self, person_form, today: dt.date):
        super().__init__(person_form)
        self.person_form = person_form
        self.today = today
        self.person_id: int | None = None
        self.contact = ""  # the residence branch or organisation, as recorded
        self._card_tab()
        self._transfer_tab()

    # ---- building ----------------------------------------------------------------------------------------

    def _card_tab(self) -> None:
        form, names = self.person_form.form, self._labels()
        page = QWidget(self.person_form)
        box = QVBoxLayout(page)
        card = form.section(_("Party card"))
        form.add_date("card_issued_on", names["card_issued_on"])
        form.add_text("card_issued_place", names["card_issued_place"], placeholder=_("e.g. Huyện ủy Mường Ảng"))
        form.add_text("card_number_qd85", names["card_number_qd85"], max_length=40)
        box.addWidget(card)
        title = QLabel(_("Awards"), page)
        title.setObjectName("sectionTitle")
        box.addWidget(title)
        self.award_model = RowTableModel(AWARD_COLUMNS, page)
        self.award_table = RowTable(self.award_model, page, stretch=0)
        self.award_table.activated_row.connect(self.edit_award)
        box.addWidget(self.award_table, 1)
        row, (self.add_award_button, self.edit_award_button, self.delete_award_button) = _buttons(
            page, _("Add an award…"), _("Change…"), _("Delete"))
        self.add_award_button.clicked.connect(lambda: self.edit_award(None))
        self.edit_award_button.clicked.connect(lambda: self.edit_award(self.award_table.current_row()))
        self.delete_award_button.clicked.connect(self.delete_award)
        box.addLayout(row)
        self.card_page = page
        self.person_form.addTab(page, _("Card and awards"))

    def _transfer_tab(self) -> None:
        form, names = self.person_form.form, self._labels()
        page = QWidget(self.person_form)
        box = QVBoxLayout(page)
        left = form.section(_("Inspection and transfers"))
        form.add_check("under_inspection", _("Under inspection (no transfer meanwhile)"))
        form.add_note("inspection_reason", names["inspection_reason"], height=56)
        form.add_date("moving_on", names["moving_on"])
        form.add_text("moving_to", names["moving_to"], placeholder=_("the organisation the member goes to"))
        right = form.section(_("Residence contact (Regulation 213-QĐ/TW)"))
        home = form.add_choice("residence_branch", names["residence_branch"],
                               [(None, _("(not a branch of ours)"))] + branches.branch_choices())
        home.setMinimumContentsLength(26)
        form.add_text("residence_contact", names["residence_contact"],
                      placeholder=_("e.g. Chi bộ thôn Đông, xã Vũ Hội"))
        row = QHBoxLayout()
        row.addWidget(left, 1)
        row.addWidget(right, 1)
        box.addLayout(row)
        self.deadlines = QLabel(page)
        self.deadlines.setObjectName("summary")
        self.deadlines.setWordWrap(True)
        self.reported_button = QPushButton(_("Reported to the new organisation on…"), page)
        self.reported_button.clicked.connect(self.confirm_report)
        line = QHBoxLayout()
        line.addWidget(self.deadlines, 1)
        line.addWidget(self.reported_button)
        box.addLayout(line)
        title = QLabel(_("Yearly comments of the residence branch"), page)
        title.setObjectName("sectionTitle")
        box.addWidget(title)
        self.comment_model = RowTableModel(COMMENT_COLUMNS, page)
        self.comment_table = RowTable(self.comment_model, page, stretch=3)
        self.comment_table.activated_row.connect(self.edit_comment)
        box.addWidget(self.comment_table, 1)
        buttons, (self.add_comment_button, self.edit_comment_button, self.delete_comment_button) = _buttons(
            page, _("Add the year's comment…"), _("Change…"), _("Delete"))
        self.add_comment_button.clicked.connect(lambda: self.edit_comment(None))
        self.edit_comment_button.clicked.connect(lambda: self.edit_comment(self.comment_table.current_row()))
        self.delete_comment_button.clicked.connect(self.delete_comment)
        box.addLayout(buttons)
        self.transfer_page = page
        self.person_form.addTab(page, _("Transfers and residence"))

    @staticmethod
    def _labels() -> dict[str, str]:
        from desktop_app.services.people import people

        return people.field_labels()

    # ---- loading -----------------------------------------------------------------------------------------

    def load(self, person) -> None:
        self.person_id = person.id if person is not None else None
        saved = person is not None
        for button in (self.add_award_button, self.edit_award_button, self.delete_award_button,
                       self.add_comment_button, self.edit_comment_button, self.delete_comment_button):
            button.setEnabled(saved)
        self.award_model.set_rows(awards.awards(person.id) if saved else [])
        self.award_table.fit_columns()
        self.comment_model.set_rows(residence.comments(person.id) if saved else [])
        self.comment_table.fit_columns()
        lines = []
        under_way = transfers.transfer_deadlines(person.id) if saved else []
        self.contact = residence.contact_text(person) if saved else ""
        if saved:
            for _kind, what, deadline in under_way:
                text = _("{what}: overdue since {date} ({source}).") if deadline.date < self.today else \
                    _("{what}: due by {date} ({source}).")
                lines.append(text.format(what=what, date=format_date(deadline.date), source=deadline.source))
            if residence.must_keep_in_touch(person) and not residence.contact_text(person):
                lines.append(_("This member works in an agency or enterprise: record the residence branch they keep "
                               "in touch with."))
        self.deadlines.setText("\n".join(lines))
        self.deadlines.setVisible(bool(lines))
        self.reported_button.setVisible(saved and person.status == Status.TRANSFERRED
                                        and transfers.last_transfer_out(person.id) is not None)

    def _reload(self) -> None:
        from desktop_app.services.people import people

        self.load(people.get_person(self.person_id))
        self.changed.emit()

    # ---- rows --------------------------------------------------------------------------------------------

    def edit_award(self, row) -> None:
        from desktop_app.ui.dialogs.record_rows import AwardDialog

        if self.person_id is None:
            return
        if AwardDialog(self.person_id, row, self.person_form).exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def delete_award(self) -> None:
        row = self.award_table.current_row()
        if row is None or not confirm(self.person_form, _("Delete"), _("Delete the award “{kind}”?").format(
                kind=row.kind)):
            return
        try:
            awards.delete_award(row.id)
        except ServiceError as exc:
            error(self.person_form, _("Delete"), exc)
        self._reload()

    def edit_comment(self, row) -> None:
        from desktop_app.ui.dialogs.record_rows import CommentDialog

        if self.person_id is None:
            return
        dialog = CommentDialog(self.person_id, self.today, row, self.person_form, author=self.contact)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def delete_comment(self) -> None:
        row = self.comment_table.current_row()
        if row is None or not confirm(self.person_form, _("Delete"), _("Delete the comment on {year}?").format(
                year=row.year)):
            return
        try:
            residence.delete_comment(row.id)
        except ServiceError as exc:
            error(self.person_form, _("Delete"), exc)
        self._reload()

    def confirm_report(self) -> None:
        from desktop_app.ui.dialogs.transfer_dialogs import ReportedDialog

        if self.person_id is not None and ReportedDialog(self.person_id, self.person_form).exec() \
                == QDialog.DialogCode.Accepted:
            self._reload()
