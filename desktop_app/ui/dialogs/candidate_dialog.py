"""A candidate's (or probationary member's) file: the dated steps and the deadlines the rules set, the
dossier checklist, helpers and introducers, and every personal field. Steps are recorded through the
rules (the advance-stage dialog)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.enums import SponsorRole, Stage, Status
from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.people import candidates, people, sponsorships
from desktop_app.ui.dialogs.advance_stage import AdvanceStageDialog, next_stages
from desktop_app.ui.dialogs.person_dialog import HISTORY_COLUMNS, PersonDialog
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.dossier_panel import DossierPanel
from desktop_app.ui.widgets.former_membership_tab import FormerMembershipTab
from desktop_app.ui.widgets.person_form import STATUS_CHOICES_NEW_CANDIDATE, PersonForm
from desktop_app.ui.widgets.table import RowTable

SPONSOR_COLUMNS = (
    Column(N_("Role"), lambda r: SponsorRole.label(r.role)),
    Column(N_("Official member"), lambda r: r.sponsor_name),
    Column(N_("From"), lambda r: r.start),
    Column(N_("Until"), lambda r: r.end),
    Column(N_("Reason"), lambda r: r.end_reason),
)


def _deadline_columns(today: dt.date) -> tuple[Column, ...]:
    def state(row) -> str:
        if row.done:
            return _("done")
        days = (row.date - today).days
        if days < 0:
            return ngettext("overdue by {n} day", "overdue by {n} days", -days).format(n=-days)
        return ngettext("in {n} day", "in {n} days", days).format(n=days) if days else _("today")

    def colour(row) -> str | None:
        if row.done:
            return "#1d6b2a"
        days = (row.date - today).days
        return "#a00000" if days < 0 else ("#8a5a00" if days <= 30 else None)

    return (Column(N_("Deadline"), lambda r: r.date),
            Column(N_("What"), lambda r: r.title),
            Column(N_("When"), state, sort=lambda r: r.date, color=colour),
            Column(N_("Rule"), lambda r: r.source, tooltip=lambda r: r.source))


class CandidateDialog(PersonDialog):
    """Open the candidate *person_id* (None: a new candidate). ``saved(person_id)`` after every write."""

    def __init__(self, person_id: int | None, today: dt.date, parent: QWidget | None = None, *,
                 branch_id: int | None = None):
        super().__init__(person_id, today, parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogTitle")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.person_form = PersonForm(today, self, new_statuses=STATUS_CHOICES_NEW_CANDIDATE if not person_id else ())
        self._build_steps_tab()
        self.dossier = DossierPanel(today, self.person_form)
        self.dossier.changed.connect(self._after_write)
        self.dossier_index = self.person_form.insertTab(1, self.dossier, _("Dossier"))
        self._build_sponsor_tab()
        self.former = FormerMembershipTab(self.person_form, today)
        layout.addWidget(self.person_form, 1)
        row = QHBoxLayout()
        self.advance_button = QPushButton(_("Record the next step…"), self)
        self.advance_button.setObjectName("primary")
        self.advance_button.clicked.connect(self.advance)
        self.drop_button = QPushButton(_("Remove from the candidate list…"), self)
        self.drop_button.clicked.connect(lambda: self._advance([Stage.DROPPED]))
        self.received_button = QPushButton(_("Decision received on…"), self)
        self.received_button.setToolTip(_("The ceremony is due within 30 working days of the day the branch "
                                          "received the admission decision."))
        self.received_button.clicked.connect(self.decision_received)
        row.addWidget(self.advance_button)
        row.addWidget(self.drop_button)
        row.addWidget(self.received_button)
        row.addStretch(1)
        row.addWidget(self.make_buttons())
        layout.addLayout(row)
        self.watch_form()
        self.load(branch_id)
        self.restore_size(1120, 710)

    def _build_steps_tab(self) -> None:
        page = QWidget(self.person_form)
        box = QVBoxLayout(page)
        self.next_label = QLabel(page)
        self.next_label.setObjectName("sectionTitle")
        self.next_label.setWordWrap(True)
        box.addWidget(self.next_label)
        self.deadline_model = RowTableModel(_deadline_columns(self.today), page)
        self.deadline_table = RowTable(self.deadline_model, page, stretch=1)
        box.addWidget(QLabel(_("Deadlines set by the rules"), page))
        box.addWidget(self.deadline_table, 2)
        self.step_model = RowTableModel(HISTORY_COLUMNS, page)
        self.step_table = RowTable(self.step_model, page, stretch=3)
        box.addWidget(QLabel(_("Steps recorded"), page))
        box.addWidget(self.step_table, 3)
        self.person_form.insertTab(0, page, _("Steps and deadlines"))
        self.steps_page = page

    def _build_sponsor_tab(self) -> None:
        page = QWidget(self.person_form)
        box = QVBoxLayout(page)
        self.sponsor_model = RowTableModel(SPONSOR_COLUMNS, page)
        self.sponsor_table = RowTable(self.sponsor_model, page, stretch=1)
        box.addWidget(self.sponsor_table)
        row = QHBoxLayout()
        hint = QLabel(_("Each assignment shows the eligibility rules before it is made."), page)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.assign_button = QPushButton(_("Assign a helper or introducer…"), page)
        self.assign_button.clicked.connect(self.assign_sponsor)
        row.addWidget(hint, 1)
        row.addWidget(self.assign_button)
        box.addLayout(row)
        self.person_form.insertTab(2, page, _("Helpers and introducers"))
        self.sponsor_page = page

    # ---- loading ------------------------------------------------------------------------------

    def load(self, branch_id: int | None = None) -> None:
        person = people.get_person(self.person_id) if self.person_id else None
        self.person_form.load(person)
        for page in (self.steps_page, self.dossier, self.sponsor_page):
            self.person_form.setTabEnabled(self.person_form.indexOf(page), person is not None)
        self.show_title(person, _("New candidate"), branch_id)
        self.former.check()
        if person is None:
            name = self.person_form.form.fields["full_name"].widget
            self.person_form.setCurrentWidget(next(self.person_form.widget(i) for i in range(self.person_form.count())
                                                   if self.person_form.widget(i).isAncestorOf(name)))
        else:
            if not self.isVisible():
                self.person_form.setCurrentWidget(self.steps_page)
            self.step_model.set_rows(people.history(person.id))
            self.step_table.fit_columns()
            self.deadline_model.set_rows(candidates.deadlines(person.id, self.today))
            self.deadline_table.fit_columns()
            self.sponsor_model.set_rows(sponsorships.for_person(person.id))
            self.sponsor_table.fit_columns()
            self.dossier.load(person.id)
            upcoming = next_stages(person)
            self.next_label.setText(_("Next step: {step}").format(step=Stage.label(upcoming[0])) if upcoming
                                    else _("No further step in the admission pipeline."))
        status = person.status if person else None
        self.advance_button.setEnabled(bool(person) and bool(next_stages(person)))
        self.drop_button.setVisible(status in Status.CANDIDATES)
        self.received_button.setVisible(self._decision() is not None)
        self.dirty = False
        self._update_save()

    def _after_write(self) -> None:
        if self.person_id:
            self.saved.emit(self.person_id)
            self.deadline_model.set_rows(candidates.deadlines(self.person_id, self.today))

    # ---- writing ------------------------------------------------------------------------------

    def save(self) -> bool:
        creating = self.person_id is None
        if not super().save():
            return False
        if creating:
            self.load()  # the steps, dossier and helper tabs open once the person exists
        return True

    def advance_dialog(self, stages: list[str] | None = None) -> AdvanceStageDialog | None:
        """The dialog recording the next step (not shown)."""
        if self.person_id is None:
            return None
        stages = stages or next_stages(people.get_person(self.person_id))
        return AdvanceStageDialog(self.person_id, stages, self.today, self) if stages else None

    def _advance(self, stages: list[str] | None) -> None:
        if self.dirty and not self.save():
            return
        dialog = self.advance_dialog(stages)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.saved.emit(self.person_id)
            self.load()

    def advance(self) -> None:
        self._advance(None)

    def _decision(self):
        """The admission decision recorded for a person not yet admitted at a ceremony (else None)."""
        if self.person_id is None:
            return None
        steps = people.history(self.person_id)
        if any(e.stage == Stage.CEREMONY for e in steps):
            return None
        return next((e for e in reversed(steps) if e.stage == Stage.ADMISSION_DECISION), None)

    def received_dialog(self):
        decision = self._decision()
        if decision is None:
            return None
        from desktop_app.ui.dialogs.decision_received import DecisionReceivedDialog

        return DecisionReceivedDialog(self.person_id, decision.date, decision.received_on, self)

    def decision_received(self) -> None:
        dialog = self.received_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.saved.emit(self.person_id)
            self.load()

    def assign_dialog(self):
        from desktop_app.ui.dialogs.sponsor_assign import SponsorAssignDialog

        person = people.get_person(self.person_id)
        return SponsorAssignDialog(self.today, self, branch_id=person.branch_id, person_id=person.id)

    def assign_sponsor(self) -> None:
        if self.person_id is None or (self.dirty and not self.save()):
            return
        if self.assign_dialog().exec() == QDialog.DialogCode.Accepted:
            self.saved.emit(self.person_id)
            self.sponsor_model.set_rows(sponsorships.for_person(self.person_id))
            self.sponsor_table.fit_columns()

