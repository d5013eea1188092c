"""Each member's fee bases (what the monthly fee is computed from, each from its effective date) and the
exemptions and reductions granted to them, with their checks.

Only Party members have a fee basis: a candidate or someone who has left gets a clear refusal. The rules
engine's own objects (core.rules.FeeBasis, FeeRelief) are built here for the dues.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core import rules
from desktop_app.core.enums import Status
from desktop_app.core.member_codes import FeeArea, FeeBasisKind, FeeGroup, FeeReliefGround
from desktop_app.core.rules import FeeBasis, FeeRelief, Month
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.store import raw
from desktop_app.store.models import FeeRelief as ReliefRecord
from desktop_app.store.models import MemberFeeBasis, Person

BASIS_FIELDS = ("effective", "kind", "income", "group", "area", "amount", "beyond_working_age", "decision", "note")
RELIEF_FIELDS = ("percent", "ground", "first_month", "last_month", "decision", "note")
MAX_MONEY = 10**10  # đồng a month: far above any salary
_CHUNK = 500


@dataclass(frozen=True)
class BasisRow:
    id: int
    person_id: int
    effective: dt.date
    kind: str
    income: int
    group: str
    area: str
    amount: int
    beyond_working_age: bool
    decision: str
    note: str

    def rule_basis(self) -> FeeBasis:
        return FeeBasis(self.kind, self.effective, income=self.income, group=self.group, area=self.area,
                        amount=self.amount, beyond_working_age=self.beyond_working_age)


@dataclass(frozen=True)
class ReliefRow:
    id: int
    person_id: int
    percent: int
    ground: str
    first_month: Month
    last_month: Month | None
    decision: str
    note: str

    def rule_relief(self) -> FeeRelief:
        return FeeRelief(self.percent, self.first_month, self.last_month, self.ground, self.decision)


def labels() -> dict[str, str]:
    return {"effective": _("In force from"), "kind": _("Fee computed from"), "income": _("Monthly income (đồng)"),
            "group": _("Group"), "area": _("Area"), "amount": _("Amount set (đồng)"),
            "beyond_working_age": _("At or beyond retirement age"), "decision": _("Decision"), "note": _("Note"),
            "percent": _("Reduction (%)"), "ground": _("Ground"), "first_month": _("From month"),
            "last_month": _("To month")}


# ---- reading -------------------------------------------------------------------------------------------------


def _basis_row(r: MemberFeeBasis) -> BasisRow:
    return BasisRow(r.id, r.person_id, r.effective, r.kind, r.income, r.group, r.area, r.amount,
                    bool(r.beyond_working_age), r.decision, r.note)


def _relief_row(r: ReliefRecord) -> ReliefRow:
    return ReliefRow(r.id, r.person_id, r.percent, r.ground, Month.of(r.first_month),
                     Month.of(r.last_month) if r.last_month else None, r.decision, r.note)


def bases_of(person_id: int) -> list[BasisRow]:
    """The member's fee bases, oldest first."""
    return [_basis_row(r) for r in MemberFeeBasis.select().where(MemberFeeBasis.person == record_id(person_id))
            .order_by(MemberFeeBasis.effective)]


def reliefs_of(person_id: int) -> list[ReliefRow]:
    return [_relief_row(r) for r in ReliefRecord.select().where(ReliefRecord.person == record_id(person_id))
            .order_by(ReliefRecord.first_month)]


def _chunked(model, fields, person_ids: Iterable[int]):
    """Plain rows (store.raw: dates as ISO text) of *model* for the people, a chunk of ids at a time."""
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), _CHUNK):
        yield from raw.rows(model.select(*fields).where(model.person.in_(ids[start:start + _CHUNK])))


