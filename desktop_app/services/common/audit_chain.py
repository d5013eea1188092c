"""How the audit trail is hashed: the chain's key, an entry's hash and a row's hash.

Pure functions over plain values (text, numbers, dates), so that any database engine stores and verifies
the same hashes. Each entry's hash covers its content and the hash of the entry before it:

- scheme 1 (entries written before schema version 9): SHA-256, unkeyed;
- scheme 2: HMAC-SHA256 keyed with a secret of the database. A plain file's key comes from its identity
  alone (``plain_key``): it binds the chain to that database but anyone who reads the program can
  recompute it. An encrypted file's key is derived from its password (``password_key``), so the chain
  cannot be recomputed without the password. Both keys are derived from the database's uid (the
  ``database.uid`` setting), never stored.

A row's hash (``row_digest``) is plain SHA-256 over its stored values: it sits inside a keyed entry, so it
cannot be replaced without breaking the chain, and it stays the same when the password changes. Empty
values (None, "", 0, False) are left out, so a later migration that adds a column with an empty default
does not change the hash of every row.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64
LEGACY, KEYED = 1, 2
DELETED = "deleted"  # row_hash of an entry whose write removed its row
KDF_ITERATIONS = 200_000
_PLAIN = b"so-chi-bo audit chain, no password\x00"
_SALT = b"so-chi-bo audit chain\x00"


def plain_key(database_uid: str) -> bytes:
    """The key of a database without a password: public, it only ties the chain to the database."""
    return hashlib.sha256(_PLAIN + database_uid.encode("utf-8")).digest()


@functools.lru_cache(maxsize=8)
def password_key(database_uid: str, password: str) -> bytes:
    """The key of an encrypted database, derived from its password (PBKDF2, about 70 ms, once a process)."""
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8", "surrogatepass"),
                               _SALT + database_uid.encode("utf-8"), KDF_ITERATIONS)


def chain_key(database_uid: str, password: str | None) -> bytes:
    return password_key(database_uid, password) if password else plain_key(database_uid)


def key_id(key: bytes) -> str:
    """A short name of *key* that reveals nothing of it: tells whether two heads were made with one key."""
    return hmac.new(key, b"key id", hashlib.sha256).hexdigest()[:16]


def canonical_time(value: Any) -> str:
    """The entry's time as ISO text to the second, whatever form the driver returns it in."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return value  # not a time: hashed as it is, so it no longer matches
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time()).isoformat()
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def entry_digest(key: bytes, scheme: int, prev_hash: str, uid: str, at: Any, actor: str, action: str,
                 table: str, record_uid: str, before: str, after: str, row_hash: str) -> str:
    """The hash an entry must carry. Any *scheme* but 2 is hashed the unkeyed way of scheme 1."""
    fields = [_text(v) for v in (prev_hash, uid)] + [canonical_time(at)] + [
        _text(v) for v in (actor, action, table, record_uid, before, after)]
    if scheme != KEYED:
        payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    payload = json.dumps([KEYED, *fields, _text(row_hash)], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()


def _canonical_value(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (int, str)):
        return value
    return str(value)  # Decimal, float: their text


def _empty(value: Any) -> bool:
    return value is None or value == "" or value is False or (isinstance(value, int) and value == 0)


def row_digest(table: str, values: Mapping[str, Any]) -> str:
    """The hash of a stored row: its table and every value that is not empty, by field name."""
    items = sorted((name, _canonical_value(v)) for name, v in values.items() if not _empty(v))
    payload = json.dumps([table, items], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
