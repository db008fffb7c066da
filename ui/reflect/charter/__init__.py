"""The ILT charter: vision, scope and sequence, and meeting plus/delta."""
