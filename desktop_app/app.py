"""Qt bootstrap of the desktop app."""
