"""Schema version 6: the register of issued documents.

Each numbered document the program issues (the monthly report, the quota report, a branch resolution)
is written down once with its number and date, so that printing it again gives the same document and a
new number is taken only for a new version. The branch resolutions already numbered (their number is
kept on the decision) are entered in the register, each as issued on the day of its meeting.

The table is declared here with frozen peewee models rather than taken from store.models, so that later
changes to the models arrive as migrations of their own; peewee writes the statements for the engine.
"""

from __future__ import annotations

import re

from peewee import JOIN, SQL, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField

_NUMBER = re.compile(r"^\s*(\d+)\s*-\s*([^/\s]+)\s*/")  # "03-NQ/CB" → 3, "NQ"


def _text() -> TextField:
    return TextField(default="", constraints=[SQL("DEFAULT ''")])


def _models(db):
    class Base(Model):
        class Meta:
            database = db

    class Branch(Base):
        uid = CharField()

        class Meta:
            table_name = "branch"

    class Meeting(Base):
        branch = ForeignKeyField(Branch)
        date = DateField()
        deleted_at = DateTimeField(null=True)

        class Meta:
            table_name = "meeting"

    class Person(Base):
        full_name = CharField()

        class Meta:
            table_name = "person"

    class Decision(Base):
        uid = CharField()
        meeting = ForeignKeyField(Meeting)
        subject = ForeignKeyField(Person, null=True)
        title = _text()
        document_number = _text()

        class Meta:
            table_name = "decision"

    class IssuedDocument(Base):
        uid = CharField(unique=True, max_length=36)
        created_at = DateTimeField(constraints=[SQL("DEFAULT CURRENT_TIMESTAMP")])
        updated_at = DateTimeField(constraints=[SQL("DEFAULT CURRENT_TIMESTAMP")])
        kind = CharField()
        issuer = CharField()
        type_code = CharField()
        term = _text()
        number = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
        symbol = CharField()
        date = DateField()
        branch = ForeignKeyField(Branch, null=True, on_delete="SET NULL")
        decision = ForeignKeyField(Decision, null=True, on_delete="SET NULL")
        covers_key = CharField()
        covers = _text()
        title = _text()
        lang = _text()
        version = IntegerField(default=1, constraints=[SQL("DEFAULT 1")])
        supersedes = ForeignKeyField("self", null=True, on_delete="SET NULL")

        class Meta:
            table_name = "issueddocument"
            indexes = ((("issuer", "kind", "covers_key"), False), (("date",), False))

    return Branch, Meeting, Person, Decision, IssuedDocument


def up(db, migrator) -> None:
    import uuid

    Branch, Meeting, Person, Decision, IssuedDocument = _models(db)
    db.create_tables([IssuedDocument], safe=True)
    if IssuedDocument.select().exists():  # a file upgraded before, then restored: its register is there
        return
    query = (Decision.select(Decision.id, Decision.uid, Decision.title, Decision.document_number, Meeting.date,
                             Branch.id, Branch.uid, Person.full_name)
             .join(Meeting).join(Branch).switch(Decision).join(Person, JOIN.LEFT_OUTER,
                                                                on=(Decision.subject == Person.id))
             .where((Decision.document_number != "") & Meeting.deleted_at.is_null())
             .order_by(Meeting.date, Decision.id).tuples())
    from desktop_app.core import clock

    stamp = clock.now().replace(microsecond=0)
    rows = []
    for did, duid, title, symbol, day, bid, buid, subject in query:
        match = _NUMBER.match(symbol)
        rows.append({"uid": str(uuid.uuid4()), "created_at": stamp, "updated_at": stamp, "kind": "resolution", "issuer": f"branch:{buid}",
                     "type_code": match.group(2) if match else "NQ", "number": int(match.group(1)) if match else 0,
                     "symbol": symbol, "date": day, "branch": bid, "decision": did, "covers_key": duid,
                     "covers": subject or "", "title": title})
    for start in range(0, len(rows), 200):
        IssuedDocument.insert_many(rows[start:start + 200]).execute()
