"""Schema version 7: the Party fee ledger — each member's fee bases, exemptions and reductions, and the fees
received per member and month.

Until now a meeting kept one figure, the Party fees collected, typed by hand. The ledger now holds every
payment, and a meeting's figure is the ledger's total for its month. So that no money recorded before
disappears, each meeting that had a figure (and is not deleted) gets one ledger row without a member: the
branch's total received on the meeting's day, for the meeting's month. Members are not in arrears for those
months: arrears count only from the first fee basis recorded for a member. The meeting keeps its figure as the
one its minutes stated.
"""

import uuid

from desktop_app.store import dialect

TABLES = [
    'CREATE TABLE IF NOT EXISTS "memberfeebasis" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "effective" DATE NOT NULL, "kind" VARCHAR(255) NOT NULL, "income" INTEGER NOT NULL DEFAULT 0, "fee_group" VARCHAR(255) NOT NULL DEFAULT \'\', "area" TEXT NOT NULL DEFAULT \'\', "amount" INTEGER NOT NULL DEFAULT 0, "beyond_working_age" INTEGER NOT NULL DEFAULT 0, "decision" TEXT NOT NULL DEFAULT \'\', "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "memberfeebasis_uid" ON "memberfeebasis" ("uid")',
    'CREATE INDEX IF NOT EXISTS "memberfeebasis_person_id" ON "memberfeebasis" ("person_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "memberfeebasis_person_id_effective" ON "memberfeebasis" ("person_id", "effective")',
    'CREATE TABLE IF NOT EXISTS "feerelief" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "percent" INTEGER NOT NULL DEFAULT 100, "ground" VARCHAR(255) NOT NULL DEFAULT \'hardship\', "first_month" DATE NOT NULL, "last_month" DATE, "decision" TEXT NOT NULL DEFAULT \'\', "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "feerelief_uid" ON "feerelief" ("uid")',
    'CREATE INDEX IF NOT EXISTS "feerelief_person_id" ON "feerelief" ("person_id")',
    'CREATE TABLE IF NOT EXISTS "feepayment" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "person_id" INTEGER, "branch_id" INTEGER NOT NULL, "month" DATE NOT NULL, "amount" INTEGER NOT NULL DEFAULT 0, "paid_on" DATE NOT NULL, "meeting_id" INTEGER, "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, FOREIGN KEY ("branch_id") REFERENCES "branch" ("id") ON DELETE RESTRICT, FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "feepayment_uid" ON "feepayment" ("uid")',
    'CREATE INDEX IF NOT EXISTS "feepayment_person_id" ON "feepayment" ("person_id")',
    'CREATE INDEX IF NOT EXISTS "feepayment_branch_id" ON "feepayment" ("branch_id")',
    'CREATE INDEX IF NOT EXISTS "feepayment_meeting_id" ON "feepayment" ("meeting_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "feepayment_person_id_month" ON "feepayment" ("person_id", "month")',
    'CREATE INDEX IF NOT EXISTS "feepayment_branch_id_paid_on" ON "feepayment" ("branch_id", "paid_on")',
    'CREATE INDEX IF NOT EXISTS "feepayment_branch_id_month" ON "feepayment" ("branch_id", "month")',
]

# The meetings whose typed total is not in the ledger yet (a file restored from a copy made during the upgrade
# may already have some).
TOTALS = ('SELECT m.id, m.branch_id, m.date, m.fees_collected FROM "meeting" m WHERE m.fees_collected > 0 '
          'AND m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "feepayment" p WHERE p.meeting_id = m.id '
          'AND p.person_id IS NULL) ORDER BY m.id')
BOOLEANS = (("memberfeebasis", "beyond_working_age"),)


def up(db, migrator) -> None:
    dialect.execute(db, TABLES, BOOLEANS)
    rows = []
    for meeting_id, branch_id, day, amount in db.execute_sql(TOTALS).fetchall():
        day = str(day)[:10]
        rows.append((str(uuid.uuid4()), branch_id, day[:8] + "01", int(amount), day, meeting_id))
    if rows:
        marks = ", ".join([db.param] * 6)
        db.cursor().executemany('INSERT INTO "feepayment" ("uid", "branch_id", "month", "amount", "paid_on", '
                                f'"meeting_id") VALUES ({marks})', rows)
