"""Transfers and moves, each recorded through the Party rules (services.people.transfers): what the rules say shows
as the dialog is filled; an error blocks the record, warnings must be acknowledged.

- ``TransferInDialog``: a member arriving from another organisation (the person's essentials, from where, the
  introduction paper's number and date, the day they reported, the branch and their standing);
- ``ReceiveBackDialog``: a member transferred out who comes back;
- ``TransferOutDialog``: a member leaving for another organisation (where to, the decision's effective day, the
  paper);
- ``MoveDialog``: a move to another branch of the organisation;
- ``TemporaryDialog``: temporary activity elsewhere (from, until) and here;
- ``ReportedDialog``: the day the new organisation confirmed a member transferred out reported to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.enums import Gender, Status
from desktop_app.core.enums import MembershipKind as K
from desktop_app.i18n import _
from desktop_app.services.common.errors import RuleViolation, ServiceError, ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.people import membership, people, transfers
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.findings_list import FindingsList
from desktop_app.ui.widgets.form import Form


class _RuledDialog(BaseDialog):
    """A form whose content the rules judge as it is filled: subclasses build ``self.form`` in sections, then
    call ``finish``; ``data()`` gives the service's input, ``checker``/``writer`` the service's calls."""

    def __init__(self, title: str, heading: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.findings = None
        self.layout_ = QVBoxLayout(self)
        head = QLabel(heading, self)
        head.setObjectName("dialogTitle")
        head.setWordWrap(True)
        self.layout_.addWidget(head)
        self.form = Form(self)
        self.columns = QHBoxLayout()
        self.layout_.addLayout(self.columns)

    def finish(self, checker: Callable[[dict], object], writer: Callable[..., object], *, save_text: str,
               width: int = 860, height: int = 620) -> None:
        self.checker, self.writer = checker, writer
        title = QLabel(_("What the rules say"), self)
        title.setObjectName("sectionTitle")
        self.layout_.addWidget(title)
        self.findings_list = FindingsList(self)
        self.findings_list.setMinimumHeight(90)
        self.layout_.addWidget(self.findings_list, 1)
        self.acknowledge = QCheckBox(_("I have read the warnings and want to record this"), self)
        self.acknowledge.setObjectName("acknowledge")
        self.acknowledge.toggled.connect(self._update_buttons)
        self.layout_.addWidget(self.acknowledge)
        self.layout_.addWidget(self.make_buttons(save_text))
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.check)
        self.form.changed.connect(self._timer.start)
        self.form.changed.connect(self.mark_dirty)
        self.check()
        self.restore_size(width, height)

    def data(self) -> dict:
        return self.form.values()

    def check(self) -> None:
        if not self.form.complete():
            self.findings = None
            self.findings_list.show_note(_("Fill in the fields marked * to see what the rules say."))
        else:
            try:
                self.findings = self.checker(self.data())
                self.form.clear_errors()
                self.findings_list.show_findings(self.findings, ok_text=_("The rules allow this."))
            except ValidationError as exc:
                self.findings = None
                orphans = self.form.set_errors(exc.errors)
                self.findings_list.show_note("\n".join(orphans or exc.errors.values()))
            except ServiceError as exc:
                self.findings = None
                self.findings_list.show_note(str(exc))
        self._update_buttons()

    def _update_buttons(self) -> None:
        warnings = bool(self.findings is not None and self.findings.warnings)
        self.acknowledge.setVisible(warnings)
        allowed = (self.findings is not None and not self.findings.errors and self.form.complete()
                   and (not warnings or self.acknowledge.isChecked()))
        self.save_button().setEnabled(allowed)

    def accept(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.check()
        if not self.save_button().isEnabled():
            return
        try:
            self.result_ = self.writer(self.data(), confirm_warnings=self.acknowledge.isChecked())
        except RuleViolation as exc:
            self.findings_list.show_findings(exc.findings)
            self.save_button().setEnabled(False)
            return
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()

    # ---- shared sections ---------------------------------------------------------------------------------

    def _paper_fields(self, *, paper_required: bool) -> None:
        self.form.add_text("paper_number", _("Introduction paper number"), max_length=100,
                           placeholder=_("e.g. 152-GGT/ĐU"))
        self.form.add_date("paper_date", _("Introduction paper dated"), required=paper_required)

    def _branch_choices(self, exclude: int | None = None) -> list[tuple[int | None, str]]:
        return [(None, _("(choose)"))] + [(bid, name) for bid, name in branches.branch_choices() if bid != exclude]


class TransferInDialog(_RuledDialog):
    """Receive a member from another organisation into *branch_id* (the branch chosen in the window, if any)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None, *, branch_id: int | None = None):
        super().__init__(_("Receive a transferred member"), _("A member arriving from another Party organisation: "
                                                              "their record starts on the day they reported."),
                         parent)
        labels = people.field_labels()
        person = self.form.section(_("The member"))
        self.form.add_text("full_name", labels["full_name"], required=True, max_length=120)
        self.form.add_choice("gender", labels["gender"], Gender.choices())
        self.form.add_date("birth_date", labels["birth_date"])
        self.form.add_text("cccd", labels["cccd"], max_length=14, placeholder=_("12 digits"))
        self.form.add_choice("standing", _("Standing"), [(Status.OFFICIAL, Status.label(Status.OFFICIAL)),
                                                         (Status.PROBATIONARY, Status.label(Status.PROBATIONARY))])
        self.form.add_date("admission_date", labels["admission_date"])
        self.form.add_date("ceremony_date", labels["ceremony_date"])
        self.form.add_date("official_date", labels["official_date"])
        self.form.add_text("card_number", labels["card_number"], max_length=32)
        transfer = self.form.section(_("The transfer"))
        self.form.add_choice("branch", _("Into the branch"), self._branch_choices(),
                             required=True).setMinimumContentsLength(30)  # branch names are long
        self.form.add_text("place", _("Transferred from"), required=True,
                           placeholder=_("e.g. Đảng bộ phường Tô Hiệu, tỉnh Sơn La"))
        self._paper_fields(paper_required=True)
        self.form.add_date("date", _("Reported to the branch on"), required=True)
        self.form.add_note("note", _("Note"), height=50)
        self.columns.addWidget(person, 1)
        self.columns.addWidget(transfer, 1)
        self.form.set_values({"gender": "male", "standing": Status.OFFICIAL, "branch": branch_id, "date": today})
        self.finish(transfers.check_transfer_in, transfers.transfer_in, save_text=_("&Receive the member"),
                    width=1000, height=700)

    def data(self) -> dict:
        values = self.form.values()
        if isinstance(values.get("cccd"), str):
            values["cccd"] = values["cccd"].replace(" ", "")
        return {k: v for k, v in values.items() if v not in (None, "") or k in ("branch", "paper_date", "date")}


