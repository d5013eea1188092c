"""Schema version 5: a version number on the records people edit in forms.

Each save raises it; a save based on an older version is refused (services.common.versions), so two people
editing the same record on a server never overwrite each other's work. Existing rows start at 0.
"""

from desktop_app.store import dialect

TABLES = ("organisation", "branch", "person", "meeting", "decision", "progressnote", "actionitem")
STATEMENTS = [f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0' for table in TABLES]


def up(db, migrator) -> None:
    for table, statement in zip(TABLES, STATEMENTS):
        if "version" not in {column.name for column in db.get_columns(table)}:  # restored after an upgrade
            dialect.execute(db, [statement])
