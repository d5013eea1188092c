"""What the member register (danh sách đảng viên) of a branch or of the organisation lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import Status
from desktop_app.store.models import Branch, Person

REGISTER_STATUSES = Status.MEMBERS  # official, probationary, exempt: every member of the Party


@dataclass(frozen=True)
class RegisterLine:
    name: str
    birth_date: dt.date | None
    gender: str  # core.enums.Gender
    ethnicity: str
    religion: str
    admission_date: dt.date | None  # the date in the admission decision (party age runs from it)
    official_date: dt.date | None
    card_number: str
    status: str  # core.enums.Status, one of REGISTER_STATUSES
    branch_id: int
    branch_name: str


def register_data(branch_id: int | None) -> tuple[RegisterLine, ...]:
    """The members of one branch in Vietnamese name order, or of every branch (ordered by branch code)."""
    query = (Person.select(Person.full_name, Person.birth_date, Person.gender, Person.ethnicity, Person.religion,
                           Person.admission_date, Person.official_date, Person.card_number, Person.status,
                           Branch.id, Branch.name)
             .join(Branch)
             .where(Person.deleted_at.is_null() & Branch.deleted_at.is_null()
                    & Person.status.in_(list(REGISTER_STATUSES))))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    query = query.order_by(Branch.code, Person.sort_key, Person.id)
    return tuple(RegisterLine(name, birth, gender, ethnicity, religion, admitted, official, card or "", status,
                              bid, bname)
                 for name, birth, gender, ethnicity, religion, admitted, official, card, status, bid, bname
                 in query.tuples())
