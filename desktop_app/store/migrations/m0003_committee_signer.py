"""Schema version 3: the name that signs the organisation's own documents, and an index on stage events
by (stage, date).

A branch's documents are signed by its secretary, a person of the branch. The committee's documents (the
admission quota and statistics across branches) are signed by the committee's secretary, who is often
not among the people recorded: the organisation keeps that name.

The yearly admission count looks for the year's admission decisions: by (stage, date) it reads those
rows only, not every step recorded in the year (4 ms → under 1 ms on a committee's 300 branches).
"""

from desktop_app.store import dialect

STATEMENTS = [
    'ALTER TABLE "organisation" ADD COLUMN "signer" TEXT NOT NULL DEFAULT \'\'',
    'CREATE INDEX IF NOT EXISTS "stageevent_stage_date" ON "stageevent" ("stage", "date")',
    'ANALYZE "stageevent_stage_date"',
]


def up(db, migrator) -> None:
    columns = {column.name for column in db.get_columns("organisation")}
    for statement in STATEMENTS:
        if statement.startswith("ALTER") and "signer" in columns:  # a file upgraded before, then restored
            continue
        dialect.execute(db, [statement])
