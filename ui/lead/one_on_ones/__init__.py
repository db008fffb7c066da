"""A lead's 1:1s: the list and the editor with its agenda and action items."""
