"""A lead's coaching agreement: the page, its dialog and the popup shown in a 1:1."""
