"""The demo's member records beyond the first form: other names, the old ID number, languages and IT, the card's
issue and its number under Decision 85, each address in parts; the papers of transfers and moves (introduction paper
numbers and dates, the decision's effective day, the new organisation's confirmation); awards; the residence contact
of members working in agencies and enterprises with the residence branch's yearly comments; one member under
inspection, one whose transfer is due, and two former members among the candidates.

Everything is drawn from a generator seeded by the demo's seed and the person, so the same seed gives the same file.
``prepare`` runs once over everyone before rows are written; the generator then asks for each person's extra columns
and rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.core.places import split_address
from desktop_app.services.demo.context import Shared
from desktop_app.services.demo.dates import add_working_days, working_day_on_or_after
from desktop_app.services.demo.model import Human
from desktop_app.services.demo.writer import iso, stamp

WORKPLACE_KINDS = ("agency", "school", "enterprise", "armed_forces")
REFORM = dt.date(2025, 7, 1)  # from then the commune committee, not the district's, issues cards
NICKNAMES = ("Hai", "Ba", "Tư", "Năm", "Út", "Cả", "Bống")
LANGUAGES = (("Tiếng Anh B1", 5), ("Tiếng Anh B", 3), ("Tiếng Anh A2", 4), ("Tiếng Anh B2", 1), ("Tiếng Trung A", 1),
             ("Tiếng Lào A", 1))
IT_LEVELS = (("Tin học cơ bản", 6), ("Chứng chỉ ứng dụng CNTT cơ bản", 4), ("Tin học văn phòng", 3),
             ("Tin học B", 2), ("Ứng dụng CNTT nâng cao", 1))
OUTSIDE_RESIDENCE = ("Chi bộ thôn Đông, xã Vũ Hội, tỉnh Hưng Yên",
                     "Chi bộ Tổ dân phố 7, phường Him Lam, tỉnh Điện Biên",
                     "Chi bộ bản Pá Sáng, xã Búng Lao, tỉnh Điện Biên", "Chi bộ khối 3, phường Tô Hiệu, tỉnh Sơn La")
COMMENTS = (
    "Gương mẫu chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa "
    "phương; tích cực tham gia các phong trào ở khu dân cư.",
    "Có lối sống giản dị, hòa nhã với mọi người; gia đình gương mẫu, đạt danh hiệu gia đình văn hóa.",
    "Thường xuyên giữ mối liên hệ với chi ủy nơi cư trú, tham gia đầy đủ các buổi sinh hoạt, đóng góp ý kiến xây "
    "dựng khu dân cư.",
    "Tham gia tích cực các hoạt động của thôn; nhắc nhở gia đình chấp hành tốt quy ước, hương ước.",
)
INSPECTION_REASON = "Đang giải quyết đơn tố cáo liên quan đến việc quản lý đất đai (Ủy ban Kiểm tra Đảng ủy xã)"


@dataclass
class Extras:
    """What ``prepare`` decided for the people who have something special."""

    inspection: set[int] = field(default_factory=set)  # person ids
    moving: dict[int, tuple[dt.date, str]] = field(default_factory=dict)  # person → (effective day, where to)
    former: dict[int, tuple[dt.date, str, str]] = field(default_factory=dict)  # candidate → (left on, how, grounds)
    homes: list[tuple[int, str]] = field(default_factory=list)  # (branch id, name) of villages and quarters
    kinds: dict[int, str] = field(default_factory=dict)  # branch id → kind


def _rng(shared: Shared, person: Human, what: str) -> random.Random:
    return random.Random(f"record-{shared.seed}-{person.uid}-{what}")


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]


def prepare(shared: Shared, people: list[Human]) -> Extras:
    """Choose the special cases and give transfers their papers' numbers (before the steps are written)."""
    extras = Extras(kinds={p.id: p.kind for p in shared.plans},
                    homes=[(p.id, p.name) for p in shared.plans if p.kind in ("village", "residential")])
    today = shared.today
    first = shared.plans[0].id if shared.plans else None
    current = [p for p in people if p.status == Status.OFFICIAL and p.member_until is None and p.branch_id == first
               and p.stable and p.member_from is not None]
    if len(current) >= 6:
        extras.inspection.add(current[3].id)
        moving_on = working_day_on_or_after(today - dt.timedelta(days=45))
        extras.moving[current[4].id] = (moving_on, "Đảng bộ phường Tô Hiệu, tỉnh Sơn La")
    prospects = [p for p in people if p.status in Status.CANDIDATES and p.branch_id == first
                 and (today - p.birth).days > 32 * 365]
    if prospects:
        extras.former[prospects[0].id] = (today - dt.timedelta(days=30 * 30), "struck_off", "")
    if len(prospects) > 1:
        extras.former[prospects[1].id] = (today - dt.timedelta(days=6 * 365), "left_on_request", "family_hardship")
    for person in people:
        rng = _rng(shared, person, "papers")
        for event in person.events:
            if event.stage == Stage.TRANSFERRED_OUT and not event.doc:
                event.doc = f"{rng.randint(12, 480)}-GGT/ĐU"
    return extras


