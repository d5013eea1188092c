"""Transfers of Party activity and moves between branches, as dated events of the membership history
(services.people.membership): a member arriving from another organisation (from where, the introduction paper's
number and date, the day they reported), a member leaving for another one (where to, the day the decision behind it
took effect, the paper), and a move from one branch of the organisation to another.

Each write checks its fields first (a ``ValidationError`` by field), then the Party rules (core.rules.transfers:
no official transfer while the member is under inspection, discipline review or complaint handling; the arrival
not before the introduction paper; 60 working days to start an official transfer and 30 to report to the new
branch). Errors refuse the write (``RuleViolation``), warnings must be confirmed; nothing is written otherwise.
The ``check_*`` functions say the same without writing, for the dialogs as they are filled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core import rules
from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.i18n import _, format_date, ngettext
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, RuleViolation, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import membership, people
from desktop_app.store.models import Branch, MembershipEvent, Person, StageEvent

STANDINGS = (Status.OFFICIAL, Status.PROBATIONARY)
DETAIL_FIELDS = ("date", "place", "paper_number", "paper_date", "effective_on", "note", "branch", "standing")


def labels() -> dict[str, str]:
    return {
        "date": _("Date"), "place": _("Where"), "paper_number": _("Introduction paper number"),
        "paper_date": _("Introduction paper dated"), "effective_on": _("Decision took effect on"),
        "note": _("Note"), "branch": _("Branch"), "standing": _("Standing"),
    }


def _details(data: dict[str, Any], *, place: bool, branch: bool, standing: bool, birth: dt.date | None,
             place_label: str, date_label: str, paper: bool = False) -> dict[str, Any]:
    """The checked details of a transfer or move (ValidationError naming each bad field)."""
    unknown = sorted(set(data) - set(DETAIL_FIELDS))
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in unknown})
    names = labels() | {"place": place_label, "date": date_label}
    check = Checker(data)
    day = check.date("date", required=True, not_future=True, label=names["date"])
    check.text("place", required=place, max_length=200, name=True, label=names["place"])
    check.text("paper_number", max_length=100, name=True, label=names["paper_number"])
    paper_day = check.date("paper_date", required=paper, not_future=True, label=names["paper_date"])
    effective = check.date("effective_on", not_future=True, label=names["effective_on"])
    check.text("note", label=names["note"])
    if standing:
        check.choice("standing", STANDINGS, required=True, label=names["standing"])
    if branch:
        bid = data.get("branch")
        found = Branch.get_or_none(Branch.id == record_id(bid)) if record_id(bid) else None
        if bid in (None, ""):
            check.fail("branch", _("{field} is required.").format(field=names["branch"]))
        elif found is None:
            check.fail("branch", _("The chosen branch does not exist."))
        elif found.deleted_at is not None:
            check.fail("branch", _("{branch} has been deleted: restore it in Branches first, or choose another "
                                   "branch.").format(branch=found.name))
        elif not found.active:
            check.fail("branch", _("{branch} is no longer active: choose another branch.").format(branch=found.name))
        else:
            check.clean["branch"] = found.id
    for field, value in (("date", day), ("paper_date", paper_day), ("effective_on", effective)):
        if value and birth and value < birth:
            check.fail(field, _("{field} cannot be before the date of birth.").format(field=names[field]))
    values = check.done()
    values.setdefault("place", "")
    return values


def _last_change(person_id: int) -> dt.date | None:
    rows = membership.history(person_id)
    return rows[-1].date if rows else None


def _not_before_history(person: Person, day: dt.date) -> None:
    last = _last_change(person.id)
    if last is not None and day < last:
        raise ValidationError({"date": _(
            "The date cannot be before {date}, the last change recorded in {name}'s membership history.").format(
            date=format_date(last), name=person.full_name)})


def _member_on(person: Person, day: dt.date) -> membership.Place:
    """Where *person* stands on *day*; a ValidationError when they are not a member of the organisation then."""
    place = membership.place_before(person.id, day)
    if person.status not in Status.MEMBERS or not place.is_member:
        if person.status in Status.GONE or place.left:
            message = _("{name} is no longer a member of the organisation ({status}): there is nothing to transfer.")
        else:
            message = _("{name} is not a member of a branch on {date}.")
        raise ValidationError({"date": message.format(name=person.full_name, status=Status.label(person.status),
                                                      date=format_date(day))})
    return place


def _confirm(found: rules.Findings, confirm_warnings: bool) -> None:
    if found.errors:
        count = len(found.errors)
        raise RuleViolation(ngettext("This transfer breaks {n} Party rule.", "This transfer breaks {n} Party rules.",
                                     count).format(n=count), found)
    if found.warnings and not confirm_warnings:
        count = len(found.warnings)
        raise RuleViolation(ngettext("Please confirm {n} warning before recording the transfer.",
                                     "Please confirm {n} warnings before recording the transfer.",
                                     count).format(n=count), found)


def _inspection(person: Person, on: dt.date, found: rules.Findings) -> None:
    """No transfer, not even to another branch of ours, while the member is under inspection (point 6.3.1)."""
    if person.under_inspection:
        reason = (person.inspection_reason or "").strip()
        text = _("No transfer while the member is under inspection, discipline review or complaint handling "
                 "({source}).").format(source=found.policy.source("transfer_under_inspection"))
        found.error("transfer_under_inspection", text + (" " + _("Reason: {reason}.").format(reason=reason)
                                                         if reason else ""))


def _paper(event: MembershipEvent, values: dict[str, Any]) -> None:
    event.paper_date = values.get("paper_date")
    event.effective_on = values.get("effective_on")
    event.save()


# ---- transfer out -------------------------------------------------------------------------------------------


def _out(person_id: int, data: dict[str, Any]) -> tuple[Person, dict[str, Any], rules.Findings]:
    person = people.get_person(person_id)
    values = _details(data, place=True, branch=False, standing=False, birth=person.birth_date,
                      place_label=_("Transferred to"), date_label=_("Date of the transfer"))
    day = values["date"]
    _member_on(person, day)
    _not_before_history(person, day)
    if values.get("paper_date") and values["paper_date"] > day:
        raise ValidationError({"paper_date": _("The introduction paper cannot be dated after the transfer.")})
    effective = values.get("effective_on") or person.moving_on
    facts = rules.TransferFacts(status=person.status, effective=effective,
                                under_inspection=bool(person.under_inspection),
                                inspection_reason=person.inspection_reason or "")
    return person, values, rules.check_transfer_out(facts, day)


def check_transfer_out(person_id: int, data: dict[str, Any]) -> rules.Findings:
    """What the rules say about transferring *person_id* out as *data* describes (nothing is written)."""
    return _out(person_id, data)[2]


def transfer_out(person_id: int, data: dict[str, Any], *, confirm_warnings: bool = False) -> MembershipEvent:
    """The member leaves the organisation for another one (*data*: date, place, effective_on, paper_number,
    paper_date, note): a "transferred out" step and the membership event, the transfer that was due cleared."""
    with atomic():
        person, values, found = _out(person_id, data)
        _confirm(found, confirm_warnings)
        step = people.record_stage(person.id, Stage.TRANSFERRED_OUT, values["date"],
                                   document_ref=values.get("paper_number") or "", note=values.get("note") or "",
                                   policy_version=found.policy_version, place=values["place"])
        event = MembershipEvent.get(MembershipEvent.stage_event == step.id)
        values["effective_on"] = values.get("effective_on") or person.moving_on
        _paper(event, values)
        person = people.get_person(person.id)
        if person.moving_on or person.moving_to:
            before = audit.snapshot(person)
            person.moving_on, person.moving_to = None, ""
            person.save()
            audit.record_change("update", person, before)
    return event


def set_reported(event_id: int, day: dt.date | None) -> MembershipEvent:
    """The day the organisation a member was transferred to confirmed they reported to it (None: not yet)."""
    event = MembershipEvent.get_or_none(MembershipEvent.id == record_id(event_id))
    if event is None or event.kind != K.TRANSFER_OUT:
        raise NotFoundError(_("Transfer not found."))
    check = Checker({"reported_on": day})
    value = check.date("reported_on", not_future=True, label=_("Reported to the new organisation on"))
    check.done()
    if value is not None and value < (event.paper_date or event.date):
        raise ValidationError({"reported_on": _("The member cannot report before the introduction paper ({date})."
                                                ).format(date=format_date(event.paper_date or event.date))})
    with atomic():
        before = audit.snapshot(event)
        event.reported_on = value
        event.save()
        audit.record_change("update", event, before)
    return event


# ---- a move between branches of the organisation -------------------------------------------------------------


def _move(person_id: int, data: dict[str, Any]) -> tuple[Person, dict[str, Any], rules.Findings]:
    person = people.get_person(person_id)
    values = _details(data, place=False, branch=True, standing=False, birth=person.birth_date,
                      place_label=_("Where"), date_label=_("Reported to the new branch on"))
    day = values["date"]
    place = _member_on(person, day)
    if place.branch_id == values["branch"]:
        raise ValidationError({"branch": _("{name} already belongs to this branch.").format(name=person.full_name)})
    _not_before_history(person, day)
    found = rules.check_arrival(rules.TransferFacts(status=person.status, introduced=values.get("paper_date")), day)
    _inspection(person, day, found)
    return person, values, found


def check_move(person_id: int, data: dict[str, Any]) -> rules.Findings:
    return _move(person_id, data)[2]


def move(person_id: int, data: dict[str, Any], *, confirm_warnings: bool = False) -> MembershipEvent:
    """The member moves to another branch of the organisation (*data*: branch, date they reported there,
    paper_number, paper_date, note): their branch changes and the history has the move, dated."""
    with atomic():
        person, values, found = _move(person_id, data)
        _confirm(found, confirm_warnings)
        old = membership.place_before(person.id, values["date"]).branch_id
        before = audit.snapshot(person)
        person.branch_id = values["branch"]
        person.joined_branch_date = values["date"]
        person.save()
        audit.record_change("update", person, before)
        event = membership.move(person, old, values["branch"], values["date"])
        if event is None:  # a member always has a branch to move from: _member_on made sure
            raise ValidationError({"branch": _("The move could not be recorded.")})
        event.document_ref = values.get("paper_number") or ""
        event.note = values.get("note") or ""
        _paper(event, values)
    return event


# ---- transfer in -------------------------------------------------------------------------------------------


def _arrival_facts(values: dict[str, Any], standing: str) -> rules.Findings:
    return rules.check_arrival(rules.TransferFacts(status=standing, introduced=values.get("paper_date")),
                               values["date"])


def _in_details(data: dict[str, Any], birth: dt.date | None) -> dict[str, Any]:
    return _details(data, place=True, branch=True, standing=True, birth=birth, place_label=_("Transferred from"),
                    date_label=_("Reported to the branch on"), paper=True)


def _split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    details = {k: v for k, v in data.items() if k in DETAIL_FIELDS and k != "branch"}
    record = {k: v for k, v in data.items() if k not in DETAIL_FIELDS or k == "branch"}
    details["branch"] = data.get("branch")
    return record, details


def _new_arrival(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], rules.Findings]:
    record, details = _split(data)
    errors: dict[str, str] = {}
    try:
        checked = people.validate_person(record)
    except ValidationError as exc:
        errors.update(exc.errors)
        checked = {}
    try:
        values = _in_details(details, checked.get("birth_date"))
    except ValidationError as exc:
        errors.update(exc.errors)
        values = {}
    if errors:
        raise ValidationError(errors)
    day = values["date"]
    for field in ("admission_date", "ceremony_date", "official_date"):
        if checked.get(field) and checked[field] > day:
            errors[field] = _("{field} cannot be after the arrival.").format(field=people.field_labels()[field])
    if values["standing"] == Status.PROBATIONARY and not checked.get("ceremony_date"):
        errors["ceremony_date"] = _("A probationary member's probation runs 12 months from the admission ceremony: "
                                    "enter its date.")
    if values["standing"] == Status.OFFICIAL and checked.get("ceremony_date") and not checked.get("official_date") \
            and rules.probation_end(checked["ceremony_date"]) > day:
        errors["standing"] = _("The probation of a member admitted on {date} is not over on the arrival.").format(
            date=format_date(checked["ceremony_date"]))
    if errors:
        raise ValidationError(errors)
    return checked, values, _arrival_facts(values, values["standing"])


def check_transfer_in(data: dict[str, Any]) -> rules.Findings:
    """What the rules say about receiving a member described by *data* (their record and the transfer)."""
    return _new_arrival(data)[2]


def transfer_in(data: dict[str, Any], *, confirm_warnings: bool = False) -> Person:
    """A member of another organisation arrives: their record (the person's fields in *data*) and the transfer
    (branch, standing, date they reported, place they came from, paper_number, paper_date, note), a member of the
    branch from that day with the standing they had."""
    with atomic():
        checked, values, found = _new_arrival(data)
        _confirm(found, confirm_warnings)
        checked.pop("status", None)
        checked["branch"] = values["branch"]
        checked["joined_branch_date"] = values["date"]
        person = people.new_record(checked, values["standing"])
        _arrive(person, values, found)
    return person


def _arrive(person: Person, values: dict[str, Any], found: rules.Findings) -> None:
    step = people.record_stage(person.id, Stage.TRANSFERRED_IN, values["date"],
                               document_ref=values.get("paper_number") or "", note=values.get("note") or "",
                               policy_version=found.policy_version, place=values["place"])
    event = MembershipEvent.get(MembershipEvent.stage_event == step.id)
    event.branch = values["branch"]  # a member coming back: the branch they report to, not the one they left
    _paper(event, values)
    person = people.get_person(person.id)
    if person.status == Status.PROBATIONARY and person.ceremony_date and not StageEvent.select().where(
            (StageEvent.person == person.id) & (StageEvent.stage == Stage.CEREMONY)).exists():
        # The ceremony held in the organisation of origin: the recognition steps and deadlines run from it. It is
        # a step of the history only (no admission here: the membership starts with the transfer).
        ceremony = StageEvent.create(person=person.id, stage=Stage.CEREMONY, date=person.ceremony_date,
                                     note=_("Admitted in {place}").format(place=values["place"]))
        audit.record_change("create", ceremony, None)


def _back(person_id: int, data: dict[str, Any]) -> tuple[Person, dict[str, Any], rules.Findings]:
    person = people.get_person(person_id)
    values = _in_details(data, person.birth_date)
    day = values["date"]
    if person.status != Status.TRANSFERRED or membership.place_before(person.id, day).is_member:
        raise ValidationError({"date": _("Only a member transferred out can come back by transfer; {name} is "
                                         "“{status}”.").format(name=person.full_name,
                                                              status=Status.label(person.status))})
    _not_before_history(person, day)
    if values["standing"] == Status.PROBATIONARY and not person.ceremony_date:
        raise ValidationError({"standing": _("A probationary member's probation runs 12 months from the admission "
                                             "ceremony: enter its date on the record first.")})
    return person, values, _arrival_facts(values, values["standing"])


def check_receive_back(person_id: int, data: dict[str, Any]) -> rules.Findings:
    return _back(person_id, data)[2]


def receive_back(person_id: int, data: dict[str, Any], *, confirm_warnings: bool = False) -> Person:
    """A member who was transferred out comes back by transfer (the same record, *data* as for transfer_in but
    the person's fields): a member of the branch again from the day they reported, with their standing."""
    with atomic():
        person, values, found = _back(person_id, data)
        _confirm(found, confirm_warnings)
        before = audit.snapshot(person)
        person.status = values["standing"]
        person.branch_id = values["branch"]
        person.joined_branch_date = values["date"]
        person.save()
        audit.record_change("update", person, before)
        _arrive(person, values, found)
    return people.get_person(person.id)


START, REPORT = "start", "report"


def transfer_deadlines(person_id: int) -> list[tuple[str, str, rules.Deadline]]:
    """(kind, what, deadline) of the transfers under way for *person_id*: START of a transfer that is due, REPORT
    to the new organisation of one recorded without a confirmation yet."""
    person = people.get_person(person_id)
    found: list[tuple[str, str, rules.Deadline]] = []
    if person.moving_on and person.status in Status.MEMBERS:
        found.append((START, _("Start the official transfer"), rules.transfer_start_deadline(person.moving_on)))
    last = (MembershipEvent.select().where((MembershipEvent.person == person.id)
                                           & (MembershipEvent.kind == K.TRANSFER_OUT))
            .order_by(MembershipEvent.date.desc(), MembershipEvent.id.desc()).first())
    if last is not None and last.reported_on is None and person.status == Status.TRANSFERRED:
        found.append((REPORT, _("Report to the new organisation"),
                      rules.transfer_report_deadline(last.paper_date or last.date)))
    return found


def last_transfer_out(person_id: int) -> MembershipEvent | None:
    return (MembershipEvent.select().where((MembershipEvent.person == person_id)
                                           & (MembershipEvent.kind == K.TRANSFER_OUT))
            .order_by(MembershipEvent.date.desc(), MembershipEvent.id.desc()).first())
