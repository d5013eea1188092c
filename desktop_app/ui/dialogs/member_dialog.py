"""A member's record: every field, the dated status history, and the actions that change a member's
status (recognition, exemption, transfer, striking off), each through the Party rules."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.enums import MembershipKind, SponsorRole, Stage, Status
from desktop_app.i18n import N_, _
from desktop_app.services.people import membership, people, sponsorships
from desktop_app.ui.dialogs.advance_stage import AdvanceStageDialog, next_stages
from desktop_app.ui.dialogs.person_dialog import HISTORY_COLUMNS, PersonDialog
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.member_record_tabs import MemberRecordTabs
from desktop_app.ui.widgets.person_form import STATUS_CHOICES_NEW_MEMBER, PersonForm
from desktop_app.ui.widgets.table import RowTable

SPONSOR_COLUMNS = (
    Column(N_("Role"), lambda r: SponsorRole.label(r.role)),
    Column(N_("Helper or introducer"), lambda r: r.sponsor_name),
    Column(N_("Person"), lambda r: r.person_name),
    Column(N_("From"), lambda r: r.start),
    Column(N_("Until"), lambda r: r.end),
)
def _membership_detail(row) -> str:
    """Where a move came from, where a transfer came from or went to, where a temporary activity is."""
    if row.kind == MembershipKind.MOVE and row.other_branch_name:
        return _("from {branch}").format(branch=row.other_branch_name)
    return row.place


MEMBERSHIP_COLUMNS = (
    Column(N_("Date"), lambda r: r.date),
    Column(N_("Change"), lambda r: MembershipKind.label(r.kind)),
    Column(N_("Branch"), lambda r: r.branch_name),
    Column(N_("From or to"), _membership_detail),
    Column(N_("Document"), lambda r: r.document_ref),
    Column(N_("Paper dated"), lambda r: r.paper_date),
)
RECOGNITION_STEPS = (Stage.NEW_MEMBER_CLASS, Stage.RECOGNITION_RESOLUTION, Stage.RECOGNITION_DECISION)
# (stage, button text, statuses that may take it)
ACTIONS = (
    (Stage.EXEMPTED, N_("Exempt from activities…"), (Status.OFFICIAL, Status.PROBATIONARY)),
    (Stage.RETURNED, N_("Back to activities…"), (Status.EXEMPT,)),
    (Stage.STRUCK_OFF, N_("Strike off…"), Status.MEMBERS),
    (Stage.DECEASED, N_("Record death…"), Status.MEMBERS),
)


class MemberDialog(PersonDialog):
    """Edit the member *person_id* (None: a new member). ``saved(person_id)`` after every write."""

    def __init__(self, person_id: int | None, today: dt.date, parent: QWidget | None = None, *,
                 branch_id: int | None = None, new_statuses=STATUS_CHOICES_NEW_MEMBER):
        super().__init__(person_id, today, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogTitle")
        layout.addWidget(self.heading)
        self.person_form = PersonForm(today, self, new_statuses=new_statuses if person_id is None else ())
        layout.addWidget(self.person_form, 1)
        self.record_tabs = MemberRecordTabs(self.person_form, today)
        self.record_tabs.changed.connect(lambda: self.saved.emit(self.person_id))
        self._build_history_tab()
        self._build_year_tab()
        buttons = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        self.recognise_button = QPushButton(_("Recognise as official member…"), self)
        self.recognise_button.clicked.connect(self.recognise)
        buttons.addWidget(self.recognise_button)
        for stage, text, _statuses in ACTIONS:
            button = QPushButton(_(text), self)
            button.setProperty("stage", stage)
            button.clicked.connect(lambda _c=False, s=stage: self.record(s))
            buttons.addWidget(button)
            self.action_buttons.append(button)
        self.transfer_button = QPushButton(_("Transfer or move…"), self)
        self.transfer_menu = QMenu(self.transfer_button)
        self.transfer_button.setMenu(self.transfer_menu)
        buttons.addWidget(self.transfer_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.make_buttons())
        self.watch_form()
        self.load(branch_id)
        self.restore_size(1120, 700)

    def _build_history_tab(self) -> None:
        page = QWidget(self.person_form)
        box = QVBoxLayout(page)
        self.history_model = RowTableModel(HISTORY_COLUMNS, page)
        self.history_table = RowTable(self.history_model, page, stretch=3)
        box.addWidget(QLabel(_("Status history"), page))
        box.addWidget(self.history_table, 2)
        self.membership_model = RowTableModel(MEMBERSHIP_COLUMNS, page)
        self.membership_table = RowTable(self.membership_model, page, stretch=3)
        box.addWidget(QLabel(_("Membership of the branches (what the counts on each date are made from)"), page))
        box.addWidget(self.membership_table, 1)
        self.sponsor_model = RowTableModel(SPONSOR_COLUMNS, page)
        self.sponsor_table = RowTable(self.sponsor_model, page, stretch=1)
        box.addWidget(QLabel(_("Helpers, introducers and people helped"), page))
        box.addWidget(self.sponsor_table, 1)
        self.history_index = self.person_form.addTab(page, _("History"))

    def _build_year_tab(self) -> None:
        """Discipline, the grades of each year and the Party badges (services.year)."""
        from desktop_app.ui.widgets.member_year_panel import MemberYearPanel

        self.year_panel = MemberYearPanel(self.today, self.person_form)
        self.year_panel.changed.connect(lambda: self.saved.emit(self.person_id) if self.person_id else None)
        self.year_index = self.person_form.addTab(self.year_panel, _("Discipline, grading and badges"))

    # ---- loading ------------------------------------------------------------------------------

    def load(self, branch_id: int | None = None) -> None:
        person = people.get_person(self.person_id) if self.person_id else None
        self.person_form.load(person)
        self.show_title(person, _("New member"), branch_id)
        if person is not None:
            self.history_model.set_rows(people.history(person.id))
            self.history_table.fit_columns()
            self.membership_model.set_rows(membership.history(person.id))
            self.membership_table.fit_columns()
            rows = sponsorships.for_person(person.id) + sponsorships.by_sponsor(person.id)
            self.sponsor_model.set_rows(rows)
            self.sponsor_table.fit_columns()
        self.person_form.setTabEnabled(self.history_index, person is not None)
        self.year_panel.load(person.id if person is not None else None, person.full_name if person else "")
        self.person_form.setTabEnabled(self.year_index, person is not None)
        status = person.status if person else None
        self.recognise_button.setVisible(status == Status.PROBATIONARY)
        for button, (_stage, _text, statuses) in zip(self.action_buttons, ACTIONS, strict=True):
            button.setVisible(status in statuses)
        self.record_tabs.load(person)
        self._fill_transfer_menu(status)
        self.dirty = False
        self._update_save()

    def _ensure_saved(self) -> bool:
        if self.dirty:
            return self.save()
        return self.person_id is not None

    def _advance(self, stages: list[str]) -> None:
        if not stages or not self._ensure_saved():
            return
        dialog = AdvanceStageDialog(self.person_id, stages, self.today, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.saved.emit(self.person_id)
            self.load()

    def _fill_transfer_menu(self, status: str | None) -> None:
        """The transfers the member's status allows, each opening its dialog."""
        from desktop_app.ui.dialogs import transfer_dialogs as td

        self.transfer_menu.clear()
        entries = []
        if status in Status.MEMBERS:
            entries = [(_("Transfer out to another organisation…"), td.TransferOutDialog),
                       (_("Move to another branch…"), td.MoveDialog),
                       (_("Temporary activity…"), td.TemporaryDialog)]
        elif status == Status.TRANSFERRED:
            entries = [(_("Receive back by transfer…"), td.ReceiveBackDialog)]
        for text, dialog in entries:
            self.transfer_menu.addAction(text, lambda d=dialog: self.open_transfer(d))
        self.transfer_button.setVisible(bool(entries))

    def transfer_dialog(self, dialog_class):
        """The dialog of a transfer for this member (not shown); None when the record is new."""
        if not self._ensure_saved():
            return None
        return dialog_class(self.person_id, self.today, self)

    def open_transfer(self, dialog_class) -> None:
        dialog = self.transfer_dialog(dialog_class)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.saved.emit(self.person_id)
            self.load()

    def recognise(self) -> None:
        person = people.get_person(self.person_id)
        stages = [s for s in next_stages(person) if s in RECOGNITION_STEPS]
        self._advance(stages)

    def record(self, stage: str) -> None:
        self._advance([stage])