def person_columns(shared: Shared, extras: Extras, person: Human) -> tuple:
    """The person's values for the columns writer.PERSON_RECORD lists, in its order."""
    rng = _rng(shared, person, "record")
    f = person.fields
    today = shared.today
    birth = person.birth
    other_names = rng.choice(NICKNAMES) if birth.year < 1965 and rng.random() < 0.06 else ""
    old_id = f"04{rng.randrange(10_000_000):07d}" if birth.year < 2003 and rng.random() < 0.7 else ""
    professional = f.get("professional_level") or ""
    trained = professional in ("Đại học", "Thạc sĩ", "Cao đẳng", "Trung cấp")
    language = _pick(rng, LANGUAGES) if trained and rng.random() < 0.75 else (
        "Tiếng Anh A2" if birth.year >= 1995 and rng.random() < 0.3 else "")
    it_level = _pick(rng, IT_LEVELS) if trained and rng.random() < 0.8 else (
        "Tin học cơ bản" if birth.year >= 1985 and rng.random() < 0.25 else "")
    card_on, card_place, card_85 = None, "", ""
    official = f.get("official_date")
    if f.get("card_number") and official:
        card_on = min(working_day_on_or_after(official + dt.timedelta(days=rng.randint(40, 240))), today)
        card_place = "Huyện ủy Mường Ảng" if card_on < REFORM else "Đảng ủy xã Mường Ảng"
        if person.status in Status.MEMBERS and rng.random() < 0.65:
            card_85 = f"{rng.randrange(100_000_000):09d}"
    parts = [*split_address(f.get("home_town")), *split_address(f.get("birth_place")),
             *split_address(f.get("residence"))]
    residence_branch, residence_contact = None, ""
    if person.status in (Status.OFFICIAL, Status.PROBATIONARY) and extras.kinds.get(person.branch_id) in \
            WORKPLACE_KINDS:
        draw = rng.random()
        if draw < 0.85 and extras.homes:
            residence_branch = rng.choice(extras.homes)[0]
        elif draw < 0.95:
            residence_contact = rng.choice(OUTSIDE_RESIDENCE)
    moving = extras.moving.get(person.id)
    former = extras.former.get(person.id)
    return (other_names, old_id, language, it_level, iso(card_on), card_place, card_85, *parts,
            int(person.id in extras.inspection), INSPECTION_REASON if person.id in extras.inspection else "",
            iso(moving[0]) if moving else None, moving[1] if moving else "", residence_branch, residence_contact,
            iso(former[0]) if former else None, former[1] if former else "", former[2] if former else "", "", None)


