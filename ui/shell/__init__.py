"""The app's life and its window: start, unlock and lock, the main window, menus, help, the
day's automatic backup and shutdown. The only part of ui/ that puts features together."""
