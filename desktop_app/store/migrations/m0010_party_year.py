"""Schema version 10: the Party year — discipline, the annual grading of members and branches, Party badges.

**disciplinerecord** — a disciplinary measure decided against a member: its kind (reprimand, warning, removal from
post, expulsion), the day it took effect, the decision's number, who decided (the branch or a higher committee)
and the deciding body's name, the reason, and whether the member admitted and remedied the fault (the grading of
that year may then judge otherwise). Soft-deleted like people.

**gradinground** — the organisation's grading of one year (Regulation 366-QĐ/TW): the day the grading is made
(a member admitted less than six months before it is not graded) and the day the round was opened; one a year.

**branchgrading** — a branch in a round: the meeting that proposed its members' grades and how many official
members voted, whether the unit is recognised as outstanding (the cap on "excellent" is then 25 %), the grade the
branch proposes for itself and the committee's grade of it, dated (locked from then).

**membergrade** — one member in a round: the self-assessment (grade, text, date), the branch's proposed grade with
its vote and date, the committee's grade and the day it decided (locked from then), and the facts the grading
weighs that the records do not hold elsewhere (suspended, months of sick leave, maternity leave, the host branch's
comments on a member temporarily active elsewhere).

**gradecorrection** — a dated correction, with its reason, of a decided grade of a member or a branch: the only
change a decision accepts.

**partybadge** — a Party badge awarded for a milestone of party age, the day and the decision; one a milestone.

Nothing existing changes: the tables start empty. The statements are written out (as SQLite's, rendered for a
server by store.dialect), so later changes to the models arrive as migrations of their own.
"""

from desktop_app.store import dialect

