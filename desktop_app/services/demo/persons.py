"""A person's particulars for the demo: name, ethnicity, religion, ID, education, occupation, fee.

What a person does depends on the branch (villagers farm coffee and upland rice, schools have
teachers, the police branch has police officers) and on age; the rest follows from that.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from desktop_app.core.text import fold, name_sort_key
from desktop_app.services.demo import names, places
from desktop_app.services.demo.layout import BranchPlan
from desktop_app.services.demo.names import Weighted


@dataclass(frozen=True)
class Occupation:
    title: str
    categories: str  # core.enums.Category codes
    fee: str  # salary, pension, rural, other, student
    ages: tuple[int, int]  # age range of people in this occupation (today)
    female: float  # share of women
    professional: tuple[tuple[str, float], ...] = (("", 1),)
    trade_union: bool = False


_UNI = (("Đại học", 70), ("Cao đẳng", 15), ("Thạc sĩ", 8), ("Trung cấp", 7))
OCCUPATIONS = {
    "upland_farmer": Occupation("Làm nương", "farmer", "rural", (22, 78), 0.35, (("", 9), ("Sơ cấp", 1))),
    "coffee": Occupation("Trồng cà phê", "farmer", "rural", (22, 75), 0.4, (("", 8), ("Sơ cấp", 2))),
    "farmer": Occupation("Nông dân", "farmer", "rural", (22, 78), 0.4, (("", 8), ("Sơ cấp", 2))),
    "trader": Occupation("Buôn bán", "private_business", "other", (24, 70), 0.55),
    "free": Occupation("Lao động tự do", "", "other", (20, 60), 0.4),
    "retired": Occupation("Hưu trí", "retired", "pension", (61, 88), 0.35, (("Trung cấp", 4), ("Đại học", 3),
                                                                          ("", 3))),
    "veteran": Occupation("Cựu chiến binh", "farmer,veteran", "rural", (48, 85), 0.04),
    "demobilised": Occupation("Bộ đội xuất ngũ", "veteran", "other", (21, 27), 0.0),
    "teacher": Occupation("Giáo viên", "civil_servant", "salary", (23, 59), 0.7, _UNI, True),
    "school_staff": Occupation("Nhân viên", "civil_servant", "salary", (23, 59), 0.7,
                               (("Trung cấp", 6), ("Cao đẳng", 4)), True),
    "pupil": Occupation("Học sinh", "student", "student", (18, 18), 0.55),
    "civil": Occupation("Công chức", "civil_servant", "salary", (24, 59), 0.4, _UNI, True),
    "health": Occupation("Y sĩ", "civil_servant", "salary", (24, 59), 0.65,
                         (("Trung cấp", 5), ("Cao đẳng", 3), ("Đại học", 2)), True),
    "police": Occupation("Công an", "armed_forces", "salary", (22, 52), 0.12, (("Trung cấp", 5), ("Đại học", 5)),
                         True),
    "army": Occupation("Quân nhân", "armed_forces", "salary", (22, 55), 0.05, (("Trung cấp", 6), ("Đại học", 4)),
                       True),
    "coop": Occupation("Xã viên hợp tác xã", "worker,non_state_enterprise", "other", (22, 59), 0.45,
                       (("", 6), ("Trung cấp", 3), ("Đại học", 1)), True),
    "bank": Occupation("Cán bộ tín dụng", "civil_servant", "salary", (24, 59), 0.55, _UNI, True),
    "forest": Occupation("Kiểm lâm viên", "civil_servant", "salary", (24, 59), 0.15, _UNI, True),
    "power": Occupation("Công nhân điện", "worker", "salary", (22, 59), 0.1, (("Trung cấp", 7), ("Cao đẳng", 3)),
                        True),
    "post": Occupation("Nhân viên bưu điện", "worker", "salary", (22, 59), 0.6, (("Trung cấp", 6), ("Cao đẳng", 4)),
                       True),
}
# Which occupations each kind of branch has: (members, candidates).
JOBS = {
    "upland": (Weighted({"upland_farmer": 35, "coffee": 20, "veteran": 12, "retired": 8, "teacher": 6, "trader": 5,
                         "free": 6, "civil": 3, "health": 2}),
               Weighted({"upland_farmer": 35, "coffee": 25, "demobilised": 12, "teacher": 10, "free": 13,
                         "trader": 5})),
    "lowland": (Weighted({"farmer": 22, "coffee": 20, "trader": 12, "veteran": 12, "retired": 16, "teacher": 6,
                          "free": 6, "civil": 6}),
                Weighted({"coffee": 25, "farmer": 18, "trader": 15, "demobilised": 14, "free": 16, "teacher": 12})),
    "town": (Weighted({"retired": 40, "trader": 16, "civil": 14, "teacher": 8, "veteran": 10, "free": 7,
                       "health": 5}),
             Weighted({"trader": 30, "free": 25, "civil": 15, "demobilised": 15, "teacher": 15})),
    "school": (Weighted({"teacher": 85, "school_staff": 15}), Weighted({"teacher": 90, "school_staff": 10})),
    "high_school": (Weighted({"teacher": 88, "school_staff": 12}), Weighted({"pupil": 55, "teacher": 45})),
}
for _key in ("civil", "health", "police", "army", "coop", "bank", "forest", "power", "post", "retired"):
    JOBS[_key] = (Weighted({_key: 1}), Weighted({_key: 1}))
JOBS["coffee"] = JOBS["coop"]

POSITIONS = {
    "upland": ["Trưởng bản", "Chi hội trưởng Hội Nông dân", "Bí thư Chi đoàn", "Chi hội trưởng Hội Phụ nữ"],
    "lowland": ["Trưởng thôn", "Chi hội trưởng Hội Nông dân", "Bí thư Chi đoàn", "Chi hội trưởng Hội Cựu chiến binh"],
    "town": ["Tổ trưởng tổ dân phố", "Trưởng Ban công tác Mặt trận", "Chi hội trưởng Hội Cựu chiến binh"],
    "school": ["Hiệu trưởng", "Phó Hiệu trưởng", "Tổ trưởng chuyên môn", "Chủ tịch Công đoàn"],
    "high_school": ["Hiệu trưởng", "Phó Hiệu trưởng", "Tổ trưởng chuyên môn", "Bí thư Đoàn trường"],
    "civil": ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Chủ tịch Ủy ban MTTQ xã", "Công chức Văn phòng – Thống kê",
              "Công chức Tư pháp – Hộ tịch", "Công chức Tài chính – Kế toán", "Chủ tịch Hội Nông dân xã",
              "Bí thư Đoàn xã", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Công chức Địa chính – Xây dựng"],
    "health": ["Trạm trưởng", "Phó Trạm trưởng", "Bác sĩ", "Điều dưỡng", "Nữ hộ sinh", "Dược sĩ"],
    "police": ["Trưởng Công an xã", "Phó Trưởng Công an xã", "Phó Trưởng Công an xã"],
    "army": ["Chỉ huy trưởng", "Chỉ huy phó", "Chính trị viên"],
    "coop": ["Giám đốc", "Phó Giám đốc", "Kế toán", "Kỹ thuật viên"],
    "coffee": ["Giám đốc", "Phó Giám đốc", "Kế toán", "Kỹ thuật viên"],
}

def suits(title: str, fields: dict, today: dt.date) -> bool:
    """Whether a person could hold *title* (women's union posts go to women, youth posts to the young)."""
    age = (today - fields["birth_date"]).days / 365
    if "Phụ nữ" in title or title == "Nữ hộ sinh":
        return fields["gender"] == "female"
    if "Đoàn" in title and "Công đoàn" not in title:
        return age <= 35
    if "Cựu chiến binh" in title:
        return "veteran" in fields["categories"]
    return age < 62


_EDUCATION_OLD = Weighted({"10/10": 40, "7/10": 30, "12/12": 20, "9/12": 10})
_EDUCATION_NEW = Weighted({"12/12": 75, "9/12": 22, "5/12": 3})


def pick_occupation(rng: random.Random, plan: BranchPlan, candidate: bool) -> str:
    return JOBS[plan.jobs][1 if candidate else 0].pick(rng)


def birth_for_age(rng: random.Random, on: dt.date, years: tuple[int, int]) -> dt.date:
    """A birth date making the person between *years* old on *on*."""
    low, high = years
    days = rng.randint(low * 365 + 30, high * 365 + 300)
    return on - dt.timedelta(days=days)


def monthly_fee(occupation: str, rng: random.Random) -> int:
    """A plausible monthly party fee (đồng) at 2025 rates: 1 % of salary, 0.5 % of pension, else a flat rate."""
    kind = OCCUPATIONS[occupation].fee
    if kind == "salary":
        return round(rng.uniform(5.0, 12.0) * 10) * 1000  # 1 % of 5–12 million
    if kind == "pension":
        return round(rng.uniform(4.0, 9.0) * 5) * 1000  # 0.5 % of 4–9 million
    if kind == "student":
        return 3000
    return rng.choice((5000, 5000, 8000, 10000))


def person_fields(rng: random.Random, plan: BranchPlan, occupation: str, birth: dt.date, today: dt.date,
                  taken_ids: set[str], gender: str | None = None) -> dict:
    """The Person columns for someone of *occupation* in *plan*'s branch, born on *birth*."""
    occ = OCCUPATIONS[occupation]
    gender = gender or ("female" if rng.random() < occ.female else "male")
    profile = plan.profile if occupation in ("upland_farmer", "coffee", "farmer", "free", "trader",
                                             "demobilised", "veteran", "retired") else "national"
    ethnicity = names.PROFILES[profile].pick(rng)
    full_name = names.full_name(rng, ethnicity, gender, birth.year)
    local_share = 0.85 if plan.jobs in ("upland", "lowland", "town") else 0.35
    home = places.home_place(rng, ethnicity, local_share)
    birth_place = home if rng.random() < 0.85 else places.home_place(rng, ethnicity, local_share)
    age = (today - birth).days // 365
    education = (_EDUCATION_OLD if birth.year < 1975 else _EDUCATION_NEW).pick(rng)
    if occ.fee in ("salary", "pension") or occupation == "pupil":
        education = "12/12" if birth.year >= 1975 or rng.random() < 0.5 else "10/10"
    elif education == "5/12" and plan.profile not in ("upland_thai", "upland_mong"):
        education = "9/12"  # primary school suffices only in upland and minority areas
    residence = plan.residence or _resident_address(rng)
    workplace = plan.workplace
    if occupation == "teacher" and not workplace:
        workplace = f"Trường Tiểu học {rng.choice(places.SCHOOL_NAMES['Tiểu học'])}"
    elif occupation in ("civil", "health") and not workplace:
        workplace = "UBND xã Mường Ảng" if occupation == "civil" else "Trạm Y tế xã Mường Ảng"
    return {
        "full_name": full_name, "name_fold": fold(full_name), "sort_key": name_sort_key(full_name),
        "gender": gender, "birth_date": birth, "birth_place": places.format_home(birth_place),
        "ethnicity": ethnicity, "religion": names.religion(rng, ethnicity),
        "cccd": places.cccd(rng, home[2], gender, birth.year, taken_ids),
        "phone": places.phone(rng) if age < 75 or rng.random() < 0.5 else "",
        "home_town": places.format_home(home), "residence": residence, "education": education,
        "professional_level": Weighted(dict(occ.professional)).pick(rng), "theory_level": "",
        "occupation": occ.title, "workplace": workplace, "position": "",
        "youth_union": 0, "trade_union": int(occ.trade_union and age < 60), "categories": occ.categories,
        "card_number": None, "admission_date": None, "ceremony_date": None, "official_date": None,
        "joined_branch_date": None, "note": "",
    }


def _resident_address(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"Tổ dân phố {rng.randint(1, 8)}, {places.COMMUNE}, {places.PROVINCE}"
    hamlet = rng.choice(places.LOWLAND_HAMLETS[:8] + places.UPLAND_VILLAGES[:8])
    word = "thôn" if hamlet in places.LOWLAND_HAMLETS else "bản"
    return f"{word} {hamlet}, {places.COMMUNE}, {places.PROVINCE}"
