"""The dates of one candidate's way through the admission pipeline (domain.md §1.2), built around the
branch meeting that votes the admission.

Before the vote (counted back from it): source plan, sympathiser list and helper at branch meetings,
awareness-class certificate, application, personal history and its verification, introductions and
opinions. After it (counted forward): the committee's resolution (while districts existed), the
decision within 60 working days, the ceremony within 30 working days of it, 12 months of
probation, the recognition vote at the first meeting after them (within 30 working days) and the
decision. Dates that fall after today are simply not reached yet.
"""

from __future__ import annotations

import datetime as dt
import random

from desktop_app.core import rules
from desktop_app.core.enums import Stage
from desktop_app.services.demo.dates import (
    CUTOVER,
    ONE_DAY,
    VoteDays,
    add_working_days,
    working_day_on_or_after,
    working_day_on_or_before,
)
from desktop_app.services.demo.model import MeetingPlan

# Extra steps that are not stages: papers and the drop-out.
WRITTEN = "history_written"  # 2-KNĐ filled in
DECLARED = "declared"  # LLĐV and PĐV
REVIEW = "review"  # 10-, 11-, 12-KNĐ
PROBATION_END = "probation_end"
DROP = "drop"

Step = tuple[dt.date, MeetingPlan | None]


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def early_steps(rng: random.Random, days: VoteDays, certificate: dt.date) -> dict[str, Step]:
    """Source plan, sympathiser list and helper assignment before the awareness class."""
    helper = days.on_or_before(certificate - _days(rng.randint(15, 120)))
    sympathiser = helper if rng.random() < 0.6 else days.on_or_before(helper[0] - ONE_DAY)
    source = working_day_on_or_after(dt.date((sympathiser[0] - _days(45)).year, 1, 15))
    if source >= sympathiser[0]:
        source = working_day_on_or_before(sympathiser[0] - _days(rng.randint(60, 200)))
    return {Stage.SOURCE: (source, None), Stage.SYMPATHISER_LIST: sympathiser, Stage.HELPER_ASSIGNED: helper,
            Stage.AWARENESS_CLASS: (certificate, None)}


def before_vote(rng: random.Random, days: VoteDays, vote: dt.date) -> dict[str, Step]:
    opinions = working_day_on_or_before(vote - _days(rng.randint(2, 20)))
    introductions = working_day_on_or_before(opinions - _days(rng.randint(3, 25)))
    history = working_day_on_or_before(introductions - _days(rng.randint(10, 50)))
    application = working_day_on_or_before(history - _days(rng.randint(30, 100)))
    written = working_day_on_or_after(application + _days(rng.randint(5, 20)))
    certificate = working_day_on_or_before(application - _days(rng.randint(10, 150)))
    steps = early_steps(rng, days, certificate)
    steps.update({Stage.APPLICATION: (application, None), WRITTEN: (min(written, history), None),
                  Stage.HISTORY: (history, None), Stage.INTRODUCTIONS: (introductions, None),
                  Stage.OPINIONS: (opinions, None)})
    return steps


def after_vote(rng: random.Random, days: VoteDays, vote: dt.date) -> dict[str, Step]:
    steps: dict[str, Step] = {}
    committee = add_working_days(vote, rng.randint(3, 10))
    if committee < CUTOVER:  # the grassroots committee's resolution went up to the district committee
        steps[Stage.COMMITTEE_RESOLUTION] = (committee, None)
    decision = add_working_days(vote, rng.randint(12, 57))
    steps[Stage.ADMISSION_DECISION] = (decision, None)
    limit = add_working_days(decision, 30)
    next_meeting = days.after(decision)
    if next_meeting[0] <= limit and rng.random() < 0.6:
        ceremony = next_meeting
    else:
        ceremony = (add_working_days(decision, rng.randint(3, 25)), None)
    steps[Stage.CEREMONY] = ceremony
    steps[DECLARED] = (add_working_days(ceremony[0], rng.randint(5, 28)), None)
    steps[Stage.NEW_MEMBER_CLASS] = (working_day_on_or_after(ceremony[0] + _days(rng.randint(40, 250))), None)
    end = rules.probation_end(ceremony[0])
    steps[PROBATION_END] = (end, None)
    recognition = days.after(end)
    review = working_day_on_or_before(max(recognition[0] - _days(rng.randint(2, 12)), end - _days(15)))
    steps[REVIEW] = (review, None)
    steps[Stage.RECOGNITION_RESOLUTION] = recognition
    steps[Stage.RECOGNITION_DECISION] = (add_working_days(recognition[0], rng.randint(5, 25)), None)
    return steps


def normal(rng: random.Random, days: VoteDays, vote: Step) -> dict[str, Step]:
    steps = before_vote(rng, days, vote[0])
    steps[Stage.BRANCH_RESOLUTION] = vote
    steps.update(after_vote(rng, days, vote[0]))
    return steps


def dropped(rng: random.Random, days: VoteDays, vote: Step, today: dt.date) -> dict[str, Step] | None:
    """Removed from the sympathiser list at a meeting some time before the vote would have come."""
    steps = before_vote(rng, days, vote[0])
    first = steps[Stage.HELPER_ASSIGNED][0] + _days(45)
    last = min(steps[Stage.OPINIONS][0], today)
    if last <= first:
        return None
    drop = days.on_or_after(first + _days(rng.randint(0, (last - first).days)))
    if drop[1] is None or not drop[1].held or drop[0] > today:
        return None
    steps = {stage: step for stage, step in steps.items() if step[0] < drop[0]}
    steps[DROP] = drop
    return steps


def stalled_certificate(rng: random.Random, days: VoteDays, today: dt.date) -> dict[str, Step]:
    """A sympathiser whose awareness-class certificate runs out within a few months."""
    certificate = working_day_on_or_before(today - _days(rng.randint(1700, 1790)))
    return early_steps(rng, days, certificate)


def stalled_dossier(rng: random.Random, days: VoteDays, today: dt.date) -> dict[str, Step]:
    """An applicant whose introductions and opinions are over 12 months old without a branch vote."""
    opinions = working_day_on_or_before(today - _days(rng.randint(380, 470)))
    return before_vote(rng, days, opinions + _days(10))


def reached(steps: dict[str, Step], today: dt.date) -> dict[str, Step]:
    """The steps taken by *today*; someone whose source plan lies ahead was put on it recently."""
    source = steps[Stage.SOURCE][0]
    if source > today:
        steps[Stage.SOURCE] = (working_day_on_or_before(today - _days(20)), None)
    return {stage: step for stage, step in steps.items() if step[0] <= today}


def document_issuer(day: dt.date) -> str:
    """Who decides admissions and recognitions: the district committee (HU) until 1/7/2025, then the
    authorised commune committee (ĐU)."""
    return "HU" if day < CUTOVER else "ĐU"
