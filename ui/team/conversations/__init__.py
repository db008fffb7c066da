"""Difficult conversations: planned, rehearsed, held and debriefed, with their follow-up."""
