"""The members as the central member database (CSDL đảng viên) lists them: one plain dict a person, keyed like the
data-entry workbook's columns (interchange.csdl_layout), read only.

Who is listed: every member (official, probationary, exempt) and every former member the organisation still
accounts for (transferred out, struck off, deceased), as the central database keeps them. The activity status is
the central database's word ("Đang sinh hoạt"…); the day a member left, died or was exempted is the dated event of
the membership history; "Đề nghị xóa" (proposed for striking off) is said of a member struck off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice
from typing import Any

from peewee import JOIN

from desktop_app.core.enums import MembershipKind, Status
from desktop_app.core.text import fold
from desktop_app.store.models import Branch, MembershipEvent, Person

LISTED = (*Status.MEMBERS, Status.TRANSFERRED, Status.STRUCK_OFF, Status.DECEASED)
ACTIVE = "Đang sinh hoạt"
# The central database's activity status of each stored status (a file format: always these words).
STATUS_WORDS = {Status.OFFICIAL: ACTIVE, Status.PROBATIONARY: ACTIVE, Status.EXEMPT: "Miễn sinh hoạt",
                Status.TRANSFERRED: "Chuyển sinh hoạt đi", Status.STRUCK_OFF: "Xóa tên", Status.DECEASED: "Từ trần"}
# Other ways workbooks write them.
STATUS_ALIASES = {ACTIVE: ("đang hoạt động", "sinh hoạt", "đang sinh hoạt đảng", "bình thường"),
                  "Miễn sinh hoạt": ("miễn sh", "miễn công tác và sinh hoạt đảng", "miễn công tác, sinh hoạt đảng",
                                     "miễn công tác và sinh hoạt"),
                  "Chuyển sinh hoạt đi": ("chuyển sinh hoạt", "đã chuyển sinh hoạt", "đã chuyển sinh hoạt đi",
                                          "chuyển đi", "chuyển sinh hoạt đảng chính thức"),
                  "Xóa tên": ("đã xóa tên", "xoá tên", "đã xoá tên", "khai trừ", "đã khai trừ"),
                  "Từ trần": ("đã mất", "mất", "qua đời", "đã từ trần", "chết")}
LEAVING_EVENT = {Status.EXEMPT: MembershipKind.EXEMPT_FROM, Status.TRANSFERRED: MembershipKind.TRANSFER_OUT,
                 Status.STRUCK_OFF: MembershipKind.STRIKE_OFF, Status.DECEASED: MembershipKind.DEATH}
YES, NO = "Có", "Không"
GENDER_WORDS = {"male": "Nam", "female": "Nữ"}
RECORD_FIELDS = (
    "uid", "full_name", "other_names", "gender", "birth_date", "birth_place_country", "birth_place_province",
    "birth_place_detail", "home_town_country", "home_town_province", "home_town_detail", "ethnicity", "religion",
    "cccd", "card_number", "card_issued_place", "card_issued_on", "card_number_qd85", "admission_date",
    "official_date", "old_id_number", "residence_country", "residence_province", "residence_detail")


def status_word(code: str) -> str:
    return STATUS_WORDS.get(code, "")


def status_words_read(text: str) -> str | None:
    """The central database's status word *text* names (accents and case ignored), else None."""
    key = fold(text)
    for word, aliases in STATUS_ALIASES.items():
        if key == fold(word) or key in {fold(a) for a in aliases}:
            return word
    return None


def _query(branch_id: int | None):
    query = (Person.select(Person, Branch.code.alias("branch_code"), Branch.name.alias("branch_name"))
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .where(Person.deleted_at.is_null() & Person.status.in_(list(LISTED))))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return query


def count(branch_id: int | None = None) -> int:
    return _query(branch_id).count()


def _left_days(batch: list[dict]) -> dict[int, dt.date]:
    """{person: the day of the latest event that matches their status (left, died, exempted)}."""
    wanted = {r["id"]: LEAVING_EVENT[r["status"]] for r in batch if r["status"] in LEAVING_EVENT}
    if not wanted:
        return {}
    days: dict[int, dt.date] = {}
    query = (MembershipEvent.select(MembershipEvent.person, MembershipEvent.kind, MembershipEvent.date)
             .where(MembershipEvent.person.in_(list(wanted)) & MembershipEvent.kind.in_(list(LEAVING_EVENT.values())))
             .order_by(MembershipEvent.date, MembershipEvent.id))
    for pid, kind, day in query.tuples():
        if wanted[pid] == kind:
            days[pid] = day
    return days


def records(branch_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Every listed person of *branch_id* (None: the whole organisation), by branch code then name; streamed."""
    rows = _query(branch_id).order_by(Branch.code, Person.sort_key, Person.id).dicts().iterator()
    while batch := list(islice(rows, 500)):
        left = _left_days(batch)
        for row in batch:
            record = {key: row.get(key) for key in RECORD_FIELDS}
            for key, value in record.items():
                if value is None and key not in ("birth_date", "card_issued_on", "admission_date", "official_date"):
                    record[key] = ""
            record.update(
                id=row["id"], branch_id=row["branch"], branch=row["branch_name"] or "",
                branch_code=row["branch_code"] or "", status_code=row["status"], status=status_word(row["status"]),
                gender=GENDER_WORDS.get(row["gender"], row["gender"] or ""), left_on=left.get(row["id"]),
                delete_proposed=YES if row["status"] == Status.STRUCK_OFF else NO,
                ceremony_date=row["ceremony_date"])
            yield record


def left_day(person: Person) -> dt.date | None:
    """The day *person* left, died or was exempted, as the membership history has it (None when not so)."""
    return _left_days([{"id": person.id, "status": person.status}]).get(person.id)
