"""The branches of the demo organisation: names, kinds, who lives or works there, and their sizes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from desktop_app.services.demo import places


@dataclass
class BranchPlan:
    index: int
    code: str
    name: str
    kind: str  # core.enums.BranchKind code
    rural: bool
    profile: str  # ethnic profile (names.PROFILES)
    jobs: str  # job family (persons.JOBS)
    place: str  # where the branch meets
    workplace: str  # the unit's name, for members working there
    residence: str  # the village or quarter, for members living there
    evening: bool  # residents meet in the evening, units during working hours
    size: int = 0  # members wanted today
    candidates: int = 0  # candidates wanted today
    id: int = 0
    uid: str = ""


def _village(index: int, name: str, upland: bool) -> BranchPlan:
    word = "bản" if upland else "thôn"
    residence = f"{word} {name}, {places.COMMUNE}, {places.PROVINCE}"
    return BranchPlan(index, "", f"Chi bộ {word} {name}", "village", True,
                      "upland_mong" if upland and index % 4 == 3 else ("upland_thai" if upland else "lowland"),
                      "upland" if upland else "lowland", f"Nhà văn hóa {word} {name}", "", residence, True)


def _quarter(index: int, number: int) -> BranchPlan:
    residence = f"Tổ dân phố {number}, {places.COMMUNE}, {places.PROVINCE}"
    return BranchPlan(index, "", f"Chi bộ Tổ dân phố {number}", "residential", False, "lowland", "town",
                      f"Nhà văn hóa Tổ dân phố {number}", "", residence, True)


def _school(index: int, level: str, name: str) -> BranchPlan:
    school = f"Trường {level} {name}"
    return BranchPlan(index, "", f"Chi bộ {school}", "school", True, "national",
                      "high_school" if level == "THPT" else "school", f"Phòng họp {school}", school, "", False)


def _unit(index: int, unit: tuple[str, str, str, str]) -> BranchPlan:
    name, kind, workplace, jobs = unit
    place = {"agency": "Hội trường UBND xã Mường Ảng", "armed_forces": f"Phòng họp {workplace}",
             "enterprise": f"Văn phòng {workplace}"}.get(kind, "Nhà văn hóa Tổ dân phố 4")
    return BranchPlan(index, "", f"Chi bộ {name}", kind, kind == "enterprise" and jobs == "coffee", "national",
                      jobs, place, workplace, f"Tổ dân phố 4, {places.COMMUNE}, {places.PROVINCE}",
                      jobs == "retired")


def branch_plans(count: int, members: int, candidates: int, rng: random.Random) -> list[BranchPlan]:
    """*count* branches whose sizes add up to about *members* members and *candidates* candidates."""
    if count == 1:
        plans = [_village(0, "Co Muông", upland=True)]
    else:
        plans = _mix(count)
    # Residents' branches are larger than units; sizes vary ±30 %.
    weight = {"village": 1.0, "residential": 1.4, "school": 0.4, "agency": 0.3, "armed_forces": 0.25,
              "enterprise": 0.3, "other": 1.5}
    raw = [weight[p.kind] * rng.uniform(0.7, 1.3) for p in plans]
    scale = members / sum(raw)
    wanted: list[float] = []  # each branch's share of the candidates, before they are counted out
    for plan, w in zip(plans, raw, strict=True):
        plan.size = max(8, round(w * scale))
        # Candidates: about one for every ten members, more among the young (schools, police).
        young = 1.6 if plan.jobs in ("school", "high_school", "police", "army") else 1.0
        wanted.append(0 if plan.jobs == "retired" else w * young)
    total = sum(wanted) or 1
    for plan, weight_of_plan in zip(plans, wanted, strict=True):
        share = weight_of_plan * candidates / total
        plan.candidates = int(share) + (1 if rng.random() < share - int(share) else 0)
    if count == 1:
        plans[0].size, plans[0].candidates = members, candidates
    for i, plan in enumerate(plans):
        plan.index = i
        plan.code = f"CB{i + 1:02d}" if count < 100 else f"CB{i + 1:03d}"
    return plans


def _mix(count: int) -> list[BranchPlan]:
    """Units and schools first (as a committee lists them), then villages and town quarters."""
    n_units = min(len(places.UNITS), max(2, round(count * 0.2)))
    schools = [(level, name) for level, names in places.SCHOOL_NAMES.items() for name in names]
    n_schools = min(len(schools), max(1, round(count * 0.15)))
    n_upland = min(len(places.UPLAND_VILLAGES), round(count * 0.3))
    n_lowland = min(len(places.LOWLAND_HAMLETS), round(count * 0.2))
    n_quarters = max(0, count - n_units - n_schools - n_upland - n_lowland)
    plans: list[BranchPlan] = []
    # The organisation's own units come first; the club of retired members last among them.
    units = places.UNITS[:n_units - 1] + [places.UNITS[-1]] if n_units < len(places.UNITS) else places.UNITS
    plans += [_unit(len(plans) + i, unit) for i, unit in enumerate(units)]
    # Spread the schools over levels rather than taking every kindergarten first.
    spread = sorted(schools, key=lambda s: (list(places.SCHOOL_NAMES[s[0]]).index(s[1]), s[0]))[:n_schools]
    plans += [_school(len(plans) + i, level, name) for i, (level, name) in enumerate(spread)]
    plans += [_village(len(plans) + i, name, True) for i, name in enumerate(places.UPLAND_VILLAGES[:n_upland])]
    plans += [_village(len(plans) + i, name, False) for i, name in enumerate(places.LOWLAND_HAMLETS[:n_lowland])]
    plans += [_quarter(len(plans) + i, i + 1) for i in range(n_quarters)]
    return plans[:count]
