"""The principal's own page: her energy and her leadership journal."""