def paper_columns(shared: Shared, person: Human, kind: str, day: dt.date, doc: str) -> tuple:
    """(document_ref, paper_date, effective_on, reported_on) of a transfer or move of *person* on *day*."""
    rng = _rng(shared, person, f"paper-{kind}-{day.isoformat()}")
    today = shared.today
    if kind == K.TRANSFER_IN:
        late = rng.random() < 0.1
        paper = day - dt.timedelta(days=rng.randint(45, 60) if late else rng.randint(3, 30))
        return doc or f"{rng.randint(12, 480)}-GGT/ĐU", iso(paper), None, None
    if kind == K.TRANSFER_OUT:
        effective = day - dt.timedelta(days=rng.randint(10, 70))
        reported = add_working_days(day, rng.randint(4, 26))
        recent = (today - day).days < 75
        confirmed = reported <= today and (not recent or rng.random() < 0.5)
        return doc or f"{rng.randint(12, 480)}-GGT/ĐU", iso(day), iso(effective), iso(reported) if confirmed else None
    if kind == K.MOVE:
        paper = day - dt.timedelta(days=rng.randint(1, 12))
        return f"{rng.randint(12, 480)}-GGT/ĐU", iso(paper), None, None
    return doc, None, None, None


def extra_rows(shared: Shared, extras: Extras, person: Human, ids, sink) -> None:
    """The person's awards and residence comments."""
    rng = _rng(shared, person, "awards")
    today, start = shared.today, shared.window_start
    official = person.fields.get("official_date")
    earliest = max(official.year + 1, 2005) if official is not None else today.year
    if person.status in Status.MEMBERS and earliest < today.year and rng.random() < 0.3:
        for kind, by_whom, issuer in _awards_for(person, rng):
            year = rng.randint(earliest, today.year - 1)
            day = working_day_on_or_after(dt.date(year, rng.choice((1, 5, 9, 12)), rng.randint(2, 25)))
            if day > today:
                continue
            aid, auid = ids.new("award")
            when = stamp(max(day, start))
            number = rng.randint(15, 3200)
            decision = f"{number}-QĐ/{issuer}" if issuer == "ĐU" else f"{number}/QĐ-{issuer}"  # Party, State
            sink.add("award", (aid, auid, when, when, person.id, kind, iso(day), decision, by_whom, ""))
    if person.status not in (Status.OFFICIAL, Status.PROBATIONARY) or extras.kinds.get(person.branch_id) \
            not in WORKPLACE_KINDS or person.member_from is None:
        return
    crng = _rng(shared, person, "comments")
    first = max(start.year, person.member_from.year)
    last = today.year if today.month == 12 else today.year - 1
    for year in range(first, last + 1):
        if year == last and crng.random() < 0.12:
            continue  # the year's comment has not come back yet: the reminder shows it
        received = working_day_on_or_after(dt.date(year, 12, crng.randint(5, 20)))
        if received > today:
            continue
        cid, cuid = ids.new("residencecomment")
        when = stamp(received)
        sink.add("residencecomment", (cid, cuid, when, when, person.id, year, iso(received),
                                      "Chi ủy nơi cư trú", crng.choice(COMMENTS)))


def _awards_for(person: Human, rng: random.Random) -> list[tuple[str, str, str]]:
    occupation = person.fields.get("occupation", "")
    choices = [("Giấy khen của Đảng ủy xã", "Đảng ủy xã Mường Ảng", "ĐU"),
               ("Đảng viên hoàn thành xuất sắc nhiệm vụ", "Đảng ủy xã Mường Ảng", "ĐU")]
    if occupation in ("Giáo viên", "Công chức", "Y sĩ", "Cán bộ tín dụng", "Kiểm lâm viên"):
        choices += [("Bằng khen của Chủ tịch UBND tỉnh", "UBND tỉnh Điện Biên", "UBND"),
                    ("Chiến sĩ thi đua cơ sở", "UBND xã Mường Ảng", "UBND")]
    if occupation in ("Cựu chiến binh",) and person.birth.year < 1960:
        choices.append(("Huy chương Kháng chiến hạng Nhì", "Chủ tịch nước", "CTN"))
    picked = [rng.choice(choices)]
    if rng.random() < 0.3:
        picked.append(rng.choice(choices))
    return picked

