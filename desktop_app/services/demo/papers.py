"""A candidate's dated history (StageEvent) and dossier (DossierItem) from the steps they reached."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import SponsorRole, Stage
from desktop_app.services.demo import timeline as tl
from desktop_app.services.demo.context import BranchCtx
from desktop_app.services.demo.dates import CUTOVER, add_working_days, working_day_on_or_before
from desktop_app.services.demo.model import Event, Human, Paper

DROP_REASONS = ("Đi làm ăn xa, không còn điều kiện phấn đấu", "Chuyển nơi cư trú theo gia đình",
                "Xin rút khỏi danh sách vì lý do gia đình", "Vi phạm quy định của địa phương")


def _centre(day: dt.date) -> str:
    """Who issues the awareness-class certificate: the district political centre until the district level
    went on 1/7/2025, then the province's (domain.md §8, open item 6)."""
    return "Trung tâm Chính trị huyện Mường Ảng" if day < CUTOVER else "Trường Chính trị tỉnh Điện Biên"


def _names(people: list[Human]) -> str:
    return " và ".join(f"đồng chí {p.name}" for p in people)


def record_history(ctx: BranchCtx, person: Human, steps: dict, introducers: list[Human], union: str) -> None:
    rng, shared, branch = ctx.rng, ctx.shared, ctx.plan.id
    events, papers = person.events, person.papers

    def step(stage: str) -> tuple[dt.date, object] | None:
        return steps.get(stage)

    def add(stage: str, doc="", note: str = "") -> None:
        if stage in steps:
            day, meeting = steps[stage]
            events.append(Event(stage, day, doc, note, meeting))

    add(Stage.SOURCE, note=f"Kế hoạch tạo nguồn phát triển đảng viên năm {steps[Stage.SOURCE][0].year}")
    add(Stage.SYMPATHISER_LIST, note="Chi bộ nhất trí đưa vào danh sách cảm tình Đảng")
    helpers = [s.sponsor for s in person.sponsors if s.role == SponsorRole.HELPER]
    add(Stage.HELPER_ASSIGNED, note=f"Phân công {_names(helpers)} giúp đỡ" if helpers else "")
    if step(Stage.AWARENESS_CLASS):
        day = steps[Stage.AWARENESS_CLASS][0]
        number = f"{rng.randint(12, 680):03d}/GCN-TTCT"
        add(Stage.AWARENESS_CLASS, number, f"Học lớp bồi dưỡng nhận thức về Đảng, {_centre(day)}")
        papers.append(Paper("CN-NTVĐ", day, number, _centre(day)))
    if step(Stage.APPLICATION):
        add(Stage.APPLICATION, note="Đơn xin vào Đảng")
        papers.append(Paper("1-KNĐ", steps[Stage.APPLICATION][0]))
    if step(tl.WRITTEN):
        papers.append(Paper("2-KNĐ", steps[tl.WRITTEN][0], note="Lý lịch của người xin vào Đảng"))
    add(Stage.HISTORY, note="Đã thẩm tra, xác minh lý lịch; chi ủy nhận xét, đảng ủy xác nhận")
    if step(Stage.INTRODUCTIONS):
        day = steps[Stage.INTRODUCTIONS][0]
        union_name = {"4-KNĐ": "Ban Chấp hành Đoàn xã", "4A-KNĐ": "Ban Chấp hành Công đoàn cơ sở"}.get(union)
        who = _names(introducers) + (f" và {union_name}" if union_name else "")
        add(Stage.INTRODUCTIONS, note=f"Giới thiệu: {who}")
        papers += [Paper("3-KNĐ", day, note=f"Đồng chí {p.name} giới thiệu") for p in introducers]
        if union:
            symbol = "NQ/ĐTN" if union == "4-KNĐ" else "NQ/CĐCS"
            made = working_day_on_or_before(day - dt.timedelta(days=rng.randint(0, 10)))
            papers.append(Paper(union, max(made, steps[Stage.HISTORY][0]),
                                f"{rng.randint(2, 30):02d}-{symbol}", union_name or ""))
    if step(Stage.OPINIONS):
        add(Stage.OPINIONS, note="Tổng hợp ý kiến của đoàn thể và chi ủy nơi cư trú")
        papers.append(Paper("5-KNĐ", steps[Stage.OPINIONS][0]))
    if step(Stage.BRANCH_RESOLUTION):
        day, meeting = steps[Stage.BRANCH_RESOLUTION]
        doc = shared.doc("NQ", "CB", day, series=branch, issued=not (meeting and meeting.draft))
        add(Stage.BRANCH_RESOLUTION, doc, "Chi bộ biểu quyết đề nghị kết nạp")
        papers.append(Paper("6-KNĐ", day, doc))
    if step(Stage.COMMITTEE_RESOLUTION):
        day = steps[Stage.COMMITTEE_RESOLUTION][0]
        doc = shared.doc("NQ", "ĐU", day)
        add(Stage.COMMITTEE_RESOLUTION, doc, "Đảng ủy xã đề nghị Huyện ủy kết nạp")
        papers.append(Paper("8-KNĐ", day, doc))
    if step(Stage.ADMISSION_DECISION):
        day = steps[Stage.ADMISSION_DECISION][0]
        doc = shared.doc("QĐ", tl.document_issuer(day), day)
        add(Stage.ADMISSION_DECISION, doc, "Quyết định kết nạp đảng viên")
        # The decision reaches the branch a few working days later, before the ceremony.
        received = add_working_days(day, rng.randint(1, 5))
        events[-1].received = min(received, steps.get(Stage.CEREMONY, (ctx.today, None))[0], ctx.today)
        papers.append(Paper("9-KNĐ", day, doc))
    if step(Stage.CEREMONY):
        place = steps[Stage.CEREMONY][1]
        add(Stage.CEREMONY, note=f"Lễ kết nạp tại {ctx.plan.place}" if place else "Lễ kết nạp tại chi bộ")
    if step(tl.DECLARED):
        day = steps[tl.DECLARED][0]
        papers += [Paper("LLĐV", day), Paper("PĐV", day)]
    if step(Stage.NEW_MEMBER_CLASS):
        day = steps[Stage.NEW_MEMBER_CLASS][0]
        number = f"{rng.randint(10, 420):03d}/GCN-ĐVM"
        add(Stage.NEW_MEMBER_CLASS, number, f"Lớp bồi dưỡng lý luận chính trị cho đảng viên mới, "
                                                       f"{_centre(day)}")
        papers.append(Paper("CN-ĐVM", day, number, _centre(day)))
    if step(tl.REVIEW):
        day = steps[tl.REVIEW][0]
        papers += [Paper("10-KNĐ", day), Paper("11-KNĐ", day, note="Nhận xét của đảng viên giúp đỡ"),
                   Paper("12-KNĐ", min(day + dt.timedelta(days=2), steps.get(
                       Stage.RECOGNITION_RESOLUTION, (day + dt.timedelta(days=2), None))[0]))]
    if step(Stage.RECOGNITION_RESOLUTION):
        day, meeting = steps[Stage.RECOGNITION_RESOLUTION]
        doc = shared.doc("NQ", "CB", day, series=branch, issued=not (meeting and meeting.draft))
        add(Stage.RECOGNITION_RESOLUTION, doc, "Chi bộ biểu quyết đề nghị công nhận đảng viên chính thức")
        papers.append(Paper("13-KNĐ", day, doc))
    if step(Stage.RECOGNITION_DECISION):
        day = steps[Stage.RECOGNITION_DECISION][0]
        add(Stage.RECOGNITION_DECISION, shared.doc("QĐ", tl.document_issuer(day), day),
            "Quyết định công nhận đảng viên chính thức")
    if step(tl.DROP):
        day, meeting = steps[tl.DROP]
        events.append(Event(Stage.DROPPED, day, "", rng.choice(DROP_REASONS), meeting))
