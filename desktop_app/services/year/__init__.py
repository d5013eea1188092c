"""The Party year: what a branch and its committee do once a year, and what a member's record keeps of it.

- discipline: disciplinary measures decided against a member (kinds, who may decide them, the record);
- rounds: the organisation's grading round of a year, the day it grades on, and a branch's part in it;
- roster: the members a branch grades in a round, each with why they are not graded or what note applies,
  their grades of the two years before, and what has been recorded so far;
- member_grades: the self-assessment, the branch's proposal with its vote, and the committee's decision that
  locks a member's grade; corrections: the dated change a decided grade accepts;
- branch_grades: the committee's grade of each branch;
- summary: counts and shares per grade of a branch and of the organisation, the cap on "excellent";
- history: a member's grades over the years;
- badges: who reaches a Party badge milestone by each award day, and the badges awarded;
- reminders: what the year asks (grading due, a round not started, a strike-off ground).

The rules come from core.rules (grading, discipline, badges, strike_off); membership on a day from
people.membership. Not here: the printed documents (documents/report_data and desktop_app.reports) and the
workbook (desktop_app.interchange)."""
