"""The checks of the central member database's campaigns (rà soát dữ liệu), made by the app on its own records:
the same ones fill the workbook's "Kết quả kiểm tra" / "Chi tiết lỗi" columns and the "Data review" view, so the
secretary corrects the record and the workbook comes out right.

A record here is a dict keyed like the workbook's columns (services.interchange.csdl_records). Each problem names
the column it concerns and says what is wrong in a sentence. What is checked:
- the required columns (an official member's card number and official date among them);
- the citizen ID is 12 digits, the card number as many as the rule setting says (12 unless changed: its
  format is unconfirmed), the old ID card 9 or 12;
- dates in order: official not before admission, admission not before the age of 18, the card not issued before
  admission, leaving not before admission, none after today;
- the status agrees with the dates: a probationary member has no official date, an exempt, transferred, struck
  off or deceased member has the day of it, an active one has none, "Đề nghị xóa" only for a member struck off;
- duplicates in the organisation: the same citizen ID, card number or old ID card, or the same name and date of
  birth, on two records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core import clock
from desktop_app.core.rules import policy_for
from desktop_app.core.text import fold
from desktop_app.i18n import _, format_date, ngettext
from desktop_app.services.interchange import csdl_records
from desktop_app.services.people.people import field_labels

OLD_ID = re.compile(r"^(\d{9}|\d{12})$")
ADULT_AGE = 18  # Điều lệ Đảng, Điều 1: a citizen of at least eighteen may be admitted
GONE_WORDS = set(csdl_records.STATUS_WORDS.values()) - {csdl_records.ACTIVE}


@dataclass(frozen=True)
class Problem:
    field: str  # the column's key
    message: str


@dataclass
class Reviewed:
    record: dict
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def details(self) -> str:
        return "\n".join(f"{n}. {p.message}" for n, p in enumerate(self.problems, 1))


def labels() -> dict[str, str]:
    names = field_labels()
    names.update({"branch": _("Party organisation of activity"), "status": _("Activity status"),
                  "left_on": _("Day of leaving, death or exemption"), "delete_proposed": _("Proposed for striking off"),
                  "admission_date": _("Admission date"), "official_date": _("Official date"),
                  "cccd": _("Personal identification number")})
    return names


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _adult_on(birth: dt.date) -> dt.date:
    try:
        return birth.replace(year=birth.year + ADULT_AGE)
    except ValueError:  # born on 29 February
        return dt.date(birth.year + ADULT_AGE, 3, 1)


def check_record(record: dict, today: dt.date | None = None) -> list[Problem]:
    """The problems of one record, in the order of the workbook's columns."""
    today = today or clock.today()
    names = labels()
    out: list[Problem] = []

    def fail(key: str, message: str) -> None:
        out.append(Problem(key, message))

    status = record.get("status") or ""
    official = record.get("status_code") == "official" or (
        status == csdl_records.ACTIVE and not _empty(record.get("official_date")))
    for key in ("full_name", "gender", "birth_date", "ethnicity", "religion", "cccd", "branch", "admission_date",
                "status"):
        if _empty(record.get(key)):
            fail(key, _("{field} is missing.").format(field=names[key]))
    if official and _empty(record.get("card_number")):
        fail("card_number", _("An official member has no Party card number."))
    if record.get("status_code") == "official" and _empty(record.get("official_date")):
        fail("official_date", _("An official member has no official date."))
    for key, digits in (("cccd", 12), ("card_number", policy_for(today).card_number_digits)):
        value = str(record.get(key) or "")
        if value and digits and not (value.isascii() and value.isdigit() and len(value) == digits):
            fail(key, ngettext("{field} must have {digits} digit; “{value}” has {count}.",
                               "{field} must have {digits} digits; “{value}” has {count}.", digits).format(
                field=names[key], digits=digits, value=value[:20], count=sum(c.isdigit() for c in value)))
    old = str(record.get("old_id_number") or "")
    if old and not OLD_ID.match(old):
        fail("old_id_number", _("{field} must have 9 or 12 digits; “{value}” has {count}.").format(
            field=names["old_id_number"], value=old[:20], count=sum(c.isdigit() for c in old)))
    _check_dates(record, today, names, fail)
    _check_status(record, status, names, fail)
    return out


