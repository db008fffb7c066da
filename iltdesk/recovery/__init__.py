"""The recovery kit: a way back into a journal whose passphrase is forgotten.

The journal stays a stock SQLCipher 4 file keyed by its passphrase alone; recovery is an
addition that can only help. A recovery key (printed on the recovery sheet, never stored)
derives an X25519 key pair; the journal keeps only the public half. Each time a passphrase
is set, it is sealed to that public key into a small escrow file beside the journal and in
its backups folder. The sheet's key opens the escrow; the escrow's passphrase opens the
journal. See docs/security.md for the threat model and docs/format.md for the file format.
"""

# The journal settings the kit keeps (read before the kit's cryptography is imported: the
# app's unlock looks for a kit without paying for it).
PUBLIC_KEY = "recovery_public_key"
MADE_AT = "recovery_made_at"
ESCROW = "recovery_escrow"
SEALED_FOR = "recovery_sealed_for"
