"""Shared pieces of the view tests: a small branch built through the services, and message boxes that
answer instead of blocking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.services.people import people, sponsorships
from desktop_app.ui.context import AppContext

TODAY = dt.date(2026, 11, 21)
OFFICIALS = ["Nguyễn Văn Bình", "Trần Thị Ánh", "Lò Văn Đức", "Quàng Thị Yến", "Phạm Minh Châu"]


def seed(branch_id: int) -> dict:
    """Five official members, a probationary member, and candidates at three steps."""
    ids = {}
    for i, name in enumerate(OFFICIALS):
        ids[name] = people.create_person({
            "full_name": name, "branch": branch_id, "status": Status.OFFICIAL, "gender": "female" if "Thị" in name
            else "male", "birth_date": dt.date(1970 + i, 3, 10), "admission_date": dt.date(1995 + i, 5, 19),
            "official_date": dt.date(1996 + i, 5, 19), "categories": ["farmer"]}).id
    ids["probationary"] = people.create_person({
        "full_name": "Cà Văn Tuấn", "branch": branch_id, "status": Status.PROBATIONARY,
        "birth_date": dt.date(1999, 1, 2), "admission_date": dt.date(2025, 12, 1),
        "ceremony_date": dt.date(2025, 12, 20)}).id
    ids["prospect"] = people.create_person({"full_name": "Lường Thị Hoa", "branch": branch_id,
                                            "status": Status.PROSPECT, "birth_date": dt.date(2001, 6, 1)},
                                           stage_date=dt.date(2026, 1, 5)).id
    ids["sympathiser"] = people.create_person({"full_name": "Vũ Đình Khánh", "branch": branch_id,
                                               "status": Status.SYMPATHISER, "birth_date": dt.date(1998, 2, 3)},
                                              stage_date=dt.date(2026, 2, 3)).id
    ids["applicant"] = people.create_person({"full_name": "Đặng Thu Lan", "branch": branch_id,
                                             "status": Status.APPLICANT, "birth_date": dt.date(2000, 9, 9)},
                                            stage_date=dt.date(2026, 6, 1)).id
    sponsorships.assign(ids["Nguyễn Văn Bình"], ids["sympathiser"], "helper", dt.date(2026, 2, 10))
    return ids


def context_on(day: dt.date, db_path=None) -> AppContext:
    """A context for a view, with the app's clock pinned to *day*."""
    clock.pin(day)
    return AppContext(db_path)


def stage_of(person_id: int) -> list[str]:
    return [e.stage for e in people.history(person_id)]


def quiet_boxes(monkeypatch, answer=QMessageBox.StandardButton.Yes) -> list[tuple[str, str]]:
    """Every QMessageBox static answers *answer*; returns the (kind, text) of each box shown."""
    shown: list[tuple[str, str]] = []

    def fake(kind):
        def box(*args, **kwargs):
            shown.append((kind, str(args[2]) if len(args) > 2 else ""))
            return answer
        return box

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: shown.append(("about", ""))))
    return shown


__all__ = ["OFFICIALS", "TODAY", "Stage", "context_on", "quiet_boxes", "seed", "stage_of"]
