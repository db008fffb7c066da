"""Every text/background pair the theme and the style sheet define reads at WCAG AA in both
looks: 4.5:1 for text, 3:1 for large text and for control outlines and the focus ring."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from ui.kit import theme

Role = QPalette.ColorRole
TEXT, LARGE, OUTLINE = 4.5, 3.0, 3.0
# Where text without a background of its own may sit.
SURFACES = (Role.Window, Role.Base, Role.AlternateBase)
PALETTE_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.HighlightedText, Role.Highlight),
    *[(Role.PlaceholderText, surface) for surface in (*SURFACES, Role.Button)],
    *[(Role.Link, surface) for surface in SURFACES],
]
LOOKS = (False, True)


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    c = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def ratio(one: str, other: str) -> float:
    """WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _colour(value: str, dark: bool) -> str | None:
    """A style-sheet colour as #rrggbb (None: transparent or not a colour)."""
    found = re.fullmatch(r"palette\(([a-z-]+)\)", value)
    if found:
        role = getattr(Role, found.group(1).title().replace("-", ""))
        return theme.PALETTES[dark][role]
    if value == "transparent":
        return None  # the surface below shows through
    return QColor(value).name() if QColor.isValidColorName(value) else None


def _rules(dark: bool) -> list[tuple[str, dict[str, str]]]:
    return rules_of(theme.style_sheet(dark))


def rules_of(sheet: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: value}) for each rule of a style sheet."""
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        rules.append((" ".join(selector.split()), declarations))
    return rules


def _large(declarations: dict[str, str]) -> bool:
    size = re.match(r"(\d+)px", declarations.get("font-size", ""))
    px = int(size.group(1)) if size else 0
    bold = declarations.get("font-weight", "") in {"600", "700", "bold"}
    return px >= 24 or (bold and px >= 19)


def _sheet_text_pairs(dark: bool) -> list[tuple[str, str, str, float]]:
    return sheet_text_pairs(theme.style_sheet(dark), dark)


def sheet_text_pairs(sheet: str, dark: bool) -> list[tuple[str, str, str, float]]:
    """(where, text, background, needed) for each rule of ``sheet`` that sets a text colour
    (one pair for each surface text may sit on, where the rule sets no background)."""
    pairs = []
    for selector, declarations in rules_of(sheet):
        if ":disabled" in selector or "color" not in declarations:
            continue  # inactive controls: WCAG asks no contrast of them
        text = _colour(declarations["color"], dark)
        assert text is not None, f"{selector}: colour {declarations['color']!r} not understood"
        background = _colour(declarations.get("background", ""), dark)
        grounds = [background] if background else [theme.PALETTES[dark][s] for s in SURFACES]
        needed = LARGE if _large(declarations) else TEXT
        pairs += [(selector, text, ground, needed) for ground in grounds]
    return pairs


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_palette_text_reads_on_its_background(dark: bool) -> None:
    colours = theme.PALETTES[dark]
    low = [
        (text.name, ground.name, round(ratio(colours[text], colours[ground]), 2))
        for text, ground in PALETTE_PAIRS
        if ratio(colours[text], colours[ground]) < TEXT
    ]
    assert low == []


def _named_pairs(dark: bool) -> list[tuple[str, str, str, float]]:
    """(name, colour, background, needed) for the app's own named colours, where drawn."""
    look, colours = theme.LOOKS[dark], theme.PALETTES[dark]
    grounds = [colours[s] for s in SURFACES]
    texts = ("accent_text", "error", "late", "overdue")
    pairs = [(name, look[name], g, TEXT) for name in texts for g in grounds]
    pairs += [("on_accent", look["on_accent"], look["accent"], TEXT)]
    pairs += [("text on highlight", colours[Role.Text], look["highlight"], TEXT)]
    # A search hit's mark: its own text colour on the highlight, selected or not.
    pairs += [("on_highlight", look["on_highlight"], look["highlight"], TEXT)]
    # An agreement's added and removed lines, each on its own tint.
    pairs += [(k, look[f"{k}_text"], look[f"{k}_bg"], TEXT) for k in ("added", "removed")]
    pairs += [
        (name, look[name], g, OUTLINE)
        for name in ("focus", "edge")
        for g in (*grounds, colours[Role.Button])
    ]
    # A focused filled button's ring, against its own fill and the page around it (in light
    # the focus colour was the fill itself: a focused Create showed no ring).
    pairs += [
        ("focus_on_accent", look["focus_on_accent"], g, OUTLINE) for g in (*grounds, look["accent"])
    ]
    return pairs


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_named_colours_read_where_they_are_used(dark: bool) -> None:
    pairs = _named_pairs(dark)
    low = [(n, t, g, round(ratio(t, g), 2)) for n, t, g, need in pairs if ratio(t, g) < need]
    assert low == []


# Named colours no contrast test above checks, and why.
UNCHECKED = {
    "disabled_text": "inactive controls: WCAG asks no contrast of them",
    "muted": "only hit_html's default outside a view; a view passes its placeholder colour",
    # Hairlines of parts that their fill and their own text already set apart.
    "board_edge": "a forces card's hairline: the card stands out by its fill and its text",
    "notice_edge": "the balance hint's hairline: its tinted fill and text make it a notice",
    "leaning_step_edge": "a leaning step's hairline: its label names it, the chosen one is filled",
    "area_unknown": "a grey mark for an area no longer known: the name beside it says which",
}


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_every_named_colour_is_checked_or_said_why_not(dark: bool) -> None:
    """A colour added to ui/kit/palette.py is checked where it is drawn, or said why not."""
    pairs = _named_pairs(dark) + _reflect_pairs(dark)
    checked = {c for _, text, ground, _ in pairs for c in (text, ground)}
    look = theme.LOOKS[dark]
    unseen = sorted(n for n, c in look.items() if c not in checked and n not in UNCHECKED)
    assert unseen == []


