"""A server database's backup is one SQLite file that opens offline with everything in it; such a file loads
into an empty server database, and only into an empty one."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import demo
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import dbfile, maintenance, server_copies
from desktop_app.services.people import search
from desktop_app.store import db as store_db
from desktop_app.store.models import ALL_MODELS

pytestmark = pytest.mark.server_only


def _counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def test_backup_of_a_server_opens_offline_and_restores_into_an_empty_server(db, postgres_server, tmp_path):
    demo.generate("branch", seed=3, today=dt.date(2026, 11, 1))
    on_server = _counts()
    hits = [h.title for h in search.search("nguyen")]
    copy = server_copies.backup_server(tmp_path / "office.sqlite3")
    after_backup = _counts()  # the backup itself is audited on the server
    assert after_backup["auditentry"] == on_server["auditentry"] + 1

    dbfile.open_file(copy)
    assert _counts() == after_backup  # everything up to the moment of the copy, its own entry recorded first
    assert maintenance.check().healthy  # integrity, schema version and the audit chain, in the file
    # the same people found (each engine ranks its matches its own way: bm25 in a file, ts_rank on a server)
    assert sorted(h.title for h in search.search("nguyen")) == sorted(hits)
    store_db.close()

    empty = dbfile.locate(postgres_server.new_database("restore"))
    copied = server_copies.restore_into_server(copy, empty)
    assert sum(copied.values()) > 0
    restored = _counts()
    assert restored["auditentry"] == after_backup["auditentry"] + 1  # the restore is audited too
    assert {k: v for k, v in restored.items() if k != "auditentry"} == \
        {k: v for k, v in on_server.items() if k != "auditentry"}
    assert audit.verify_chain() == []
    assert [h.title for h in search.search("nguyen")] == hits
    from desktop_app.services.people import people

    new = people.create_person({"full_name": "Người mới sau khi khôi phục"})  # ids go on after the copied ones
    assert new.id > max(p.id for p in people.list_people() if p.id != new.id)
    store_db.close()

    with pytest.raises(ServiceError, match="đã có dữ liệu"):  # the suite runs in Vietnamese
        server_copies.restore_into_server(copy, empty)
