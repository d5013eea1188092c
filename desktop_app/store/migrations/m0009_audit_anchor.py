"""Schema version 9: an audit trail that cannot be quietly rewritten.

Each entry now states how its hash is made (``scheme``: 1 for the unkeyed entries written before, 2 for
entries keyed with a secret of the database) and stores the hash of the row it wrote (``row_hash``), so a
row edited outside the program no longer matches its last recorded state. The database gets its own
identity (the ``database.uid`` setting): it keys the chain, and names the copy of the chain's head kept
outside the file. Entries written before keep their hashes; nothing is rewritten.
"""

import json
import uuid

from desktop_app.store import dialect

STATEMENTS = [
    'ALTER TABLE "auditentry" ADD COLUMN "row_hash" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "auditentry" ADD COLUMN "scheme" INTEGER NOT NULL DEFAULT 1',
    'CREATE INDEX IF NOT EXISTS "auditentry_table_name_record_uid" ON "auditentry" ("table_name", "record_uid")',
]


def up(db, migrator) -> None:
    columns = {column.name for column in db.get_columns("auditentry")}
    for statement in STATEMENTS:
        column = statement.split('ADD COLUMN "')[1].split('"')[0] if "ADD COLUMN" in statement else ""
        if column and column in columns:  # a file upgraded before, then restored
            continue
        dialect.execute(db, [statement])
    if db.execute_sql("SELECT count(*) FROM setting WHERE key = 'database.uid'").fetchone()[0] == 0:
        db.execute_sql(f"INSERT INTO setting (uid, key, value) VALUES ({db.param}, 'database.uid', {db.param})",
                       (str(uuid.uuid4()), json.dumps(str(uuid.uuid4()))))
