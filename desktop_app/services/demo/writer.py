"""Bulk writing: rows go straight to the database in large batches (store.bulk: SQLite's ``executemany``,
a server's COPY).

Every row carries its own id, uid and timestamps, so records can refer to each other before they
are written; foreign keys are checked once, at commit (``bulk.defer_foreign_keys``). Dates are
written as ISO text, as peewee writes them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from desktop_app.store import writes

# The member record's columns after the first form's (records.person_columns gives their values in this order).
PERSON_RECORD = ("other_names", "old_id_number", "foreign_language", "it_level", "card_issued_on", "card_issued_place",
                 "card_number_qd85", *(f"{a}_{p}" for a in ("home_town", "birth_place", "residence")
                                       for p in ("country", "province", "detail")),
                 "under_inspection", "inspection_reason", "moving_on", "moving_to", "residence_branch_id",
                 "residence_contact", "left_party_on", "left_party_how", "left_party_grounds", "conviction",
                 "record_cleared_on")
COLUMNS = {
    "organisation": ("id", "uid", "created_at", "updated_at", "name", "superior_body", "place", "issuer_code",
                     "term", "is_grassroots_branch", "authorised_to_admit", "superior_committee", "address",
                     "signer"),
    "branch": ("id", "uid", "created_at", "updated_at", "organisation_id", "code", "name", "name_fold", "kind",
               "rural", "secretary_id", "deputy_id", "active", "note"),
    "person": ("id", "uid", "created_at", "updated_at", "branch_id", "full_name", "name_fold", "sort_key",
               "gender", "birth_date", "birth_place", "ethnicity", "religion", "cccd", "phone", "home_town",
               "residence", "education", "professional_level", "theory_level", "occupation", "workplace",
               "position", "youth_union", "trade_union", "categories", "status", "card_number", "admission_date",
               "ceremony_date", "official_date", "joined_branch_date", "note", *PERSON_RECORD),
    "stageevent": ("id", "uid", "created_at", "updated_at", "person_id", "stage", "date", "document_ref", "note",
                   "policy_version", "meeting_id", "received_on"),
    "membershipevent": ("id", "uid", "created_at", "updated_at", "person_id", "branch_id", "kind", "date",
                        "other_branch_id", "standing", "place", "document_ref", "note", "stage_event_id", "paper_date",
                        "effective_on", "reported_on"),
    "dossieritem": ("id", "uid", "created_at", "updated_at", "person_id", "code", "number", "date", "status",
                    "note"),
    "sponsorship": ("id", "uid", "created_at", "updated_at", "sponsor_id", "person_id", "role", "start", "end",
                    "end_reason", "together_since", "meeting_id", "policy_version"),
    "meeting": ("id", "uid", "created_at", "updated_at", "branch_id", "date", "kind", "place", "start_time",
                "end_time", "chair_id", "secretary_id", "theme", "fees_collected", "evaluation",
                "current_affairs", "next_tasks", "discussion", "conclusion", "status", "adopted_on", "addenda"),
    "attendance": ("id", "uid", "created_at", "updated_at", "meeting_id", "person_id", "status", "reason",
                   "member_status", "reason_accepted"),
    "decision": ("id", "uid", "created_at", "updated_at", "meeting_id", "kind", "subject_id", "sponsor_id",
                 "title", "text", "yes", "no", "abstain", "denominator", "passed", "policy_version",
                 "document_number"),
    "progressnote": ("id", "uid", "created_at", "updated_at", "person_id", "author_id", "meeting_id", "date",
                     "strengths", "weaknesses", "recommendation"),
    "actionitem": ("id", "uid", "created_at", "updated_at", "meeting_id", "text", "responsible_id", "due", "done",
                   "done_on", "carried_to_id", "carried_from_id"),
    "quota": ("id", "uid", "created_at", "updated_at", "organisation_id", "branch_id", "year", "target"),
    "documentcounter": ("id", "uid", "created_at", "updated_at", "issuer", "type_code", "term", "last_number"),
    "issueddocument": ("id", "uid", "created_at", "updated_at", "kind", "issuer", "type_code", "term", "number",
                       "symbol", "date", "branch_id", "decision_id", "covers_key", "covers", "title", "lang",
                       "version", "supersedes_id"),
    "memberfeebasis": ("id", "uid", "created_at", "updated_at", "person_id", "effective", "kind", "income",
                       "fee_group", "area", "amount", "beyond_working_age", "decision", "note"),
    "feerelief": ("id", "uid", "created_at", "updated_at", "person_id", "percent", "ground", "first_month",
                  "last_month", "decision", "note"),
    "feepayment": ("id", "uid", "created_at", "updated_at", "person_id", "branch_id", "month", "amount", "paid_on",
                   "meeting_id", "note"),
    "award": ("id", "uid", "created_at", "updated_at", "person_id", "kind", "date", "decision", "by_whom", "note"),
    "residencecomment": ("id", "uid", "created_at", "updated_at", "person_id", "year", "received_on", "author",
                         "text"),
    # The Party year (services.demo.year), written after the people.
    "disciplinerecord": ("id", "uid", "created_at", "updated_at", "person_id", "kind", "decided_on",
                         "decision_number", "decided_by", "body", "reason", "remedied", "note", "deleted_at"),
    "gradinground": ("id", "uid", "created_at", "updated_at", "organisation_id", "year", "grading_date", "opened_on",
                     "note"),
    "membergrade": ("id", "uid", "created_at", "updated_at", "round_id", "person_id", "branch_id", "self_grade",
                    "self_text", "self_on", "branch_grade", "branch_yes", "branch_voters", "branch_on",
                    "committee_grade", "committee_on", "suspended", "sick_months", "maternity", "host_comment",
                    "note"),
    "branchgrading": ("id", "uid", "created_at", "updated_at", "round_id", "branch_id", "meeting_on", "voters",
                      "outstanding", "self_grade", "grade", "graded_on"),
    "gradecorrection": ("id", "uid", "created_at", "updated_at", "member_grade_id", "branch_grading_id",
                        "corrected_on", "before", "after", "reason", "document_ref"),
    "partybadge": ("id", "uid", "created_at", "updated_at", "person_id", "years", "awarded_on", "decision_number",
                   "posthumous", "note"),
}
ORDER = tuple(COLUMNS)


@lru_cache(maxsize=8192)
def stamp(day: dt.date, hour: int = 20) -> str:
    """The time a record made on *day* was entered ("2024-03-03 20:00:00")."""
    return f"{day.isoformat()} {hour:02d}:00:00"


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


class Sink:
    """Buffers rows per table and writes them in batches on the open connection."""

    BATCH = 20_000

    def __init__(self, db) -> None:
        self.db = db
        self.rows: dict[str, list[tuple]] = {table: [] for table in COLUMNS}
        self.counts: dict[str, int] = {table: 0 for table in COLUMNS}

    def total(self, table: str) -> int:
        """Rows of *table* written or waiting."""
        return self.counts[table] + len(self.rows[table])

    def extend(self, table: str, rows: list[tuple]) -> None:
        self.rows[table].extend(rows)
        if len(self.rows[table]) >= self.BATCH:
            self.flush(table)

    def add(self, table: str, row: tuple) -> None:
        rows = self.rows[table]
        rows.append(row)
        if len(rows) >= self.BATCH:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in ([table] if table else ORDER):
            rows = self.rows[name]
            if rows:
                writes.insert_rows(self.db, name, COLUMNS[name], rows)
                self.counts[name] += len(rows)
                rows.clear()
