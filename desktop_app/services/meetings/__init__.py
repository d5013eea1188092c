"""The monthly branch meeting: the record (meetings), adopting its minutes and their addenda (minutes), deleting
a draft (removal), preparation (meeting_prep), attendance, votes (decisions) and what a passed vote changes
(decision_effects), tasks carried to the next meeting (action_items), the helpers' reports heard at it
(progress_notes), the Party fees paid at it and the figure its minutes state (meeting_fees), and the rules and
quality checks a meeting is held to (meeting_rules, meeting_checks, meeting_quality).

The parts import ``meetings``, never the reverse. Not here: the people a vote concerns (people/), the printed
minutes (documents/ and desktop_app.reports)."""
