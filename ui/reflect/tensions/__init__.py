"""Tensions of leadership: the page, the leaning widget and notes."""
