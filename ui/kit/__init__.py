"""What every feature shares: the look (theme, colours, styles), fields, lists and their roles,
the Markdown editor, icons, the unsaved-text guard and work off the UI thread.

Imports no feature."""
