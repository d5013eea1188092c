"""The transaction every service write runs in."""

from __future__ import annotations

from desktop_app.store.db import database


def atomic():
    """One IMMEDIATE transaction (nested calls become savepoints)."""
    return database.atomic()
