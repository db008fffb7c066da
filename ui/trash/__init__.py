"""The Trash page: deleted records kept for 30 days (``iltdesk.trash``)."""
