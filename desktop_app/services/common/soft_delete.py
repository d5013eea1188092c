"""Deletes that can be undone (design.md §5): a deleted row only gets a time in ``deleted_at``, so it leaves the
lists and the search but keeps its history and can be restored."""

from __future__ import annotations

from collections.abc import Callable

from peewee import Model

from desktop_app.services.common import audit
from desktop_app.services.common.tx import atomic
from desktop_app.store.models import now


def set_deleted(instance: Model, deleted: bool, *, reindex: Callable[[Model], object] | None = None) -> None:
    """Delete (or restore) *instance* in one audited transaction; *reindex* refreshes its search entry."""
    with atomic():
        before = audit.snapshot(instance)
        instance.deleted_at = now() if deleted else None
        instance.save()
        if reindex is not None:
            reindex(instance)
        audit.record_change("delete" if deleted else "restore", instance, before)