def _check_dates(record: dict, today: dt.date, names: dict, fail) -> None:
    birth, admitted = record.get("birth_date"), record.get("admission_date")
    for key in ("birth_date", "card_issued_on", "admission_date", "official_date", "left_on"):
        day = record.get(key)
        if isinstance(day, dt.date) and day > today:
            fail(key, _("{field} ({date}) is after today.").format(field=names[key], date=format_date(day)))
    official = record.get("official_date")
    if isinstance(official, dt.date) and isinstance(admitted, dt.date) and official < admitted:
        fail("official_date", _("The official date ({official}) is before the admission date ({admitted}).").format(
            official=format_date(official), admitted=format_date(admitted)))
    if isinstance(birth, dt.date) and isinstance(admitted, dt.date) and admitted < _adult_on(birth):
        fail("admission_date", _("Admitted on {admitted}, before the age of 18 (born {birth}).").format(
            admitted=format_date(admitted), birth=format_date(birth)))
    for key in ("card_issued_on", "left_on"):
        day = record.get(key)
        if isinstance(day, dt.date) and isinstance(admitted, dt.date) and day < admitted:
            fail(key, _("{field} ({date}) is before the admission date ({admitted}).").format(
                field=names[key], date=format_date(day), admitted=format_date(admitted)))


def _check_status(record: dict, status: str, names: dict, fail) -> None:
    code = record.get("status_code")
    if code == "probationary" and not _empty(record.get("official_date")):
        fail("status", _("A probationary member has an official date: record the recognition, or remove the date."))
    if status in GONE_WORDS and _empty(record.get("left_on")):
        fail("left_on", _("The status is “{status}” but the day of it is missing.").format(status=status))
    if status == csdl_records.ACTIVE and not _empty(record.get("left_on")):
        fail("left_on", _("An active member has a day of leaving, death or exemption."))
    proposed = record.get("delete_proposed") == csdl_records.YES
    if proposed and status and status != csdl_records.STATUS_WORDS["struck_off"]:
        fail("delete_proposed", _("Proposed for striking off, but the status is “{status}”.").format(status=status))


def _duplicates(records: list[dict], names: dict) -> dict[int, list[Problem]]:
    """{index in *records*: its duplicate problems}: each record names the first other record it repeats."""
    found: dict[int, list[Problem]] = {}
    keys = (("cccd", lambda r: str(r.get("cccd") or "")),
            ("card_number", lambda r: str(r.get("card_number") or "")),
            ("old_id_number", lambda r: str(r.get("old_id_number") or "")),
            ("full_name", lambda r: (fold(r.get("full_name") or ""), r.get("birth_date"))
             if r.get("full_name") and isinstance(r.get("birth_date"), dt.date) else ""))
    for key, value_of in keys:
        seen: dict[object, list[int]] = {}
        for index, record in enumerate(records):
            value = value_of(record)
            if value:
                seen.setdefault(value, []).append(index)
        for indexes in seen.values():
            if len(indexes) < 2:
                continue
            for index in indexes:
                other = records[next(i for i in indexes if i != index)]
                who = _("{name} ({branch})").format(name=other.get("full_name") or "?",
                                                    branch=other.get("branch") or "?")
                message = (_("Same name and date of birth as {other}.").format(other=who) if key == "full_name" else
                           _("{field} is the same as {other}'s.").format(field=names[key], other=who))
                found.setdefault(index, []).append(Problem(key, message))
    return found


def review(records: Iterable[dict], today: dt.date | None = None) -> list[Reviewed]:
    """Every record with its problems, duplicates across *records* included."""
    items = list(records)
    names = labels()
    twins = _duplicates(items, names)
    return [Reviewed(record, check_record(record, today) + twins.get(index, []))
            for index, record in enumerate(items)]


def review_organisation(branch_id: int | None = None, today: dt.date | None = None) -> list[Reviewed]:
    """The checks over the listed members of *branch_id*; duplicates are looked for in the whole organisation."""
    everyone = list(csdl_records.records(None))
    reviewed = review(everyone, today)
    if branch_id is None:
        return reviewed
    return [r for r in reviewed if r.record.get("branch_id") == branch_id]


@dataclass
class BranchSummary:
    code: str
    name: str
    records: int = 0
    with_problems: int = 0
    problems: int = 0
    by_field: dict[str, int] = field(default_factory=dict)


def summary(reviewed: Iterable[Reviewed]) -> list[BranchSummary]:
    """Per branch, in code order: records, records with problems, problems, and problems per column."""
    rows: dict[tuple[str, str], BranchSummary] = {}
    for item in reviewed:
        code, name = item.record.get("branch_code") or "", item.record.get("branch") or ""
        row = rows.setdefault((code, name), BranchSummary(code, name))
        row.records += 1
        if item.problems:
            row.with_problems += 1
            row.problems += len(item.problems)
        for problem in item.problems:
            row.by_field[problem.field] = row.by_field.get(problem.field, 0) + 1
    return [rows[k] for k in sorted(rows)]
