"""Vietnamese text for the demo minutes: sections built from short sentences that fit the branch,
the month and the year (a directive is only studied after it was issued)."""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.services.demo.names import Weighted

ABSENCE_REASONS = Weighted({"Ốm": 30, "Đi công tác": 22, "Việc gia đình": 22, "Đi viện": 6, "Con ốm": 6,
                            "Đi học": 5, "Nhà có việc hiếu": 4, "Đi tập huấn": 5})
UNIT_WORD = {"upland": "bản", "lowland": "thôn", "town": "tổ dân phố"}

# Farm work of the month in an upland coffee-growing commune, for residents' branches.
_FARM = {
    1: "Phòng, chống đói, rét cho người và gia súc.", 2: "Ra quân làm thủy lợi, chuẩn bị gieo cấy vụ xuân.",
    3: "Chăm sóc lúa xuân, phòng trừ sâu bệnh.", 4: "Chăm sóc, tưới nước cho cà phê sau thu hoạch.",
    5: "Thu hoạch lúa xuân, chuẩn bị làm đất vụ mùa.", 6: "Chủ động phòng, chống lũ quét, sạt lở đất trong mùa mưa.",
    7: "Gieo cấy lúa mùa đúng khung thời vụ.", 8: "Chăm sóc lúa mùa, cà phê; phòng, chống dịch bệnh trên gia súc.",
    9: "Vận động trẻ em trong độ tuổi đến trường.", 10: "Chuẩn bị thu hoạch cà phê niên vụ mới.",
    11: "Thu hoạch lúa mùa và cà phê, bảo quản nông sản.", 12: "Chuẩn bị giống, vật tư cho vụ đông xuân.",
}
# Anniversaries and campaigns of the month, for every branch.
_CIVIC = {
    1: "Tổ chức đón Tết Nguyên đán vui tươi, lành mạnh, an toàn, tiết kiệm.",
    2: "Kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam 3/2; phát động Tết trồng cây.",
    3: "Hưởng ứng Tháng Thanh niên, kỷ niệm ngày thành lập Đoàn 26/3.",
    4: "Kỷ niệm ngày Giải phóng miền Nam, thống nhất đất nước 30/4.",
    5: "Kỷ niệm Chiến thắng Điện Biên Phủ 7/5 và ngày sinh Chủ tịch Hồ Chí Minh 19/5.",
    6: "Tổ chức các hoạt động hè cho thiếu nhi.", 7: "Thăm hỏi gia đình thương binh, liệt sĩ nhân ngày 27/7.",
    8: "Kỷ niệm Cách mạng tháng Tám và Quốc khánh 2/9.", 9: "Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.",
    10: "Kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam 20/10.",
    11: "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc 18/11.",
    12: "Tổ chức kiểm điểm, đánh giá, xếp loại chất lượng đảng viên cuối năm.",
}
_SCHOOL_SEASON = {
    1: "Hoàn thành kiểm tra, đánh giá cuối học kỳ I.", 2: "Duy trì sĩ số học sinh sau Tết.",
    3: "Tổ chức thi giáo viên dạy giỏi cấp trường.", 4: "Ôn tập, kiểm tra cuối năm học.",
    5: "Tổng kết năm học, xét lên lớp, hoàn thành chương trình.", 6: "Tổ chức tuyển sinh năm học mới.",
    7: "Bồi dưỡng chuyên môn hè cho giáo viên.", 8: "Chuẩn bị cơ sở vật chất cho năm học mới.",
    9: "Tổ chức khai giảng năm học mới trang trọng, an toàn.", 10: "Xây dựng kế hoạch bồi dưỡng học sinh giỏi.",
    11: "Tổ chức các hoạt động chào mừng ngày Nhà giáo Việt Nam 20/11.", 12: "Ôn tập, kiểm tra cuối học kỳ I.",
}
_WORK = {
    "village": ["Nhân dân trong {unit} chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
                "Tình hình an ninh chính trị, trật tự an toàn xã hội trong {unit} ổn định.",
                "Đã vận động {n} hộ tham gia làm đường bê tông nội {unit}.",
                "Thu các khoản quỹ đạt {p}% kế hoạch."],
    "school": ["Nhà trường duy trì tốt sĩ số, tỷ lệ học sinh chuyên cần đạt {p}%.",
               "Giáo viên thực hiện nghiêm túc chương trình, kế hoạch dạy học."],
    "agency": ["Cán bộ, công chức hoàn thành tốt nhiệm vụ, giải quyết đúng hạn {n} hồ sơ thủ tục hành chính."],
    "health": ["Trạm đã khám, điều trị cho {n} lượt người bệnh; tiêm chủng đầy đủ cho trẻ em trong độ tuổi."],
    "police": ["Lực lượng Công an xã tuần tra, giữ gìn an ninh trật tự, giải quyết {k} vụ việc phát sinh."],
    "army": ["Duy trì nghiêm chế độ trực sẵn sàng chiến đấu; huấn luyện dân quân đạt yêu cầu."],
    "enterprise": ["Đơn vị hoàn thành kế hoạch sản xuất kinh doanh tháng, bảo đảm việc làm cho người lao động."],
    "retired": ["Các đồng chí giữ gìn phẩm chất, tích cực tham gia các hoạt động ở khu dân cư."],
}
_SHORT = ["Tuy nhiên, một số đảng viên tham gia sinh hoạt còn chưa đầy đủ.",
          "Việc nộp đảng phí ở một số đảng viên còn chậm.", "Công tác tuyên truyền có lúc chưa kịp thời.", "", ""]