STATEMENTS = [
    'CREATE TABLE IF NOT EXISTS "disciplinerecord" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT '
    'NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "decided_on" DATE NOT NULL, '
    '"decision_number" TEXT NOT NULL DEFAULT \'\', "decided_by" VARCHAR(255) NOT NULL DEFAULT \'branch\', '
    '"body" TEXT NOT NULL DEFAULT \'\', "reason" TEXT NOT NULL DEFAULT \'\', "remedied" BOOLEAN NOT NULL '
    'DEFAULT 0, "note" TEXT NOT NULL DEFAULT \'\', "deleted_at" DATETIME, FOREIGN KEY ("person_id") REFERENCES '
    '"person" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "disciplinerecord_uid" ON "disciplinerecord" ("uid")',
    'CREATE INDEX IF NOT EXISTS "disciplinerecord_person_id" ON "disciplinerecord" ("person_id")',
    'CREATE INDEX IF NOT EXISTS "disciplinerecord_decided_on" ON "disciplinerecord" ("decided_on")',
    'CREATE TABLE IF NOT EXISTS "gradinground" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "organisation_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "grading_date" DATE NOT '
    'NULL, "opened_on" DATE NOT NULL, "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("organisation_id") '
    'REFERENCES "organisation" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "gradinground_uid" ON "gradinground" ("uid")',
    'CREATE INDEX IF NOT EXISTS "gradinground_organisation_id" ON "gradinground" ("organisation_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "gradinground_organisation_id_year" ON "gradinground" '
    '("organisation_id", "year")',
    'CREATE TABLE IF NOT EXISTS "branchgrading" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "round_id" INTEGER NOT NULL, "branch_id" INTEGER NOT NULL, "meeting_on" DATE, "voters" '
    'INTEGER, "outstanding" BOOLEAN NOT NULL DEFAULT 0, "self_grade" TEXT NOT NULL DEFAULT \'\', "grade" TEXT '
    'NOT NULL DEFAULT \'\', "graded_on" DATE, FOREIGN KEY ("round_id") REFERENCES "gradinground" ("id") ON '
    'DELETE CASCADE, FOREIGN KEY ("branch_id") REFERENCES "branch" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "branchgrading_uid" ON "branchgrading" ("uid")',
    'CREATE INDEX IF NOT EXISTS "branchgrading_round_id" ON "branchgrading" ("round_id")',
    'CREATE INDEX IF NOT EXISTS "branchgrading_branch_id" ON "branchgrading" ("branch_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "branchgrading_round_id_branch_id" ON "branchgrading" ("round_id", '
    '"branch_id")',
    'CREATE TABLE IF NOT EXISTS "membergrade" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "round_id" INTEGER NOT NULL, "person_id" INTEGER NOT NULL, "branch_id" INTEGER NOT '
    'NULL, "self_grade" TEXT NOT NULL DEFAULT \'\', "self_text" TEXT NOT NULL DEFAULT \'\', "self_on" DATE, '
    '"branch_grade" TEXT NOT NULL DEFAULT \'\', "branch_yes" INTEGER, "branch_voters" INTEGER, "branch_on" '
    'DATE, "committee_grade" TEXT NOT NULL DEFAULT \'\', "committee_on" DATE, "suspended" BOOLEAN NOT NULL '
    'DEFAULT 0, "sick_months" INTEGER NOT NULL DEFAULT 0, "maternity" BOOLEAN NOT NULL DEFAULT 0, '
    '"host_comment" TEXT NOT NULL DEFAULT \'\', "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("round_id") '
    'REFERENCES "gradinground" ("id") ON DELETE CASCADE, FOREIGN KEY ("person_id") REFERENCES "person" ("id") '
    'ON DELETE CASCADE, FOREIGN KEY ("branch_id") REFERENCES "branch" ("id") ON DELETE RESTRICT)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "membergrade_uid" ON "membergrade" ("uid")',
    'CREATE INDEX IF NOT EXISTS "membergrade_round_id" ON "membergrade" ("round_id")',
    'CREATE INDEX IF NOT EXISTS "membergrade_person_id" ON "membergrade" ("person_id")',
    'CREATE INDEX IF NOT EXISTS "membergrade_branch_id" ON "membergrade" ("branch_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "membergrade_round_id_person_id" ON "membergrade" ("round_id", '
    '"person_id")',
    'CREATE INDEX IF NOT EXISTS "membergrade_person_id_round_id" ON "membergrade" ("person_id", "round_id")',
    'CREATE TABLE IF NOT EXISTS "gradecorrection" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT '
    'NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "member_grade_id" INTEGER, "branch_grading_id" INTEGER, "corrected_on" DATE NOT NULL, '
    '"before" TEXT NOT NULL DEFAULT \'\', "after" TEXT NOT NULL DEFAULT \'\', "reason" TEXT NOT NULL DEFAULT '
    '\'\', "document_ref" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("member_grade_id") REFERENCES "membergrade" '
    '("id") ON DELETE CASCADE, FOREIGN KEY ("branch_grading_id") REFERENCES "branchgrading" ("id") ON DELETE '
    'CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "gradecorrection_uid" ON "gradecorrection" ("uid")',
    'CREATE INDEX IF NOT EXISTS "gradecorrection_member_grade_id" ON "gradecorrection" ("member_grade_id")',
    'CREATE INDEX IF NOT EXISTS "gradecorrection_branch_grading_id" ON "gradecorrection" ("branch_grading_id")',
    'CREATE TABLE IF NOT EXISTS "partybadge" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "years" INTEGER NOT NULL, "awarded_on" DATE NOT NULL, '
    '"decision_number" TEXT NOT NULL DEFAULT \'\', "posthumous" BOOLEAN NOT NULL DEFAULT 0, "note" TEXT NOT '
    'NULL DEFAULT \'\', FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "partybadge_uid" ON "partybadge" ("uid")',
    'CREATE INDEX IF NOT EXISTS "partybadge_person_id" ON "partybadge" ("person_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "partybadge_person_id_years" ON "partybadge" ("person_id", "years")',
]


def up(db, migrator) -> None:
    # IF NOT EXISTS: a file upgraded before, then restored from a copy made during the upgrade, keeps its tables.
    dialect.execute(db, STATEMENTS)
