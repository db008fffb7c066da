"""The ILT self-check: check-ins, their chart and wording."""
