"""The scratch database: private, read back a batch at a time, gone when closed."""

import sqlite3

import pytest

from desktop_app.store.scratch import Scratch


def test_rows_read_back_in_key_order_a_batch_at_a_time():
    scratch = Scratch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    scratch.executemany("INSERT INTO t VALUES (?, ?)", [(k, f"v{k}") for k in range(1, 1234)])
    rows = list(scratch.iterate("SELECT k, v FROM t", "k", "k % 2 = 0", batch=100))
    assert [k for k, _v in rows] == list(range(2, 1234, 2))
    assert scratch.one("SELECT v FROM t WHERE k = ?", (7,)) == ("v7",)
    scratch.close()
    assert scratch.closed
    with pytest.raises(sqlite3.ProgrammingError):
        scratch.execute("SELECT 1")


def test_each_scratch_is_its_own():
    first, second = Scratch("CREATE TABLE t (k)"), Scratch("CREATE TABLE t (k)")
    first.execute("INSERT INTO t VALUES (1)")
    assert second.execute("SELECT count(*) FROM t") == [(0,)]
    first.close()
    second.close()