# (from, until, sentence): news and directives studied while they were current.
_AFFAIRS = [
    (dt.date(2016, 3, 1), dt.date(2016, 12, 31), "Học tập, quán triệt Nghị quyết Đại hội XII của Đảng."),
    (dt.date(2020, 2, 1), dt.date(2022, 6, 30), "Thực hiện nghiêm các biện pháp phòng, chống dịch COVID-19."),
    (dt.date(2021, 3, 1), dt.date(2021, 12, 31), "Học tập, quán triệt Nghị quyết Đại hội XIII của Đảng."),
    (dt.date(2025, 6, 15), dt.date(2025, 12, 31),
     "Triển khai Quy định số 294-QĐ/TW và Hướng dẫn số 06-HD/TW về thi hành Điều lệ Đảng."),
    (dt.date(2025, 7, 1), dt.date(2025, 10, 31),
     "Thông tin về việc sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp."),
    (dt.date(2025, 8, 1), dt.date(2026, 6, 30),
     "Quán triệt Chỉ thị số 50-CT/TW ngày 23/7/2025 về nâng cao chất lượng sinh hoạt chi bộ."),
    (dt.date(2026, 2, 1), dt.date(2026, 12, 31), "Học tập, quán triệt Nghị quyết Đại hội XIV của Đảng."),
]
_NEWS = ["Thông tin tình hình thời sự trong nước và quốc tế nổi bật trong tháng.",
         "Thông tin về giá cà phê và nông sản trên thị trường.", "Tuyên truyền phòng, chống ma túy, mua bán người.",
         "Phổ biến văn bản chỉ đạo của Đảng ủy xã trong tháng.", "Tuyên truyền Luật Giao thông đường bộ."]
_TASKS = ["Tiếp tục bồi dưỡng quần chúng ưu tú, tạo nguồn phát triển đảng viên.",
          "Đôn đốc đảng viên nộp đảng phí đầy đủ, đúng quy định.",
          "Giữ vững an ninh trật tự, vệ sinh môi trường nơi cư trú.",
          "Phát huy vai trò tiền phong, gương mẫu của đảng viên trong thực hiện nhiệm vụ."]
_TOPICS = ["việc nâng cao chất lượng sinh hoạt chi bộ", "công tác phát triển đảng viên trẻ",
           "việc thực hiện quy chế dân chủ ở cơ sở",
           "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"]
_RESIDENT_TOPICS = ["công tác vận động nhân dân làm đường giao thông nông thôn", "việc giữ gìn vệ sinh môi trường",
                    "công tác phòng, chống ma túy", "việc chuyển đổi cơ cấu cây trồng", "việc hỗ trợ hộ nghèo",
                    "việc giải quyết kiến nghị của nhân dân"]
_UNIT_TOPICS = {"school": ["việc bồi dưỡng học sinh yếu, kém", "việc đổi mới phương pháp dạy học",
                           "công tác giáo dục đạo đức học sinh"],
                "other": ["việc cải cách thủ tục hành chính", "việc thực hành tiết kiệm, chống lãng phí",
                          "tinh thần, thái độ phục vụ nhân dân"]}
THEMES = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết",
    "Học tập và làm theo Bác về cần, kiệm, liêm, chính, chí công vô tư",
    "Nâng cao vai trò tiền phong, gương mẫu của cán bộ, đảng viên",
    "Phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái",
]
_KIND_THEMES = {
    "village": ["Phát triển kinh tế – xã hội, xây dựng nông thôn mới ở {unit}",
                "Giữ gìn an ninh trật tự, phòng, chống ma túy trên địa bàn",
                "Phát triển đảng viên trong đồng bào dân tộc thiểu số"],
    "school": ["Nâng cao chất lượng dạy và học", "Xây dựng trường học an toàn, thân thiện"],
    "other": ["Nâng cao hiệu quả công tác chuyên môn", "Cải cách hành chính, nâng cao chất lượng phục vụ nhân dân"],
}
ACTIONS = ["Đôn đốc thu đảng phí tháng {m}", "Báo cáo kết quả thực hiện nghị quyết tháng với Đảng ủy xã",
           "Rà soát, cập nhật hồ sơ đảng viên", "Thăm hỏi gia đình đảng viên có người ốm",
           "Chuẩn bị nội dung sinh hoạt chuyên đề quý", "Kiểm tra việc giữ gìn vệ sinh môi trường khu dân cư",
           "Tổng hợp ý kiến, kiến nghị của nhân dân gửi Đảng ủy xã", "Vận động nhân dân nộp quỹ phòng, chống thiên tai",
           "Hướng dẫn quần chúng ưu tú hoàn thiện hồ sơ xin vào Đảng", "Cập nhật tài liệu lên Sổ tay đảng viên điện tử"]
