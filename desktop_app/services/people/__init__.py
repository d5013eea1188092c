"""People from first contact to official member: the record (people), the admission pipeline at a glance
(candidates) and its steps (pipeline), the dossier, the members who help and introduce (sponsorships),
masked identifiers (privacy), accent-insensitive search, and what is due (reminders).

Not here: meetings and the reports heard there (meetings/), printed documents (documents/), workbooks
(interchange/)."""
