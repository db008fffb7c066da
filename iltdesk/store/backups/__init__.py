"""Backups of a journal, one module per job.

- ``integrity``: checking a journal or a copy of it (``check``, ``CheckReport``);
- ``copy``: writing one verified backup copy, the single way every backup is taken
  (``write_verified``): by hand (``backup``), before a migration, by rotation and daily;
- ``restoring``: putting a backup in place of a journal, the old one kept beside it;
- ``rotation``: the automatic backups' folder, names, listing, retention and when one is due;
- ``daily``: the day's backup, prepared on unlock and copied in steps off the UI thread;
- ``files``: the names kept copies get and what a failed write is told as.

Changing a journal's passphrase is not a backup: it lives in ``iltdesk.store.rekey``.
"""

from iltdesk.destination import backups_dir
from iltdesk.store.backups.copy import (
    WRITE_BACK_EVERY_S,
    CopyMethod,
    Exported,
    Stepped,
    backup,
    backup_before_migration,
    export,
    write_backup,
    write_verified,
)
from iltdesk.store.backups.daily import PreparedBackup, prepare
from iltdesk.store.backups.integrity import CheckReport, check, check_connection, verify_file
from iltdesk.store.backups.restoring import (
    ensure_not_open,
    restore,
    restore_checked,
    restore_from,
    restore_with,
)
from iltdesk.store.backups.rotation import (
    AUTOMATIC_KEY,
    FOLDER_KEY,
    KEEP_DAILY,
    KEEP_WEEKLY,
    BackupEntry,
    Kind,
    automatic_backups,
    backup_folder,
    backup_name,
    chosen_folder,
    disk_full,
    due,
    folder_unusable,
    is_enabled,
    list_backups,
    local_time,
    prune,
    retained,
    set_enabled,
    set_folder,
    take,
    take_if_due,
    usable_folder,
)

__all__ = [
    "AUTOMATIC_KEY",
    "FOLDER_KEY",
    "KEEP_DAILY",
    "KEEP_WEEKLY",
    "WRITE_BACK_EVERY_S",
    "BackupEntry",
    "CheckReport",
    "CopyMethod",
    "Exported",
    "Kind",
    "PreparedBackup",
    "Stepped",
    "automatic_backups",
    "backup",
    "backup_before_migration",
    "backup_folder",
    "backup_name",
    "backups_dir",
    "check",
    "check_connection",
    "chosen_folder",
    "disk_full",
    "due",
    "ensure_not_open",
    "export",
    "folder_unusable",
    "is_enabled",
    "list_backups",
    "local_time",
    "prepare",
    "prune",
    "restore",
    "restore_checked",
    "restore_from",
    "restore_with",
    "retained",
    "set_enabled",
    "set_folder",
    "take",
    "take_if_due",
    "usable_folder",
    "verify_file",
    "write_backup",
    "write_verified",
]
