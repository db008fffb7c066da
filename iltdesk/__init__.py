"""iltdesk: a principal's private, encrypted journal for coaching their ILT."""

__version__ = "0.1.0"