def rule_bases(person_ids: Iterable[int]) -> dict[int, list[FeeBasis]]:
    """{person: their bases as the rules engine takes them}."""
    found: dict[int, list[FeeBasis]] = defaultdict(list)
    m = MemberFeeBasis
    fields = (m.person, m.kind, m.effective, m.income, m.group, m.area, m.amount, m.beyond_working_age)
    for pid, kind, effective, income, group, area, amount, beyond in _chunked(m, fields, person_ids):
        found[pid].append(FeeBasis(kind, raw.to_day(effective), income=income, group=group, area=area,
                                   amount=amount, beyond_working_age=bool(beyond)))
    return found


def _month(value) -> Month | None:
    day = raw.to_date(value)
    return Month.of(day) if day else None


def rule_reliefs(person_ids: Iterable[int]) -> dict[int, list[FeeRelief]]:
    found: dict[int, list[FeeRelief]] = defaultdict(list)
    r = ReliefRecord
    fields = (r.person, r.percent, r.first_month, r.last_month, r.ground, r.decision)
    for pid, percent, first, last, ground, decision in _chunked(r, fields, person_ids):
        found[pid].append(FeeRelief(percent, Month.of(raw.to_day(first)), _month(last), ground, decision))
    return found


# ---- writing -------------------------------------------------------------------------------------------------


def _member(person_id: int) -> Person:
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise NotFoundError(_("Person not found."))
    if person.status not in Status.MEMBERS:
        raise ValidationError({"person": _(
            "Party fees are recorded for Party members only; {name} is {status}.").format(
            name=person.full_name, status=Status.label(person.status).lower())})
    return person


def _unknown(data: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})


def _check_basis(data: dict[str, Any]) -> dict[str, Any]:
    lab = labels()
    check = Checker(data)
    check.date("effective", required=True, label=lab["effective"], minimum=dt.date(1945, 1, 1))
    kind = check.choice("kind", FeeBasisKind.codes(), required=True, label=lab["kind"])
    for name in ("income", "amount"):
        check.integer(name, minimum=0, maximum=MAX_MONEY, label=lab[name])
    check.choice("group", ("", *FeeGroup.codes()), label=lab["group"])
    check.choice("area", ("", *FeeArea.codes()), label=lab["area"])
    check.flag("beyond_working_age")
    check.text("decision", max_length=200, label=lab["decision"])
    check.text("note", max_length=500, label=lab["note"])
    values = check.done()
    values.setdefault("income", 0)
    values.setdefault("amount", 0)
    if kind in FeeBasisKind.INCOMES and not values["income"]:
        raise ValidationError({"income": _("Give the monthly income the fee is a share of.")})
    if kind == FeeBasisKind.FIXED and not (values.get("group") and values.get("area")):
        field = "group" if not values.get("group") else "area"
        raise ValidationError({field: _("Choose the group and the area.")})
    if kind == FeeBasisKind.SET_AMOUNT and not values["amount"]:
        raise ValidationError({"amount": _("Give the amount the committee set.")})
    if kind in (FeeBasisKind.SET_AMOUNT, FeeBasisKind.WAIVED) and not values.get("decision"):
        raise ValidationError({"decision": _("Give the committee's decision (number and date).")})
    if kind not in FeeBasisKind.INCOMES:
        values["income"] = 0
    if kind != FeeBasisKind.FIXED:
        values["group"] = values["area"] = ""
        values["beyond_working_age"] = False
    if kind != FeeBasisKind.SET_AMOUNT:
        values["amount"] = 0
    return values


def save_basis(person_id: int, data: dict[str, Any], basis_id: int | None = None) -> MemberFeeBasis:
    """Record a fee basis of a member (or change the one *basis_id*); nothing is written when refused."""
    _unknown(data, BASIS_FIELDS)
    person = _member(person_id)
    row = None
    if basis_id is not None:
        row = MemberFeeBasis.get_or_none((MemberFeeBasis.id == record_id(basis_id))
                                         & (MemberFeeBasis.person == person))
        if row is None:
            raise NotFoundError(_("Fee basis not found."))
        data = {**{k: getattr(row, k) for k in BASIS_FIELDS}, **data}
    values = _check_basis(data)
    clash = MemberFeeBasis.select().where((MemberFeeBasis.person == person)
                                          & (MemberFeeBasis.effective == values["effective"]))
    if row is not None:
        clash = clash.where(MemberFeeBasis.id != row.id)
    if clash.exists():
        raise ValidationError({"effective": _("{name} already has a fee basis from {date}; change that one "
                                              "instead.").format(name=person.full_name,
                                                                 date=format_date(values["effective"]))})
    with atomic():
        before = audit.snapshot(row)
        row = row or MemberFeeBasis(person=person)
        for key, value in values.items():
            setattr(row, key, value)
        row.save()
        audit.record_change("update" if before else "create", row, before)
    return row


