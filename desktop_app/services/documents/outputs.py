"""Printed and exported documents go into the audit trail (what, which file, with which options)."""

from __future__ import annotations

from typing import Any

from desktop_app.services.common import audit
from desktop_app.services.common.tx import atomic


def record(action: str, what: str, details: dict[str, Any] | None = None) -> None:
    """*action*: "print", "export" or "open"; *what*: the report kind or export name."""
    with atomic():
        audit.record(action, "report", "", None, {"kind": what, **(details or {})})