def test_both_looks_name_the_same_colours() -> None:
    assert sorted(theme.LOOKS[False]) == sorted(theme.LOOKS[True])
    assert set(theme.PALETTES[False]) == set(theme.PALETTES[True])


def _reflect_pairs(dark: bool) -> list[tuple[str, str, str, float]]:
    """(name, colour, background, needed) for the Reflect pages' own colours, where drawn."""
    look, colours = theme.LOOKS[dark], theme.PALETTES[dark]
    grounds = [colours[s] for s in SURFACES]
    pills = [f"log_{kind}" for kind in ("decision", "change", "learning")] + ["rise", "fall"]
    pairs = [(p, look[f"{p}_text"], look[f"{p}_bg"], TEXT) for p in pills]
    pairs += [("board_chip_text", look["board_chip_text"], look["board_chip"], TEXT)]
    pairs += [("notice_text", look["notice_text"], look["notice_bg"], TEXT)]
    page_texts = ("rise_text", "fall_text", "plus_text", "delta_text")
    pairs += [(n, look[n], g, TEXT) for n in page_texts for g in grounds]
    pairs += [(n, look[n], look["feedback_latest_bg"], TEXT) for n in ("plus_text", "delta_text")]
    strands = [n for n in look if n.startswith("strand_")]
    pairs += [(n, look[n], colours[s], TEXT) for n in strands for s in (Role.Base, Role.Window)]
    # Marks (a card's strip, a chart's line and dots): 3:1 on what they are drawn on.
    forces = [n for n in look if n.startswith("force_")]
    cards = (look["board_card"], look["board_column"])
    pairs += [(n, look[n], g, OUTLINE) for n in forces for g in cards]
    areas = [n for n in look if n.startswith("area_") and n != "area_unknown"]
    pairs += [(n, look[n], colours[s], OUTLINE) for n in areas for s in (Role.Base, Role.Window)]
    selections = ("scope_selected_bg", "board_card", "board_selected", "feedback_latest_bg")
    pairs += [(f"text on {n}", colours[Role.Text], look[n], TEXT) for n in selections]
    return pairs


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_reflect_colours_read_where_they_are_drawn(dark: bool) -> None:
    pairs = _reflect_pairs(dark)
    assert len(pairs) > 40
    low = [(n, t, g, round(ratio(t, g), 2)) for n, t, g, need in pairs if ratio(t, g) < need]
    assert low == []


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_every_style_sheet_colour_reads_on_its_background(dark: bool) -> None:
    pairs = _sheet_text_pairs(dark)
    assert len(pairs) > 20  # the sheet was read and its colours understood
    low = [(s, t, g, round(ratio(t, g), 2)) for s, t, g, need in pairs if ratio(t, g) < need]
    assert low == []


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_every_focus_ring_and_outline_in_the_sheet_stands_out(dark: bool) -> None:
    grounds = [theme.PALETTES[dark][s] for s in (*SURFACES, Role.Button)]
    rings = []
    for selector, declarations in _rules(dark):
        for name, value in declarations.items():
            if not name.startswith(("border", "outline")) or ":disabled" in selector:
                continue
            if ":focus" in selector or "@EDGE" in value or theme.LOOKS[dark]["edge"] in value:
                rings += [(selector, word) for word in value.split() if word.startswith("#")]
    assert len(rings) >= 5
    low = [(s, c, g) for s, c in rings for g in grounds if ratio(c, g) < OUTLINE]
    assert low == []


def test_the_cases_seen_in_issue_16_are_fixed() -> None:
    """Dark overdue text, white on the dark teal, the light secondary grey."""
    dark, light = theme.PALETTES[True], theme.PALETTES[False]
    assert ratio(theme.LOOKS[True]["error"], dark[Role.Base]) >= TEXT
    assert ratio("#ffffff", theme.LOOKS[True]["accent"]) >= TEXT
    assert ratio(light[Role.PlaceholderText], light[Role.Window]) >= TEXT


@pytest.mark.parametrize("dark", LOOKS, ids=["light", "dark"])
def test_the_scroll_bar_handle_stands_out_on_its_track(dark: bool) -> None:
    """Fusion's handle was 1:1 on its groove (dark) and on the page (light)."""
    rules = _rules(dark)

    def backgrounds(pattern: str) -> dict[str, str | None]:
        return {s: _colour(d["background"], dark) for s, d in rules if re.fullmatch(pattern, s)}

    tracks = backgrounds(r"QScrollBar:(vertical|horizontal)")
    handles = backgrounds(r"QScrollBar::handle:(vertical|horizontal)")
    assert set(tracks) == {"QScrollBar:vertical", "QScrollBar:horizontal"}
    assert set(handles) == {"QScrollBar::handle:vertical", "QScrollBar::handle:horizontal"}
    low = [
        (h, t, round(ratio(handle, track), 2))
        for h, handle in handles.items()
        for t, track in tracks.items()
        if handle is None or track is None or ratio(handle, track) < OUTLINE
    ]
    assert low == []
