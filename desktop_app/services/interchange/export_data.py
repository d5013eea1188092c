"""What the Excel exports contain: read-only queries, plus the audit entry an export leaves.

Rows are plain dicts keyed like the workbook columns (interchange.columns), with stored codes;
the workbook writer turns codes into labels. Every list is streamed rather than loaded (attendance runs
to a million rows on a large committee's ten years of meetings), and counted first for the progress bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from desktop_app.core.enums import AttendanceStatus, MeetingStatus, Status
from desktop_app.core.rules import Month
from desktop_app.i18n import format_date
from desktop_app.services.common.recorded_files import recorded_file
from desktop_app.services.fees import ledger
from desktop_app.store.models import Attendance, Award, Branch, Meeting, Person

MEMBERS, CANDIDATES = "members", "candidates"


def _people_query(kind: str, branch_id: int | None):
    statuses = Status.MEMBERS if kind == MEMBERS else Status.CANDIDATES
    query = Person.select().where(Person.deleted_at.is_null() & Person.status.in_(list(statuses)))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    return query


def people_count(kind: str, branch_id: int | None = None) -> int:
    return _people_query(kind, branch_id).count()


def people(kind: str, branch_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Members (official, probationary, exempt) or candidates (prospect, sympathiser, applicant),
    not deleted, by branch code and then as Vietnamese lists sort names; streamed."""
    query = (_people_query(kind, branch_id)
             .select(Person, Branch.code.alias("branch_code"), Branch.name.alias("branch_name"))
             .join(Branch, JOIN.LEFT_OUTER, on=(Person.branch == Branch.id))
             .order_by(Branch.code, Person.sort_key, Person.id))
    rows = query.dicts().iterator()
    while batch := list(islice(rows, 500)):
        ids = [row["id"] for row in batch]
        prizes = _awards_of(ids)
        homes = dict(Branch.select(Branch.id, Branch.name).where(
            Branch.id.in_([r["residence_branch"] for r in batch if r.get("residence_branch")])).tuples())
        for row in batch:
            row["branch"] = row.pop("branch_name") or ""
            row["branch_code"] = row["branch_code"] or ""
            row["awards"] = prizes.get(row["id"], "")
            if row.get("residence_branch"):
                row["residence_contact"] = homes.get(row["residence_branch"], row.get("residence_contact") or "")
            yield row


def _awards_of(ids: list[int]) -> dict[int, str]:
    """{person: their awards as one line} ("kind (date, decision, by whom); …"), oldest first."""
    found: dict[int, list[str]] = {}
    query = (Award.select(Award.person, Award.kind, Award.date, Award.decision, Award.by_whom)
             .where(Award.person.in_(ids)).order_by(Award.person, Award.date.is_null(), Award.date, Award.id))
    for pid, kind, day, decision, by_whom in query.tuples():
        extra = ", ".join(x for x in (format_date(day) if day else "", decision, by_whom) if x)
        found.setdefault(pid, []).append(f"{kind} ({extra})" if extra else kind)
    return {pid: "; ".join(items) for pid, items in found.items()}


def _meeting_filter(query, branch_id: int | None, year: int | None):
    query = query.where(Meeting.deleted_at.is_null())
    if branch_id is not None:
        query = query.where(Meeting.branch == branch_id)
    if year is not None:
        query = query.where(Meeting.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return query


def meetings_count(branch_id: int | None = None, year: int | None = None) -> int:
    return _meeting_filter(Meeting.select(), branch_id, year).count()


def meetings(branch_id: int | None = None, year: int | None = None) -> Iterator[dict[str, Any]]:
    """Meetings by branch and date, with the chair's and secretary's names and the attendance counts
    ("expected" counts everyone on the attendance list but guests); streamed, counted a batch at a time."""
    Chair, Secretary = Person.alias(), Person.alias()
    query = (Meeting.select(Meeting.id, Meeting.branch.alias("branch_id"), Branch.code.alias("branch_code"),
                            Branch.name.alias("branch"), Meeting.date,
                            Meeting.kind, Meeting.start_time, Meeting.end_time, Meeting.place,
                            Chair.full_name.alias("chair"), Secretary.full_name.alias("secretary"), Meeting.theme,
                            Meeting.status, Meeting.fees_collected)
             .join(Branch, on=(Meeting.branch == Branch.id))
             .switch(Meeting).join(Chair, JOIN.LEFT_OUTER, on=(Meeting.chair == Chair.id))
             .switch(Meeting).join(Secretary, JOIN.LEFT_OUTER, on=(Meeting.secretary == Secretary.id))
             .order_by(Branch.code, Meeting.date, Meeting.id))
    rows = _meeting_filter(query, branch_id, year).dicts().iterator()
    while batch := list(islice(rows, 500)):
        counts: dict[int, dict[str, int]] = {}
        tally = (Attendance.select(Attendance.meeting, Attendance.status, fn.COUNT(Attendance.id))
                 .where(Attendance.meeting.in_([r["id"] for r in batch]))
                 .group_by(Attendance.meeting, Attendance.status))
        for meeting_id, status, count in tally.tuples():
            counts.setdefault(meeting_id, {})[status] = count
        for row in batch:
            tally_row = counts.get(row["id"], {})
            row["expected"] = sum(n for s, n in tally_row.items() if s != AttendanceStatus.GUEST)
            for status in (AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED, AttendanceStatus.UNEXCUSED):
                row[status] = tally_row.get(status, 0)
            row["chair"] = row["chair"] or ""
            row["secretary"] = row["secretary"] or ""
            if row["status"] != MeetingStatus.ADOPTED:  # a draft's fees follow the ledger (meeting_fees)
                row["fees_collected"] = ledger.collected(row["branch_id"], Month.of(row["date"]))
            yield row


def attendance_count(branch_id: int | None = None, year: int | None = None) -> int:
    query = Attendance.select().join(Meeting, on=(Attendance.meeting == Meeting.id))
    return _meeting_filter(query, branch_id, year).count()


def attendance(branch_id: int | None = None, year: int | None = None) -> Iterator[dict[str, Any]]:
    """Every attendance row, meeting by meeting (branch, date), names in list order; streamed."""
    query = (Attendance.select(Meeting.date, Branch.code.alias("branch_code"), Branch.name.alias("branch"),
                               Person.full_name, Attendance.member_status, Attendance.status, Attendance.reason)
             .join(Meeting, on=(Attendance.meeting == Meeting.id))
             .join(Branch, on=(Meeting.branch == Branch.id))
             .switch(Attendance).join(Person, on=(Attendance.person == Person.id))
             .order_by(Branch.code, Meeting.date, Meeting.id, Person.sort_key))
    yield from _meeting_filter(query, branch_id, year).dicts().iterator()


def recorded_export(what: str, path: str | Path, count: int, branch_id: int | None = None, **details: Any):
    """The audit entry of an export, recorded before the workbook is written (common.recorded_files): use
    as ``with recorded_export(…): write the file``."""
    return recorded_file(path, "export", what, {"rows": count, "branch_id": branch_id, **details})
