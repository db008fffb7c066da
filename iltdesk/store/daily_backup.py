"""Kept for importers; see iltdesk.store.backups."""

from iltdesk.store.backups.copy import WRITE_BACK_EVERY_S
from iltdesk.store.backups.daily import PreparedBackup, prepare

__all__ = ["WRITE_BACK_EVERY_S", "PreparedBackup", "prepare"]
