"""A branch of members with known admission dates, for the Party year: grading, discipline and badges."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from desktop_app.core import clock

D = dt.date


def member(name: str, branch_id: int, *, since: dt.date, admitted: dt.date | None = None, status: str = "official",
           **extra):
    """A member on the branch's records from *since*, admitted by decision on *admitted*."""
    from desktop_app.services.people import people

    data = {"full_name": name, "branch": branch_id, "status": status, "joined_branch_date": since, **extra}
    if admitted is not None:
        data["admission_date"] = admitted
    return people.create_person(data, stage_date=since)


@pytest.fixture
def branch(org):
    """Twelve official members of CB01 admitted long ago, on the records since 2010, and the clock in January
    2027 (the 2026 grading under way)."""
    _org, b = org
    clock.pin(dt.datetime(2027, 1, 10, 9, 0))
    names = ["Lò Văn Sơn", "Nguyễn Thị Hồng Nhung", "Quàng Văn Minh", "Lường Thị Dung", "Cà Văn Tươi",
             "Đặng Văn Đức", "Vũ Thị Hoa", "Hà Văn Lâm", "Trần Văn Tiến", "Lò Thị Xuân", "Tòng Văn Hải",
             "Quàng Thị Mai"]
    people = [member(n, b.id, since=D(2010, 1, 1), admitted=D(1990 + i, 3, 1)) for i, n in enumerate(names)]
    return SimpleNamespace(branch=b, people=people, ids=[p.id for p in people])
