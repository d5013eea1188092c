"""Schema version 4: the dated membership history, the accepted reason of an absence, the day a decision was
received, and the task a carried task continues.

**membershipevent** — one row per dated change of a person's place in the branches (admission, recognition,
transfer in and out, move between branches, temporary activity, exemption, death, striking off). Every count of
members on a date is replayed from it. It is filled here from what the file already holds:

- the member steps of each person's dated history (ceremony → admission; recognition decision → recognition;
  exempted / returned; transferred in / out; struck off; deceased), each in the branch the person belonged to on
  that day. Steps dated before a transfer in happened in another organisation and make no row; the transfer
  in carries the standing they gave (official once recognised, else probationary);
- the branch the person belonged to on each day, from the meetings they were listed at as a member: attending
  one branch's meetings and later another's is a move, dated the day "in this branch since" gives when it falls
  between the two, else the first meeting in the new branch; a branch changed since the last meeting listed is
  a move dated "in this branch since", else the day after that meeting. Without attendance the person's branch
  is taken as theirs throughout;
- temporary activity elsewhere, from runs of meetings where the member was listed as active elsewhere (from the
  first such meeting to the next one attended otherwise);
- a member by status with no member step (added as exempt, or imported without dates) is on record from "in this
  branch since", else from the day the record was made; a member who left by status with no step saying so
  leaves on the day the record was last changed.

**attendance.reason_accepted** — whether the convener accepted the reason of an absence: only those absences
leave the vote denominator (Regulation 294-QĐ/TW point 9.3.2). Until now an absence recorded "with reason" was
taken as accepted (the votes already recorded were counted so), so existing "with reason" rows become accepted;
new absences are not accepted until the secretary says so.

**stageevent.received_on** — the day the branch received a decision; the ceremony deadline runs from it. Not
known for existing rows (left empty: the deadline then runs from the decision's date, as before).

**actionitem.carried_from_id** — the task a carried task continues. Existing copies are linked to the task they
were carried from: the same text, responsible member and due date in the meeting it was carried into.
"""

from __future__ import annotations

import datetime as dt
import uuid

from desktop_app.core import clock
from desktop_app.store import dialect

STATEMENTS = [
    'CREATE TABLE IF NOT EXISTS "membershipevent" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "branch_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, '
    '"date" DATE NOT NULL, "other_branch_id" INTEGER, "standing" TEXT NOT NULL DEFAULT \'\', "place" TEXT NOT NULL '
    'DEFAULT \'\', "document_ref" TEXT NOT NULL DEFAULT \'\', "note" TEXT NOT NULL DEFAULT \'\', "stage_event_id" '
    'INTEGER, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("branch_id") '
    'REFERENCES "branch" ("id") ON DELETE RESTRICT, FOREIGN KEY ("other_branch_id") REFERENCES "branch" ("id") '
    'ON DELETE SET NULL, FOREIGN KEY ("stage_event_id") REFERENCES "stageevent" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "membershipevent_uid" ON "membershipevent" ("uid")',
    'CREATE INDEX IF NOT EXISTS "membershipevent_stage_event_id" ON "membershipevent" ("stage_event_id")',
    'CREATE INDEX IF NOT EXISTS "membershipevent_branch_id_date" ON "membershipevent" ("branch_id", "date")',
    'CREATE INDEX IF NOT EXISTS "membershipevent_person_id_date" ON "membershipevent" ("person_id", "date")',
    'CREATE INDEX IF NOT EXISTS "membershipevent_other_branch_id_date" ON "membershipevent" '
    '("other_branch_id", "date")',
]
COLUMNS = [  # (table, column, definition)
    ("attendance", "reason_accepted", 'BOOLEAN NOT NULL DEFAULT 0'),
    ("stageevent", "received_on", 'DATE'),
    ("actionitem", "carried_from_id", 'INTEGER REFERENCES "actionitem" ("id") ON DELETE SET NULL'),
]
AFTER = [
    'CREATE INDEX IF NOT EXISTS "actionitem_carried_from_id" ON "actionitem" ("carried_from_id")',
]