class _PersonDialog(_RuledDialog):
    def __init__(self, person_id: int, title: str, heading: str, parent: QWidget | None):
        self.person = people.get_person(person_id)
        super().__init__(title.format(name=self.person.full_name), heading, parent)


class ReceiveBackDialog(_PersonDialog):
    def __init__(self, person_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__(person_id, _("Receive back — {name}"), _("A member transferred out who comes back by "
                                                                    "transfer."), parent)
        section = self.form.section(_("The transfer"))
        self.form.add_choice("standing", _("Standing"), [(Status.OFFICIAL, Status.label(Status.OFFICIAL)),
                                                         (Status.PROBATIONARY, Status.label(Status.PROBATIONARY))])
        self.form.add_choice("branch", _("Into the branch"), self._branch_choices(), required=True)
        self.form.add_text("place", _("Transferred from"), required=True)
        self._paper_fields(paper_required=True)
        self.form.add_date("date", _("Reported to the branch on"), required=True)
        self.form.add_note("note", _("Note"), height=50)
        self.columns.addWidget(section)
        self.form.set_values({"standing": Status.OFFICIAL, "branch": self.person.branch_id, "date": today})
        self.finish(lambda d: transfers.check_receive_back(self.person.id, d),
                    lambda d, **kw: transfers.receive_back(self.person.id, d, **kw),
                    save_text=_("&Receive the member"), width=720)


class TransferOutDialog(_PersonDialog):
    def __init__(self, person_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__(person_id, _("Transfer out — {name}"), _("The member leaves for another Party "
                                                                  "organisation: a member here until that day."),
                         parent)
        section = self.form.section(_("The transfer"))
        self.form.add_text("place", _("Transferred to"), required=True,
                           placeholder=_("e.g. Đảng bộ xã Búng Lao, tỉnh Điện Biên"))
        self.form.add_date("effective_on", _("Decision took effect on"))
        self._paper_fields(paper_required=False)
        self.form.add_date("date", _("Date of the transfer"), required=True)
        self.form.add_note("note", _("Note"), height=50)
        self.columns.addWidget(section)
        self.form.set_values({"place": self.person.moving_to, "effective_on": self.person.moving_on, "date": today,
                              "paper_date": today})
        self.finish(lambda d: transfers.check_transfer_out(self.person.id, d),
                    lambda d, **kw: transfers.transfer_out(self.person.id, d, **kw),
                    save_text=_("&Record the transfer"), width=720)


class MoveDialog(_PersonDialog):
    def __init__(self, person_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__(person_id, _("Move to another branch — {name}"), _(
            "The member moves to another branch of the organisation: counted in the branch left until the day "
            "they report to the new one."), parent)
        section = self.form.section(_("The move"))
        self.form.add_choice("branch", _("To the branch"), self._branch_choices(self.person.branch_id),
                             required=True)
        self._paper_fields(paper_required=False)
        self.form.add_date("date", _("Reported to the new branch on"), required=True)
        self.form.add_note("note", _("Note"), height=50)
        self.columns.addWidget(section)
        self.form.set_values({"date": today})
        self.finish(lambda d: transfers.check_move(self.person.id, d),
                    lambda d, **kw: transfers.move(self.person.id, d, **kw), save_text=_("&Record the move"),
                    width=720)


class TemporaryDialog(_PersonDialog):
    """Temporary activity: a member of the branch introduced elsewhere, or back; another organisation's member
    active here, or no longer."""

    KINDS = (K.ELSEWHERE_FROM, K.ELSEWHERE_UNTIL, K.HERE_FROM, K.HERE_UNTIL)

    def __init__(self, person_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__(person_id, _("Temporary activity — {name}"), _(
            "Temporary Party activity: the member stays a member of their branch, counted apart while away."), parent)
        now = membership.place(self.person.id, today)
        kinds = [K.ELSEWHERE_UNTIL if now.away else K.ELSEWHERE_FROM] if now.is_member else \
            [K.HERE_UNTIL if now.visiting is not None else K.HERE_FROM]
        section = self.form.section(_("Temporary activity"))
        self.form.add_choice("kind", _("Change"), [(k, K.label(k)) for k in kinds], required=True)
        self.form.add_choice("branch", _("In the branch"), self._branch_choices())
        self.form.add_date("date", _("From") if kinds[0] in (K.ELSEWHERE_FROM, K.HERE_FROM) else _("Until"),
                           required=True)
        self.form.add_text("place", _("Where"), placeholder=_("e.g. Trường Chính trị tỉnh Điện Biên"))
        self.form.add_text("document_ref", _("Document"), max_length=100)
        self.form.add_note("note", _("Note"), height=50)
        branch = self.form.fields["branch"]
        for widget in (branch.widget, branch.label):
            widget.setVisible(kinds[0] == K.HERE_FROM)
        self.columns.addWidget(section)
        self.form.set_values({"kind": kinds[0], "date": today})
        self.finish(self._check, self._write, save_text=_("&Record"), width=700, height=520)

    def _args(self, data: dict) -> dict:
        return {"branch_id": data.get("branch"), "place": data.get("place") or "",
                "document_ref": data.get("document_ref") or "", "note": data.get("note") or ""}

    def _check(self, data: dict):
        """The temporary-activity rules are checks of the fields: a dry run says what would be refused."""
        from desktop_app.core import rules

        membership.check_record(self.person.id, data["kind"], data["date"], **self._args(data))
        return rules.Findings(rules.policy_for(data["date"]))

    def _write(self, data: dict, *, confirm_warnings: bool = False):
        return membership.record(self.person.id, data["kind"], data["date"], **self._args(data))


class ReportedDialog(BaseDialog):
    """The day the organisation a member was transferred to confirmed they reported (or none yet)."""

    def __init__(self, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        person = people.get_person(person_id)
        self.event = transfers.last_transfer_out(person_id)
        self.setWindowTitle(_("Reported to the new organisation — {name}").format(name=person.full_name))
        layout = QVBoxLayout(self)
        self.form = Form(self)
        section = self.form.section(_("Confirmation from the new organisation"))
        self.form.add_date("reported_on", _("Reported to the new organisation on"))
        layout.addWidget(section)
        layout.addWidget(self.make_buttons())
        if self.event is not None:
            self.form.set_values({"reported_on": self.event.reported_on})
        self.form.changed.connect(self.mark_dirty)
        self.restore_size(520, 200)

    def accept(self) -> None:
        if self.event is None:
            return
        try:
            transfers.set_reported(self.event.id, self.form.values()["reported_on"])
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
