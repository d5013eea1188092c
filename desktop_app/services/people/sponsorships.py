"""Official members assigned to help and introduce candidates and probationary members."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, fn

from desktop_app.core.enums import SponsorRole, Status
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.store import raw
from desktop_app.store.models import Person, Sponsorship

# Who may be sponsored in each role.
SPONSORED_STATUSES = {
    SponsorRole.HELPER: (Status.PROSPECT, Status.SYMPATHISER, Status.APPLICANT),
    SponsorRole.INTRODUCER: (Status.SYMPATHISER, Status.APPLICANT),
    SponsorRole.PROBATION_HELPER: (Status.PROBATIONARY,),
}


@dataclass(frozen=True)
class SponsorshipRow:
    id: int
    sponsor_id: int
    sponsor_name: str
    person_id: int
    person_name: str
    role: str
    start: dt.date
    end: dt.date | None
    end_reason: str
    together_since: dt.date | None


def get_sponsorship(sponsorship_id: int) -> Sponsorship:
    row = Sponsorship.get_or_none(Sponsorship.id == record_id(sponsorship_id))
    if row is None:
        raise NotFoundError(_("Assignment not found."))
    return row


def assign(sponsor_id: int, person_id: int, role: str, start: dt.date, *, together_since: dt.date | None = None,
           meeting_id: int | None = None, policy_version: str = "") -> Sponsorship:
    """Assign an official member; refused when the sponsor is not official, the person cannot be
    sponsored in that role, or the same assignment is already open."""
    check = Checker({"role": role, "start": start, "together_since": together_since})
    check.choice("role", SponsorRole.codes(), required=True, label=_("Role"))
    check.date("start", required=True, not_future=True, label=_("From"))
    check.date("together_since", not_future=True, label=_("Worked alongside since"))
    values = check.done()
    sponsor = Person.get_or_none(Person.id == record_id(sponsor_id))
    person = Person.get_or_none(Person.id == record_id(person_id))
    errors = {}
    if sponsor is None or sponsor.deleted_at is not None:
        errors["sponsor"] = _("The chosen member does not exist.")
    elif sponsor.status != Status.OFFICIAL:
        errors["sponsor"] = _("Only an official Party member can help or introduce (Điều lệ Đảng, Điều 4).")
    if person is None or person.deleted_at is not None:
        errors["person"] = _("The chosen person does not exist.")
    elif person.status not in SPONSORED_STATUSES[role]:
        errors["person"] = _("{name} cannot be given this kind of assignment at the current stage.").format(
            name=person.full_name)
    if not errors and sponsor.id == person.id:
        errors["sponsor"] = _("A person cannot sponsor themselves.")
    if not errors:
        open_same = Sponsorship.select().where((Sponsorship.sponsor == sponsor) & (Sponsorship.person == person)
                                               & (Sponsorship.role == role) & Sponsorship.end.is_null())
        if open_same.exists():
            errors["sponsor"] = _("This assignment already exists.")
    if errors:
        raise ValidationError(errors)
    with atomic():
        row = Sponsorship.create(sponsor=sponsor, person=person, role=role, start=values["start"],
                                 together_since=values.get("together_since"), meeting=meeting_id,
                                 policy_version=policy_version)
        audit.record_change("create", row, None)
    return row


def end(sponsorship_id: int, end_date: dt.date, reason: str = "") -> Sponsorship:
    row = get_sponsorship(sponsorship_id)
    check = Checker({"end": end_date, "end_reason": reason})
    check.date("end", required=True, not_future=True, label=_("Until"), minimum=row.start)
    check.text("end_reason", max_length=200, label=_("Reason"))
    values = check.done()
    if row.end is not None:
        raise ValidationError({"end": _("This assignment has already ended.")})
    with atomic():
        before = audit.snapshot(row)
        row.end = values["end"]
        row.end_reason = values["end_reason"]
        row.save()
        audit.record_change("update", row, before)
    return row


def _rows(query) -> list[SponsorshipRow]:
    Sponsor = Person.alias()
    Sponsored = Person.alias()
    query = (query.select(Sponsorship.id, Sponsorship.sponsor, Sponsor.full_name, Sponsorship.person,
                          Sponsored.full_name, Sponsorship.role, Sponsorship.start, Sponsorship.end,
                          Sponsorship.end_reason, Sponsorship.together_since)
             .join(Sponsor, on=(Sponsorship.sponsor == Sponsor.id))
             .switch(Sponsorship).join(Sponsored, on=(Sponsorship.person == Sponsored.id))
             .order_by(Sponsorship.start.desc(), Sponsorship.id.desc()))
    date = raw.to_date
    return [SponsorshipRow(sid, sponsor, sponsor_name, person, person_name, role, raw.to_day(start), date(end), reason,
                           date(together))
            for sid, sponsor, sponsor_name, person, person_name, role, start, end, reason, together in raw.rows(query)]


def for_person(person_id: int, current_only: bool = False) -> list[SponsorshipRow]:
    query = Sponsorship.select().where(Sponsorship.person == person_id)
    if current_only:
        query = query.where(Sponsorship.end.is_null())
    return _rows(query)


def by_sponsor(sponsor_id: int, current_only: bool = False) -> list[SponsorshipRow]:
    query = Sponsorship.select().where(Sponsorship.sponsor == sponsor_id)
    if current_only:
        query = query.where(Sponsorship.end.is_null())
    return _rows(query)


def list_assignments(branch_id: int | None = None, current_only: bool = True) -> list[SponsorshipRow]:
    query = Sponsorship.select()
    if current_only:
        query = query.where(Sponsorship.end.is_null())
    if branch_id is not None:
        query = query.where(Sponsorship.person.in_(Person.select(Person.id).where(Person.branch == branch_id)))
    return _rows(query)


def loads(branch_id: int | None = None) -> list[tuple[int, str, int]]:
    """(member id, name, open assignments) for every official member, busiest first."""
    # The open assignments are counted per sponsor first (a few hundred), then joined to the members.
    counts = (Sponsorship.select(Sponsorship.sponsor.alias("sponsor_id"), fn.COUNT(Sponsorship.id).alias("k"))
              .where(Sponsorship.end.is_null()).group_by(Sponsorship.sponsor).alias("open_counts"))
    open_count = fn.COALESCE(counts.c.k, 0)
    query = (Person.select(Person.id, Person.full_name, open_count)
             .join(counts, JOIN.LEFT_OUTER, on=(counts.c.sponsor_id == Person.id))
             .where((Person.status == Status.OFFICIAL) & Person.deleted_at.is_null())
             .order_by(open_count.desc(), Person.sort_key))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return raw.rows(query).fetchall()