# The codes as this version stores them (core.enums may grow; this file must not change with it).
MEMBER, GONE = ("probationary", "official", "exempt"), ("transferred", "struck_off", "deceased")
LEAVING = {"transferred_out": "transfer_out", "struck_off": "strike_off", "deceased": "death"}
LEAVING_OF_STATUS = {"transferred": "transfer_out", "struck_off": "strike_off", "deceased": "death"}
MEMBER_STAGES = ("ceremony", "recognition_decision", "exempted", "returned", "transferred_in", *LEAVING)


def _date(value) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


class _Branches:
    """The branch a person belonged to on each day: (from, branch) spans, the first from the beginning."""

    def __init__(self, spans: list[tuple[dt.date | None, int]]):
        self.spans = spans

    def on(self, day: dt.date) -> int:
        branch = self.spans[0][1]
        for start, span_branch in self.spans:
            if start is not None and start > day:
                break
            branch = span_branch
        return branch

    def moves(self) -> list[tuple[dt.date, int, int]]:
        # Every span after the first has its start date.
        return [(start, new, old) for (_s, old), (start, new) in zip(self.spans, self.spans[1:], strict=False)
                if start is not None]


def _spans(current: int | None, joined: dt.date | None, listed: list[tuple[dt.date, int, str]]) -> _Branches | None:
    """*listed*: (meeting date, branch, attendance status) of the meetings the person was listed at as a member."""
    runs: list[list] = []  # [branch, first date, last date]
    for day, branch, _status in listed:
        if runs and runs[-1][0] == branch:
            runs[-1][2] = day
        else:
            runs.append([branch, day, day])
    if not runs:
        return _Branches([(None, current)]) if current is not None else None
    spans: list[tuple[dt.date | None, int]] = [(None, runs[0][0])]
    for previous, run in zip(runs, runs[1:], strict=False):
        moved = joined if joined is not None and previous[2] < joined <= run[1] else run[1]
        spans.append((moved, run[0]))
    if current is not None and current != runs[-1][0]:
        last = runs[-1][2]
        spans.append((joined if joined is not None and joined > last else last + dt.timedelta(days=1), current))
    return _Branches(spans)


def _person_events(person: tuple, stages: list[tuple], listed: list[tuple]) -> list[dict]:
    pid, current, status, joined, created, updated = person
    branches = _spans(current, joined, listed)
    if branches is None:
        return []
    out: list[tuple[dt.date, int, dict]] = []  # (date, order within the day, row)

    def add(kind: str, day: dt.date, order: int = 1, **extra) -> None:
        row = {"kind": kind, "date": day, "branch_id": branches.on(day), "other_branch_id": None, "standing": "",
               "place": "", "document_ref": "", "note": "", "stage_event_id": None}
        row.update(extra)
        out.append((day, order, row))

    transfer_in = next((day for _id, stage, day, *_rest in stages if stage == "transferred_in"), None)
    left_before = transfer_in is not None and any(
        stage == "transferred_out" and day < transfer_in for _id, stage, day, *_rest in stages)
    member, standing = False, ""
    for event_id, stage, day, document_ref, note in stages:
        if stage not in MEMBER_STAGES:
            continue
        linked = {"stage_event_id": event_id, "document_ref": document_ref or "", "note": note or ""}
        if transfer_in is not None and not left_before and day < transfer_in:
            # Steps taken in another organisation before the member came: only the standing they gave.
            if stage == "ceremony":
                standing = standing or "probationary"
            elif stage == "recognition_decision":
                standing = "official"
            continue
        if stage == "ceremony" and not member:
            add("admission", day, **linked)
            member, standing = True, "probationary"
        elif stage == "recognition_decision":
            if member and standing == "probationary":
                add("recognition", day, **linked)
            elif not member:
                add("on_record", day, standing="official", **linked)
                member = True
            standing = "official"
        elif stage == "exempted":
            if not member:
                add("on_record", day, standing=standing or "official")
                member, standing = True, standing or "official"
            add("exempt_from", day, **linked)
        elif stage == "returned" and member:
            add("exempt_until", day, **linked)
        elif stage == "transferred_in":
            add("transfer_in", day, standing=standing or "official", **linked)
            member, standing = True, standing or "official"
        elif stage in LEAVING and member:
            add(LEAVING[stage], day, **linked)
            member = False
    if status in MEMBER and not member:
        since = joined or created or (listed[0][0] if listed else None)
        if since is not None:
            add("on_record", since, standing="probationary" if status == "probationary" else "official")
            if status == "exempt":
                add("exempt_from", since)
            member = True
    elif status in GONE and member and updated is not None:
        add(LEAVING_OF_STATUS[status], updated)
    # Temporary activity elsewhere: runs of meetings listed "elsewhere".
    away = False
    for day, _branch, attendance in listed:
        if attendance == "elsewhere" and not away:
            add("elsewhere_from", day)
            away = True
        elif attendance != "elsewhere" and away:
            add("elsewhere_until", day)
            away = False
    for day, new, old in branches.moves():
        add("move", day, order=0, branch_id=new, other_branch_id=old)
    out.sort(key=lambda item: (item[0], item[1]))  # stable: the steps keep their recorded order within a day
    return [row for _day, _order, row in out]


