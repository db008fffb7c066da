"""Every named colour of the app, light and dark: the one table widgets and the style sheet read.

``LOOKS[dark][name]`` (False: light, True: dark); widgets read it through ``theme.colour(name)``
when they paint or write a style sheet, so a change of look restyles them. Names say what a
colour means, not what it looks like. Each text colour reads at 4.5:1 where it is used, and
marks and outlines at 3:1 (tests/test_ui_contrast.py checks both looks). ``QT_ROLES`` holds
the colours of Qt's palette roles per look. This is the one module under ui/ that writes colour
values (tests/test_one_palette.py).
"""

from __future__ import annotations

ACCENT = "#2f6f73"  # a calm teal: serious, not clinical
HIGHLIGHT_LIGHT = "#fff1a8"
HIGHLIGHT_DARK = "#6b5d1a"
# app.svg carries its own colours (no @COLOR in it): this only names the one it is drawn in.
APP_ICON = "#000000"

_LIGHT: dict[str, str] = {
    # -- the app's own -------------------------------------------------------------------------
    "accent": ACCENT,  # filled buttons and selections, with 'on_accent' text
    "accent_text": ACCENT,  # the accent as text on the page
    "on_accent": "#ffffff",
    "focus": ACCENT,
    # The ring of a focused filled button: the focus colour is its own fill in light.
    "focus_on_accent": "#000000",
    "edge": "#7d878f",
    "error": "#b3261e",
    "late": "#8a5300",
    "highlight": HIGHLIGHT_LIGHT,
    # A search hit's mark text on this look's highlight (selected rows' own text is white).
    "on_highlight": "#1d2327",
    "overdue": "#b3261e",  # the warm red for overdue things: 4.5:1 on the look's background
    "muted": "#7a848c",  # a search hit's details where no view's palette is at hand
    "disabled_text": "#8a949c",  # inactive controls: WCAG asks no contrast of them
    # -- an agreement's changes: added and removed lines (text, background) --------------------
    "added_text": "#1e5631",
    "added_bg": "#e3f3e6",
    "removed_text": "#8c1d18",
    "removed_bg": "#fbe7e5",
    # -- complex challenges: the forces board --------------------------------------------------
    # Each column has its own quiet colour, picked to read on both the light and the dark card.
    "force_hinders": "#b8483b",
    "force_asset": "#3b7f50",
    "force_move": "#2f6f73",
    "force_context": "#6a7683",
    # Cards sit a step lighter than their column in both looks.
    "board_column": "#e7eaed",
    "board_card": "#ffffff",
    "board_edge": "#d0d6db",
    "board_selected": "#eef6f6",
    "board_chip": "#e0efef",
    "board_chip_text": "#245a5d",
    # -- complex challenges: the log's tinted tags (background, text) --------------------------
    "log_decision_bg": "#e0efef",
    "log_decision_text": "#245a5d",
    "log_change_bg": "#e3f1e6",
    "log_change_text": "#2d6a3f",
    "log_learning_bg": "#f4ead9",
    "log_learning_text": "#7a4d0c",
    # -- the charter ---------------------------------------------------------------------------
    "notice_bg": "#fff5de",  # the balance hint
    "notice_edge": "#e5c88a",
    "notice_text": "#6b4500",
    "plus_text": "#1e6b34",  # a meeting's plus and delta headings
    "delta_text": "#9a4a00",
    "feedback_latest_bg": "#eef6f6",  # the last meeting's card
    # Each strand of the scope and sequence; every one reads at 4.5:1 on the base.
    "strand_data": "#2b6aa3",
    "strand_observation_feedback": "#9a5a00",
    "strand_professional_learning": "#7145a8",
    # A tinted (not solid) selection: a solid accent would swallow the strand tags' colours.
    "scope_selected_bg": "#dcebec",
    # -- the self-check ------------------------------------------------------------------------
    # Mid-tone hues with at least 3:1 on both looks' cards, so an area keeps its colour when
    # the look changes.
    "area_learning_teaching": "#3b82c4",
    "area_school_culture": "#c97a1e",
    "area_talent": "#8e6bd6",
    "area_planning_operations": "#1f9a7a",
    "area_personal_leadership": "#d0508a",
    "area_unknown": "#7a848c",
    # A rise and a fall: the text reads at 4.5:1 on its pill and on the page, so a change never
    # depends on the arrow's colour alone (the arrow says it too).
    "rise_text": "#1b6b45",
    "rise_bg": "#dcf1e4",
    "fall_text": "#a3261e",
    "fall_bg": "#fbe3e0",
    # -- tensions ------------------------------------------------------------------------------
    "leaning_step_edge": "#b8c0c7",  # the five steps of the leaning picker
}

