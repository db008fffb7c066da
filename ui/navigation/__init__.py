"""Getting around: the leads sidebar, Today, the switcher (Ctrl+K) and search (Ctrl+F)."""