STRENGTHS = ["Có tinh thần trách nhiệm, nhiệt tình trong công việc.",
             "Chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước.",
             "Tích cực tham gia các hoạt động của Đoàn thanh niên và địa phương.",
             "Lối sống giản dị, quan hệ tốt với quần chúng.", "Hoàn thành tốt nhiệm vụ được giao.",
             "Tích cực học tập nâng cao trình độ."]
WEAKNESSES = ["Còn ngại phát biểu ý kiến trong các cuộc họp.", "Kinh nghiệm công tác còn ít.",
              "Đôi lúc chưa chủ động trong công việc.", "Cần tích cực hơn trong công tác tuyên truyền.",
              "Tác phong làm việc có lúc chưa khẩn trương.", "Chưa thấy khuyết điểm đáng kể."]


def _fill(text: str, rng: random.Random, unit: str, day: dt.date) -> str:
    return text.format(unit=unit, n=rng.randint(8, 60), p=rng.randint(86, 100), k=rng.randint(1, 6), m=day.month)


def _work_key(kind: str, jobs: str) -> str:
    if kind in ("village", "residential"):
        return "village"
    if jobs in ("health", "police", "army", "retired"):
        return jobs
    return {"school": "school", "enterprise": "enterprise"}.get(kind, "agency")


def unit_name(jobs: str, residence: str) -> str:
    """"bản Co Muông", "thôn Tân Lập", "tổ dân phố 3" for residents' branches, else "đơn vị"."""
    if jobs not in UNIT_WORD or not residence:
        return "đơn vị"
    first = residence.split(",")[0]
    return first[0].lower() + first[1:]


def evaluation(rng: random.Random, kind: str, jobs: str, unit: str, day: dt.date) -> str:
    previous = (day.replace(day=1) - dt.timedelta(days=1))
    lines = [f"Trong tháng {previous.month}/{previous.year}, chi bộ đã lãnh đạo đảng viên hoàn thành các nhiệm vụ "
             f"đề ra."]
    lines += [_fill(s, rng, unit, day) for s in rng.sample(_WORK[_work_key(kind, jobs)],
                                                           k=min(2, len(_WORK[_work_key(kind, jobs)])))]
    lines.append(rng.choice(_SHORT))
    return " ".join(line for line in lines if line)


def current_affairs(rng: random.Random, day: dt.date) -> str:
    lines = [s for start, end, s in _AFFAIRS if start <= day <= end]
    bulletin = "Bản tin sinh hoạt chi bộ" if day >= dt.date(2025, 8, 1) else "tài liệu sinh hoạt chi bộ"
    lines.append(f"Phổ biến {bulletin} tháng {day.month}/{day.year}.")
    lines.append(rng.choice(_NEWS))
    return " ".join(lines[-3:])


def next_tasks(rng: random.Random, kind: str, day: dt.date) -> str:
    month = day.month % 12 + 1
    lines = [_CIVIC[month]]
    if kind in ("village", "residential"):
        lines.insert(0, _FARM[month])
    elif kind == "school":
        lines.insert(0, _SCHOOL_SEASON[month])
    lines.append(rng.choice(_TASKS))
    if day >= dt.date(2025, 8, 1) and rng.random() < 0.3:
        lines.append("Duy trì sinh hoạt chi bộ định kỳ vào ngày 03 hằng tháng.")
    return "\n".join(f"- {s}" for s in lines)


def discussion(rng: random.Random, kind: str, speakers: list[str], extra: list[str]) -> str:
    local = _RESIDENT_TOPICS if kind in ("village", "residential") else _UNIT_TOPICS.get(kind, _UNIT_TOPICS["other"])
    topics = rng.sample(_TOPICS + local, 2)
    lines = list(extra)
    if speakers:
        lines.append(f"Đồng chí {speakers[0]} đề nghị chi bộ quan tâm hơn đến {topics[0]}.")
    if len(speakers) > 1:
        lines.append(f"Đồng chí {speakers[1]} nhất trí với báo cáo và bổ sung ý kiến về {topics[1]}.")
    lines.append("Các đồng chí đảng viên thảo luận, thống nhất với dự thảo nghị quyết.")
    return " ".join(lines)


def theme(rng: random.Random, kind: str, unit: str, day: dt.date) -> str:
    pool = THEMES + [t.format(unit=unit) for t in _KIND_THEMES.get(
        "village" if kind in ("village", "residential") else "school" if kind == "school" else "other", [])]
    if day >= dt.date(2025, 8, 1):
        pool.append("Nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị số 50-CT/TW")
    if day.month in (4, 5):
        pool.append("Giáo dục truyền thống cách mạng, kỷ niệm Chiến thắng Điện Biên Phủ")
    return rng.choice(pool)
