"""Allow ``python -m iltdesk``."""

from iltdesk.cli.main import main

raise SystemExit(main())
