"""Open records: the journal's records in and out of plain formats.

Every exporter writes from, and every importer reads into, one ``Document`` (``document``):
rows of the journal's own tables as JSON values, linked by the ids of the place they came
from. ``dump`` reads a scope of a journal into one; ``load`` plans and applies one to a
journal (previewed, idempotent, all or nothing). The formats only translate.
"""
