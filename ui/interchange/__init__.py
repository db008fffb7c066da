"""Open records: the journal, a lead or a range out in open formats (Markdown, JSON, CSV), and
notes from other apps and files in, after a preview (the core: ``iltdesk.interchange``)."""