def _backfill_membership(db) -> None:
    people = [(pid, branch, status, _date(joined), _date(created), _date(updated)) for
              pid, branch, status, joined, created, updated in db.execute_sql(
                  'SELECT id, branch_id, status, joined_branch_date, created_at, updated_at FROM person ORDER BY id')]
    stages: dict[int, list[tuple]] = {}
    for event_id, pid, stage, day, document_ref, note in db.execute_sql(
            'SELECT id, person_id, stage, date, document_ref, note FROM stageevent ORDER BY person_id, date, id'):
        stages.setdefault(pid, []).append((event_id, stage, _date(day), document_ref, note))
    listed: dict[int, list[tuple]] = {}
    for pid, day, branch, status in db.execute_sql(
            'SELECT a.person_id, m.date, m.branch_id, a.status FROM attendance a JOIN meeting m ON m.id = a.meeting_id '
            "WHERE a.status != 'guest' AND m.deleted_at IS NULL ORDER BY a.person_id, m.date, m.id"):
        listed.setdefault(pid, []).append((_date(day), branch, status))
    stamp = clock.now().replace(microsecond=0).isoformat(sep=" ")
    columns = ("uid", "created_at", "updated_at", "person_id", "kind", "date", "branch_id", "other_branch_id",
               "standing", "place", "document_ref", "note", "stage_event_id")
    rows = []
    for person in people:
        for event in _person_events(person, stages.get(person[0], []), listed.get(person[0], [])):
            rows.append((str(uuid.uuid4()), stamp, stamp, person[0], event["kind"], event["date"].isoformat(),
                         event["branch_id"], event["other_branch_id"], event["standing"], event["place"],
                         event["document_ref"], event["note"], event["stage_event_id"]))
    sql = (f'INSERT INTO "membershipevent" ({", ".join(columns)}) '
           f'VALUES ({", ".join([db.param] * len(columns))})')
    _executemany(db, sql, rows)


def _link_carried_tasks(db) -> None:
    """Each carried task's copy in the meeting it went to: same text, responsible member and due date."""
    copies: dict[tuple, list[int]] = {}
    for item_id, meeting, text, responsible, due in db.execute_sql(
            'SELECT id, meeting_id, text, responsible_id, due FROM actionitem ORDER BY id'):
        copies.setdefault((meeting, text, responsible, due), []).append(item_id)
    links = []
    for item_id, target, text, responsible, due in db.execute_sql(
            'SELECT id, carried_to_id, text, responsible_id, due FROM actionitem WHERE carried_to_id IS NOT NULL '
            'ORDER BY id'):
        candidates = copies.get((target, text, responsible, due))
        if candidates:
            links.append((item_id, candidates.pop(0)))
    _executemany(db, f"UPDATE actionitem SET carried_from_id = {db.param} WHERE id = {db.param}", links)


def _executemany(db, sql: str, rows: list[tuple]) -> None:
    """*sql* (with the engine's placeholder) once per row, through the driver (on both engines)."""
    if rows:
        cursor = db.cursor()
        cursor.executemany(sql, rows)


def up(db, migrator) -> None:
    dialect.execute(db, STATEMENTS)
    for table, column, definition in COLUMNS:
        if column not in {c.name for c in db.get_columns(table)}:  # a file upgraded before, then restored
            dialect.execute(db, [f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}'])
    dialect.execute(db, AFTER)
    if not db.execute_sql('SELECT 1 FROM "membershipevent" LIMIT 1').fetchone():
        db.execute_sql(f"UPDATE attendance SET reason_accepted = {db.param} WHERE status = 'excused'", (True,))
        _backfill_membership(db)
        _link_carried_tasks(db)
