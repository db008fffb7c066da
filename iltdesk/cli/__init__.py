"""The ``iltdesk`` command line."""
