"""Kept for importers; see iltdesk.store.backups."""

from iltdesk.store.backups import (
    CheckReport,
    backup,
    backup_before_migration,
    backups_dir,
    check,
    check_connection,
    ensure_not_open,
    restore,
    restore_with,
    write_backup,
)
from iltdesk.store.backups.files import stamp as _stamp  # tests/reliability/test_t11 sets it
from iltdesk.store.rekey import rekey

__all__ = [
    "CheckReport",
    "_stamp",
    "backup",
    "backup_before_migration",
    "backups_dir",
    "check",
    "check_connection",
    "ensure_not_open",
    "rekey",
    "restore",
    "restore_with",
    "write_backup",
]
