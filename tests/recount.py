"""Figures recomputed the tests' own way, straight from the stored rows (SQL and plain loops), to check the
services' figures against: never through the code under test."""

from __future__ import annotations

import datetime as dt

from desktop_app.store import raw

JOINS = ("admission", "on_record", "transfer_in")
LEAVES = ("transfer_out", "death", "strike_off")


def query(sql: str, params=()) -> list[tuple]:
    """Rows of hand-written *sql* (``?`` placeholders) on either engine, each value as a file stores it: dates
    as ISO text, flags as 0/1, so a test reads the same rows from a file and from a server."""
    def stored(value):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value
    return [tuple(stored(v) for v in row) for row in raw.execute(sql, params).fetchall()]


def members(branch_id: int | None, day: dt.date) -> dict[int, dict]:
    """{person: {"branch", "standing", "exempt", "away"}} of the members of *branch_id* (None: every branch) on
    *day*, folded from membershipevent."""
    rows = query(
        "SELECT e.person_id, e.kind, e.branch_id, e.standing FROM membershipevent e "
        "JOIN person p ON p.id = e.person_id WHERE e.date <= ? AND p.deleted_at IS NULL "
        "ORDER BY e.person_id, e.date, e.id", (day,))
    state: dict[int, dict] = {}
    for pid, kind, branch, standing in rows:
        s = state.setdefault(pid, {"branch": None, "standing": "", "exempt": False, "away": False, "member": False})
        if kind in JOINS:
            s.update(branch=branch, standing="probationary" if kind == "admission" else standing, exempt=False,
                     away=False, member=True)
        elif kind == "move":
            s["branch"] = branch
        elif kind == "recognition":
            s["standing"] = "official"
        elif kind in ("exempt_from", "exempt_until"):
            s["exempt"] = kind == "exempt_from"
        elif kind in ("elsewhere_from", "elsewhere_until"):
            s["away"] = kind == "elsewhere_from"
        elif kind in LEAVES:
            s["member"] = False
    return {pid: s for pid, s in state.items() if s["member"] and (branch_id is None or s["branch"] == branch_id)}


def member_counts(branch_id: int, day: dt.date, everyone: dict[int, dict] | None = None) -> tuple[int, ...]:
    """(total, official, probationary, exempt, elsewhere but not exempt) on *day* (from *everyone*, the result of
    ``members(None, day)``, when given)."""
    pool = members(branch_id, day) if everyone is None else everyone
    found = [s for s in pool.values() if s["branch"] == branch_id]
    official = sum(1 for s in found if s["standing"] == "official")
    probationary = sum(1 for s in found if s["standing"] == "probationary")
    exempt = sum(1 for s in found if s["exempt"])
    away = sum(1 for s in found if s["away"] and not s["exempt"])
    return official + probationary, official, probationary, exempt, away


def tenths_half_up(part: int, whole: int) -> int:
    """part / whole in tenths of a percent, rounded half up, in integers."""
    return (2 * 1000 * part + whole) // (2 * whole)


def percent_text(part: int, whole: int, lang: str) -> str:
    """'81,3%' / '114%' (vi), '81.3%' (en), from integers."""
    tenths = tenths_half_up(part, whole)
    mark = "," if lang == "vi" else "."
    return f"{tenths // 10}%" if tenths % 10 == 0 else f"{tenths // 10}{mark}{tenths % 10}%"
