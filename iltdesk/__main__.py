"""Allow ``python -m iltdesk``."""

from iltdesk.cli.main import run

run()
