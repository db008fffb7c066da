"""The Qt desktop interface. It imports ``iltdesk``; the core never imports it."""
