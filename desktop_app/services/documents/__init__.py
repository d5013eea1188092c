"""Printed documents: their numbers (HD 36-HD/VPTW), the audit of what was printed or exported, and the
read-only data each document states (report_data/). The layout itself is in desktop_app.reports."""
