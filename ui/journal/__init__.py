"""The journal as a file: welcome, create, unlock, passphrase, settings and backups."""
