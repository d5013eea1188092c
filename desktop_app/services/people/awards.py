"""A member's awards (khen thưởng; the member form and the central database): the kind as the decision names it,
its date and number, and who awarded it. Listed on the record, written one at a time, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import people
from desktop_app.store import raw
from desktop_app.store.models import Award

FIELDS = ("kind", "date", "decision", "by_whom", "note")
# What secretaries most often write, offered as the kind is typed (any other wording is kept as typed).
COMMON_KINDS = (
    "Huy hiệu 30 năm tuổi Đảng", "Huy hiệu 40 năm tuổi Đảng", "Huy hiệu 50 năm tuổi Đảng",
    "Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Nhì", "Huân chương Kháng chiến hạng Nhất",
    "Huy chương Kháng chiến hạng Nhì", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Chủ tịch UBND tỉnh",
    "Bằng khen của Ban Thường vụ Tỉnh ủy", "Giấy khen của Đảng ủy xã", "Giấy khen của Chủ tịch UBND xã",
    "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Đảng viên hoàn thành xuất sắc nhiệm vụ",
)


@dataclass(frozen=True)
class AwardRow:
    id: int
    kind: str
    date: dt.date | None
    decision: str
    by_whom: str
    note: str


def labels() -> dict[str, str]:
    return {"kind": _("Award"), "date": _("Date"), "decision": _("Decision number"), "by_whom": _("Awarded by"),
            "note": _("Note")}


def awards(person_id: int) -> list[AwardRow]:
    """The person's awards, oldest first (undated ones last)."""
    query = (Award.select(Award.id, Award.kind, Award.date, Award.decision, Award.by_whom, Award.note)
             .where(Award.person == person_id).order_by(Award.date.is_null(), Award.date, Award.id))
    return [AwardRow(aid, kind, raw.to_date(day), decision, by_whom, note)
            for aid, kind, day, decision, by_whom, note in raw.rows(query)]


def _check(data: dict[str, Any], birth: dt.date | None, creating: bool) -> dict[str, Any]:
    names = labels()
    check = Checker(data)
    for field in data:
        if field not in FIELDS:
            check.fail(field, _("This field cannot be changed here."))
    check.text("kind", required=creating, max_length=200, name=True, label=names["kind"])
    if "kind" in check.clean and not check.clean["kind"]:
        check.fail("kind", _("{field} is required.").format(field=names["kind"]))
    day = check.date("date", not_future=True, label=names["date"])
    if day and birth and day < birth:
        check.fail("date", _("{field} cannot be before the date of birth.").format(field=names["date"]))
    check.text("decision", max_length=100, name=True, label=names["decision"])
    check.text("by_whom", max_length=200, name=True, label=names["by_whom"])
    check.text("note", max_length=1000, label=names["note"])
    return check.done()


def add_award(person_id: int, data: dict[str, Any]) -> Award:
    person = people.get_person(person_id)
    values = _check(data, person.birth_date, creating=True)
    with atomic():
        award = Award.create(person=person.id, **values)
        audit.record_change("create", award, None)
    return award


def _award(award_id: int) -> Award:
    award = Award.get_or_none(Award.id == record_id(award_id))
    if award is None:
        raise NotFoundError(_("Award not found."))
    return award


def update_award(award_id: int, data: dict[str, Any]) -> Award:
    award = _award(award_id)
    person = people.get_person(award.person_id)
    values = _check(data, person.birth_date, creating=False)
    with atomic():
        before = audit.snapshot(award)
        for key, value in values.items():
            setattr(award, key, value)
        award.save()
        audit.record_change("update", award, before)
    return award


def delete_award(award_id: int) -> None:
    award = _award(award_id)
    with atomic():
        before = audit.snapshot(award)
        award.delete_instance()
        audit.record("delete", "award", award.uid, before, None)


def summary(person_id: int) -> str:
    """The awards as one line for a workbook cell ("Bằng khen… (12/05/2020, 123/QĐ-UBND, UBND tỉnh); …")."""
    from desktop_app.i18n import format_date

    items = []
    for row in awards(person_id):
        extra = ", ".join(x for x in (format_date(row.date) if row.date else "", row.decision, row.by_whom) if x)
        items.append(f"{row.kind} ({extra})" if extra else row.kind)
    return "; ".join(items)
