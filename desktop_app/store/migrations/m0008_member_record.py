"""Schema version 8: the member record of the Party's member form and the central member database, transfers with
their papers, the residence contact (Quy định 213-QĐ/TW) and how a former member left (re-admission).

**person** gains:

- other names, the old identity card number (CMND), foreign language and IT levels, the card's issue date and
  place and the card number under Decision 85: empty (nothing is known of them);
- the parts of the three addresses: ``home_town_*`` (quê quán), ``birth_place_*`` (nơi đăng ký khai sinh) and
  ``residence_*`` (nơi thường trú), each a country, a province and the rest. They are read from the line each
  person already has (``home_town``, ``birth_place``, ``residence``), which is **kept as it is**, so nothing of it
  is lost: the last comma-separated part becomes the country when it names one (Việt Nam, Lào…), then the last
  part left becomes the province when it names one of the provinces of core.places (today's 34, the 63 before
  1/7/2025 and the older ones: "tỉnh Thái Bình", "TP. Hồ Chí Minh", "Hà Tây"), the country being Việt Nam then;
  whatever is left is the detail, as written. A line where no province or country is recognised ("Xã A - huyện B
  - Thái Bình", "thành phố Điện Biên Phủ" alone) is kept whole as the detail, its country and province left empty;
- under inspection (a flag and its reason), a transfer out that is due (the day a decision took effect or the
  member moved for good, and where to), the residence contact (a branch of the organisation, or an organisation
  named in words) and how a former member left the Party (date, way, grounds, conviction, record cleared): empty.

**membershipevent** gains the introduction paper's date, the day the decision behind a transfer out took effect
and the day the new organisation confirmed the member reported: empty for existing rows (their paper number, if
any, is already in document_ref).

**award** (a member's awards) and **residencecomment** (the residence branch's yearly comment) are new tables.
"""

from __future__ import annotations

from desktop_app.core.places import split_address
from desktop_app.store import dialect

COLUMNS = [  # (table, column, definition)
    ("person", "other_names", "TEXT NOT NULL DEFAULT ''"),
    ("person", "old_id_number", "TEXT NOT NULL DEFAULT ''"),
    ("person", "foreign_language", "TEXT NOT NULL DEFAULT ''"),
    ("person", "it_level", "TEXT NOT NULL DEFAULT ''"),
    ("person", "card_issued_on", "DATE"),
    ("person", "card_issued_place", "TEXT NOT NULL DEFAULT ''"),
    ("person", "card_number_qd85", "TEXT NOT NULL DEFAULT ''"),
    *[("person", f"{address}_{part}", "TEXT NOT NULL DEFAULT ''")
      for address in ("home_town", "birth_place", "residence") for part in ("country", "province", "detail")],
    ("person", "under_inspection", "BOOLEAN NOT NULL DEFAULT 0"),
    ("person", "inspection_reason", "TEXT NOT NULL DEFAULT ''"),
    ("person", "moving_on", "DATE"),
    ("person", "moving_to", "TEXT NOT NULL DEFAULT ''"),
    ("person", "residence_branch_id", 'INTEGER REFERENCES "branch" ("id") ON DELETE SET NULL'),
    ("person", "residence_contact", "TEXT NOT NULL DEFAULT ''"),
    ("person", "left_party_on", "DATE"),
    ("person", "left_party_how", "TEXT NOT NULL DEFAULT ''"),
    ("person", "left_party_grounds", "TEXT NOT NULL DEFAULT ''"),
    ("person", "conviction", "TEXT NOT NULL DEFAULT ''"),
    ("person", "record_cleared_on", "DATE"),
    ("membershipevent", "paper_date", "DATE"),
    ("membershipevent", "effective_on", "DATE"),
    ("membershipevent", "reported_on", "DATE"),
]
STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "person_residence_branch_id" ON "person" ("residence_branch_id")',
    'CREATE TABLE IF NOT EXISTS "award" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "date" DATE, "decision" TEXT '
    'NOT NULL DEFAULT \'\', "by_whom" TEXT NOT NULL DEFAULT \'\', "note" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY '
    '("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "award_uid" ON "award" ("uid")',
    'CREATE INDEX IF NOT EXISTS "award_person_id" ON "award" ("person_id")',
    'CREATE TABLE IF NOT EXISTS "residencecomment" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(36) NOT NULL, '
    '"created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updated_at" DATETIME NOT NULL DEFAULT '
    'CURRENT_TIMESTAMP, "person_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "received_on" DATE, "author" TEXT '
    'NOT NULL DEFAULT \'\', "text" TEXT NOT NULL DEFAULT \'\', FOREIGN KEY ("person_id") REFERENCES "person" '
    '("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "residencecomment_uid" ON "residencecomment" ("uid")',
    'CREATE INDEX IF NOT EXISTS "residencecomment_person_id" ON "residencecomment" ("person_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "residencecomment_person_id_year" ON "residencecomment" ("person_id", "year")',
]
ADDRESSES = ("home_town", "birth_place", "residence")


def _split_addresses(db) -> None:
    """Fill the parts of each person's three addresses from the line kept (see the module's docstring)."""
    rows = db.execute_sql('SELECT id, home_town, birth_place, residence FROM "person"').fetchall()
    updates = []
    for pid, *lines in rows:
        parts: list[str] = []
        for line in lines:
            parts.extend(split_address(line or ""))
        if any(parts):
            updates.append((*parts, pid))
    if updates:
        columns = ", ".join(f'"{a}_{p}" = {db.param}' for a in ADDRESSES for p in ("country", "province", "detail"))
        db.cursor().executemany(f'UPDATE "person" SET {columns} WHERE id = {db.param}', updates)


def up(db, migrator) -> None:
    for table, column, definition in COLUMNS:
        if column not in {c.name for c in db.get_columns(table)}:  # a file upgraded before, then restored
            dialect.execute(db, [f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}'])
    dialect.execute(db, STATEMENTS)
    _split_addresses(db)
