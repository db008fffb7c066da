"""The encrypted store: one SQLCipher file per journal."""