def delete_basis(basis_id: int) -> None:
    row = MemberFeeBasis.get_or_none(MemberFeeBasis.id == record_id(basis_id))
    if row is None:
        raise NotFoundError(_("Fee basis not found."))
    with atomic():
        before = audit.snapshot(row)
        row.delete_instance()
        audit.record("delete", MemberFeeBasis._meta.table_name, row.uid, before, None)


def _checked_month(check: Checker, field: str, *, required: bool, label: str) -> Month | None:
    raw = check.data.get(field)
    if isinstance(raw, Month):
        check.clean[field] = raw
        return raw
    if isinstance(raw, str) and len(raw) == 7 and raw[4] == "-":  # "2026-11"
        try:
            raw = dt.date(int(raw[:4]), int(raw[5:]), 1)
        except ValueError:
            check.fail(field, _("{field}: “{value}” is not a month (YYYY-MM).").format(field=label, value=raw))
            return None
        check.data = {**check.data, field: raw}
    day = check.date(field, required=required, label=label, minimum=dt.date(1945, 1, 1))
    return Month.of(day) if day else None


def save_relief(person_id: int, data: dict[str, Any], relief_id: int | None = None) -> ReliefRecord:
    """Record an exemption (percent 100) or reduction of a member's fee for months first..last."""
    _unknown(data, RELIEF_FIELDS)
    person = _member(person_id)
    row = None
    if relief_id is not None:
        row = ReliefRecord.get_or_none((ReliefRecord.id == record_id(relief_id)) & (ReliefRecord.person == person))
        if row is None:
            raise NotFoundError(_("Exemption or reduction not found."))
        data = {"percent": row.percent, "ground": row.ground, "first_month": row.first_month,
                "last_month": row.last_month, "decision": row.decision, "note": row.note, **data}
    lab = labels()
    check = Checker(data)
    percent = check.integer("percent", minimum=1, maximum=100, required=True, label=lab["percent"])
    ground = check.choice("ground", FeeReliefGround.codes(), required=True, label=lab["ground"])
    first = _checked_month(check, "first_month", required=True, label=lab["first_month"])
    last = _checked_month(check, "last_month", required=False, label=lab["last_month"])
    check.text("decision", max_length=200, label=lab["decision"])
    check.text("note", max_length=500, label=lab["note"])
    values = check.done()
    # done() raised if a required value was missing or wrong
    assert percent is not None and first is not None and ground is not None
    errors = rules.check_relief(percent, first, last, ground)
    if ground not in FeeReliefGround.BY_RULE and not values.get("decision"):
        errors.setdefault("decision", _("Give the decision that granted it (number and date)."))
    if errors:
        raise ValidationError(errors)
    with atomic():
        before = audit.snapshot(row)
        row = row or ReliefRecord(person=person)
        row.percent, row.ground = percent, ground
        row.first_month, row.last_month = first.first_day, last.first_day if last else None
        row.decision, row.note = values.get("decision", ""), values.get("note", "")
        row.save()
        audit.record_change("update" if before else "create", row, before)
    return row


def delete_relief(relief_id: int) -> None:
    row = ReliefRecord.get_or_none(ReliefRecord.id == record_id(relief_id))
    if row is None:
        raise NotFoundError(_("Exemption or reduction not found."))
    with atomic():
        before = audit.snapshot(row)
        row.delete_instance()
        audit.record("delete", ReliefRecord._meta.table_name, row.uid, before, None)
