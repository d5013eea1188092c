"""Keeping in touch with the place of residence (Quy định 213-QĐ/TW, 02/01/2020): a member working in an agency, a
public service unit or an enterprise keeps in touch with the Party branch where they live, which comments on them
once a year before the annual grading.

The contact itself (a branch of the organisation, or an organisation named in words) is a field of the record
(``people.update_person``: residence_branch, residence_contact); the yearly comments are here, one a year. Who must
keep in touch: the members of branches of agencies, schools, enterprises and the armed forces, and anyone whose
record names a residence contact. ``missing`` lists those without the year's comment, for the reminders of December
and January.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from desktop_app.core.enums import Status
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import people
from desktop_app.store import raw
from desktop_app.store.models import Branch, Person, ResidenceComment

# Branches whose members work in an agency, a school, an enterprise or a unit of the armed forces.
WORKPLACE_KINDS = ("agency", "school", "enterprise", "armed_forces")
FIELDS = ("year", "received_on", "author", "text")
SOURCE = "213-QĐ/TW"


@dataclass(frozen=True)
class CommentRow:
    id: int
    year: int
    received_on: dt.date | None
    author: str
    text: str


def labels() -> dict[str, str]:
    return {"year": _("Year"), "received_on": _("Received on"), "author": _("Commented by"), "text": _("Comment")}


def source() -> str:
    return _("Regulation {number} (02/01/2020)").format(number=SOURCE)


def comments(person_id: int) -> list[CommentRow]:
    query = (ResidenceComment.select(ResidenceComment.id, ResidenceComment.year, ResidenceComment.received_on,
                                     ResidenceComment.author, ResidenceComment.text)
             .where(ResidenceComment.person == person_id).order_by(ResidenceComment.year.desc()))
    return [CommentRow(cid, year, raw.to_date(day), author, text) for cid, year, day, author, text in raw.rows(query)]


def contact_text(person: Person) -> str:
    """The residence branch or organisation, as one line ("" when none is recorded)."""
    if person.residence_branch_id:
        branch = Branch.get_or_none(Branch.id == person.residence_branch_id)
        if branch is not None:
            return branch.name
    return person.residence_contact or ""


def must_keep_in_touch(person: Person) -> bool:
    """Whether the member is one Quy định 213-QĐ/TW asks to keep in touch with their place of residence."""
    if person.status not in (Status.OFFICIAL, Status.PROBATIONARY):
        return False
    if person.residence_branch_id or person.residence_contact:
        return True
    branch = Branch.get_or_none(Branch.id == person.branch_id) if person.branch_id else None
    return branch is not None and branch.kind in WORKPLACE_KINDS


def _check(data: dict[str, Any], creating: bool) -> dict[str, Any]:
    names = labels()
    check = Checker(data)
    for field in data:
        if field not in FIELDS:
            check.fail(field, _("This field cannot be changed here."))
    check.integer("year", required=creating, minimum=1990, maximum=2200, label=names["year"])
    check.date("received_on", not_future=True, label=names["received_on"])
    check.text("author", max_length=200, name=True, label=names["author"])
    check.text("text", required=creating, max_length=4000, label=names["text"])
    if "text" in check.clean and not check.clean["text"].strip():
        check.fail("text", _("{field} is required.").format(field=names["text"]))
    values = check.done()
    if values.get("year") and values.get("received_on") and values["received_on"].year < values["year"]:
        raise ValidationError({"received_on": _("The comment on {year} cannot be received before that year.").format(
            year=values["year"])})
    return values


def add_comment(person_id: int, data: dict[str, Any]) -> ResidenceComment:
    """The residence branch's comment on *person_id* for a year (one a year)."""
    person = people.get_person(person_id)
    values = _check(data, creating=True)
    if ResidenceComment.get_or_none((ResidenceComment.person == person.id)
                                    & (ResidenceComment.year == values["year"])) is not None:
        raise ValidationError({"year": _("The comment for {year} is already recorded: open it to change it.").format(
            year=values["year"])})
    with atomic():
        row = ResidenceComment.create(person=person.id, **values)
        audit.record_change("create", row, None)
    return row


def _comment(comment_id: int) -> ResidenceComment:
    row = ResidenceComment.get_or_none(ResidenceComment.id == record_id(comment_id))
    if row is None:
        raise NotFoundError(_("Comment not found."))
    return row


def update_comment(comment_id: int, data: dict[str, Any]) -> ResidenceComment:
    row = _comment(comment_id)
    values = _check(data, creating=False)
    if "year" in values and values["year"] != row.year and ResidenceComment.get_or_none(
            (ResidenceComment.person == row.person_id) & (ResidenceComment.year == values["year"])) is not None:
        raise ValidationError({"year": _("The comment for {year} is already recorded: open it to change it.").format(
            year=values["year"])})
    with atomic():
        before = audit.snapshot(row)
        for key, value in values.items():
            setattr(row, key, value)
        row.save()
        audit.record_change("update", row, before)
    return row


def delete_comment(comment_id: int) -> None:
    row = _comment(comment_id)
    with atomic():
        before = audit.snapshot(row)
        row.delete_instance()
        audit.record("delete", "residencecomment", row.uid, before, None)


def grading_year(on: dt.date) -> int | None:
    """The year whose comments are due before grading, in December (this year) and January (last year)."""
    if on.month == 12:
        return on.year
    if on.month == 1:
        return on.year - 1
    return None


@dataclass(frozen=True)
class Missing:
    person_id: int
    name: str
    branch_id: int
    no_contact: bool  # no residence branch or organisation recorded at all


def missing(year: int, branch_id: int | None = None) -> list[Missing]:
    """The members who must keep in touch with their residence and have no comment for *year*."""
    workplace = Branch.select(Branch.id).where(Branch.kind.in_(WORKPLACE_KINDS) & Branch.deleted_at.is_null())
    touch = Person.branch.in_(workplace) | Person.residence_branch.is_null(False) | (Person.residence_contact != "")
    where = (Person.deleted_at.is_null() & Person.status.in_((Status.OFFICIAL, Status.PROBATIONARY)) & touch
             & Person.branch.is_null(False))
    if branch_id is not None:
        where &= Person.branch == branch_id
    commented = ResidenceComment.select(ResidenceComment.person).where(ResidenceComment.year == year)
    query = (Person.select(Person.id, Person.full_name, Person.branch, Person.residence_branch,
                           Person.residence_contact, Person.sort_key)
             .where(where & Person.id.not_in(commented)).order_by(Person.sort_key, Person.id))
    return [Missing(pid, name, bid, not rbid and not contact)
            for pid, name, bid, rbid, contact, _key in raw.rows(query)]


def missing_by_branch(year: int, branch_id: int | None = None) -> dict[int, list[Missing]]:
    found: dict[int, list[Missing]] = defaultdict(list)
    for row in missing(year, branch_id):
        found[row.branch_id].append(row)
    return dict(found)
