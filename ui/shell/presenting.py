"""Presenter mode in the main window: the banner across its top while it is on, and a cover
over the pages that are the principal's own through and through (My leadership, Difficult
conversations). Fields inside shared pages are hidden by the pages themselves
(``ui.kit.presenter.Presenter.keep_private``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from iltdesk.presenting import is_private
from ui.kit import theme
from ui.kit.pages import ReflectPage
from ui.kit.presenter import SHORTCUT, Presenter
from ui.navigation.leads_sidebar import REFLECT_PAGES, TEAM_PAGES
from ui.shell.section_pages import PAGE_OF_KIND, SectionPages

# A page is covered when every kind of record it shows is private (the core's rule).
PRIVATE_PAGES = frozenset(
    page
    for page in set(PAGE_OF_KIND.values())
    if all(is_private(kind) for kind, shown_on in PAGE_OF_KIND.items() if shown_on is page)
)

PAGE_TITLES = {key: title for key, title, _icon in (*TEAM_PAGES, *REFLECT_PAGES)}


class PresenterBanner(QFrame):
    """The strip that says presenter mode is on, with a button that turns it off (reached by
    Tab like any button, or by the shortcut the text names)."""

    def __init__(self, presenter: Presenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PresenterBanner")
        self.text = QLabel(
            self.tr("Presenter mode: private notes are hidden. {shortcut} to show them.").format(
                shortcut=SHORTCUT
            )
        )
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Stop presenting"))
        self.button.setToolTip(
            self.tr("Show your private notes again ({SHORTCUT})").format(SHORTCUT=SHORTCUT)
        )
        self.button.clicked.connect(lambda: presenter.set_on(False))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.setAccessibleName(self.tr("Presenter mode is on"))
        theme.live_style(self, _banner_sheet)
        self.setVisible(presenter.on)
        presenter.changed.connect(self.setVisible)


def _banner_sheet() -> str:
    # The accent band is loud enough to be seen from across a meeting table, in either look.
    accent, on_accent = theme.colour("accent"), theme.colour("on_accent")
    return (
        f"#PresenterBanner {{ background: {accent}; }}"
        f"#PresenterBanner QLabel {{ color: {on_accent}; font-weight: 600; }}"
        f"#PresenterBanner QPushButton {{ color: {accent}; background: {on_accent};"
        f" border: 1px solid {on_accent}; border-radius: 4px; padding: 4px 12px; }}"
        f"#PresenterBanner QPushButton:focus {{ border: 2px solid"
        f" {theme.colour('focus_on_accent')}; }}"
    )


def with_banner(banner: QWidget, content: QWidget) -> QWidget:
    """``content`` with ``banner`` across its top, edge to edge."""
    both = QWidget()
    column = QVBoxLayout(both)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(content, 1)
    return both


class PrivatePageCover(QWidget):
    """Stands in for a wholly private page on the window's stack while presenting: going to
    My leadership then shows this, and turning presenter mode off shows the page again."""

    def __init__(self, presenter: Presenter, stack: QStackedWidget, sections: SectionPages) -> None:
        super().__init__()
        self._presenter, self._stack, self._sections = presenter, stack, sections
        self._covered: QWidget | None = None  # the page this stands in for
        self.title = title = QLabel()
        title.setObjectName("SectionTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr("It holds only your own notes. Press {SHORTCUT} to show it again.").format(
                SHORTCUT=SHORTCUT
            )
        )
        hint.setObjectName("Hint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(hint)
        column.addStretch(3)
        # On the stack only once it is first needed: the window starts with Today alone.
        stack.currentChanged.connect(lambda _index: self._follow())
        presenter.changed.connect(lambda _on: self._follow())

    def _private_pages(self) -> dict[QWidget, ReflectPage]:
        pages = self._sections.pages
        return {pages[key]: key for key in PRIVATE_PAGES if key in pages}

    def _follow(self) -> None:
        current = self._stack.currentWidget()
        if current is self:
            if not self._presenter.on and self._covered is not None:
                self._stack.setCurrentWidget(self._covered)
            return
        self._covered = None
        key = self._private_pages().get(current) if current is not None else None
        if self._presenter.on and key is not None:
            self._covered = current
            self.title.setText(
                self.tr("{value} is hidden while you present.").format(
                    value=QCoreApplication.translate("leads_sidebar", PAGE_TITLES[key])
                )
            )
            if self._stack.indexOf(self) < 0:
                self._stack.addWidget(self)
            self._stack.setCurrentWidget(self)