_DARK: dict[str, str] = {
    "accent": "#2e7a7f",
    "accent_text": "#7cc4c8",
    "on_accent": "#ffffff",
    "focus": "#6cc0c5",
    "focus_on_accent": "#ffffff",
    "edge": "#7d878f",
    "error": "#f2a196",
    "late": "#e8b96a",
    "highlight": HIGHLIGHT_DARK,
    "on_highlight": "#fff6d5",
    "overdue": "#f2a196",
    "muted": "#7a848c",
    "disabled_text": "#8a949c",
    "added_text": "#b9e8c3",
    "added_bg": "#1f3a28",
    "removed_text": "#f5bcb6",
    "removed_bg": "#45211f",
    "force_hinders": "#e58f82",
    "force_asset": "#86c89c",
    "force_move": "#7cc4c8",
    "force_context": "#a5b0bb",
    "board_column": "#191c1f",
    "board_card": "#2b3136",
    "board_edge": "#3e464d",
    "board_selected": "#24393b",
    "board_chip": "#1f3c3e",
    "board_chip_text": "#a6dadd",
    "log_decision_bg": "#1f3c3e",
    "log_decision_text": "#a6dadd",
    "log_change_bg": "#20362a",
    "log_change_text": "#9fd3ae",
    "log_learning_bg": "#3b3121",
    "log_learning_text": "#e8c58a",
    "notice_bg": "#3a3220",
    "notice_edge": "#6b5a2e",
    "notice_text": "#f0d49a",
    "plus_text": "#8fd19e",
    "delta_text": "#f0b27a",
    "feedback_latest_bg": "#243a3c",
    "strand_data": "#8dbbe9",
    "strand_observation_feedback": "#e7b767",
    "strand_professional_learning": "#c5a6f0",
    "scope_selected_bg": "#2f4a4c",
    "area_learning_teaching": "#3b82c4",
    "area_school_culture": "#c97a1e",
    "area_talent": "#8e6bd6",
    "area_planning_operations": "#1f9a7a",
    "area_personal_leadership": "#d0508a",
    "area_unknown": "#7a848c",
    "rise_text": "#93dcb2",
    "rise_bg": "#1e3b2c",
    "fall_text": "#f4a79c",
    "fall_bg": "#4a2623",
    "leaning_step_edge": "#5a646c",
}

# Named colours per look (False: light, True: dark), for the style sheet (@ACCENT_TEXT...)
# and for widgets that paint.
LOOKS: dict[bool, dict[str, str]] = {False: _LIGHT, True: _DARK}

# Qt's palette roles per look (QPalette.ColorRole names), for Fusion's windows, fields and
# buttons; ui.kit.theme builds the QPalette from them. The selection and links are the
# app's accent, so they are read from the look above.
QT_ROLES: dict[bool, dict[str, str]] = {
    True: {
        "Window": "#1f2326",
        "WindowText": "#e6e8ea",
        "Base": "#272c30",
        "AlternateBase": "#2d3338",
        "Text": "#e6e8ea",
        "Button": "#2d3338",
        "ButtonText": "#e6e8ea",
        "ToolTipBase": "#2d3338",
        "ToolTipText": "#e6e8ea",
        "PlaceholderText": "#9aa4ac",
        "Highlight": _DARK["accent"],
        "HighlightedText": _DARK["on_accent"],
        "Link": _DARK["accent_text"],
        "Mid": "#3a4147",
        "Dark": "#15181a",
        "Shadow": "#0d0f10",
        "Light": "#3a4147",
        "Midlight": "#333a40",
    },
    False: {
        "Window": "#f4f5f6",
        "WindowText": "#1d2327",
        "Base": "#ffffff",
        "AlternateBase": "#f7f8f9",
        "Text": "#1d2327",
        "Button": "#eceef0",
        "ButtonText": "#1d2327",
        "ToolTipBase": "#ffffff",
        "ToolTipText": "#1d2327",
        "PlaceholderText": "#5f6a72",
        "Highlight": _LIGHT["accent"],
        "HighlightedText": _LIGHT["on_accent"],
        "Link": _LIGHT["accent_text"],
        "Mid": "#d5d9dd",
        "Dark": "#aab2b9",
        "Shadow": "#7d868e",
        "Light": "#ffffff",
        "Midlight": "#e7eaed",
    },
}
