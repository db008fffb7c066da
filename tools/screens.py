"""Render the app's screens to PNG files, to look at them (light or dark).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screens.py OUT_DIR [light|dark]

Builds a throwaway demo journal in a temporary folder; touches nothing of the user's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def _grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    out = Path(sys.argv[1])
    os.environ["ILTDESK_THEME"] = sys.argv[2] if len(sys.argv) > 2 else "light"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from iltdesk.demo import build_demo
    from iltdesk.lead import lead_summaries
    from iltdesk.store.journal import Journal
    from ui.journal.create_dialog import CreateJournalDialog
    from ui.journal.settings_dialog import SettingsDialog
    from ui.journal.unlock import UnlockDialog
    from ui.journal.welcome import WelcomeWindow
    from ui.kit import theme
    from ui.kit.context import AppContext
    from ui.lead.page import ONE_ON_ONES
    from ui.navigation.search_dialog import SearchDialog
    from ui.navigation.switcher import QuickSwitcher
    from ui.shell.main_window import MainWindow

    theme.apply(app)
    suffix = os.environ["ILTDESK_THEME"]
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal.create(Path(tmp) / "demo.iltdesk", "demo")
        build_demo(journal)
        window = MainWindow(AppContext(journal))
        window.resize(1280, 800)  # the README's pictures: a common laptop
        window.show()
        _grab(window, out / f"today-{suffix}.png")
        window.show_lead(lead_summaries(journal)[-1].id)
        _grab(window, out / f"lead-overview-{suffix}.png")
        window.lead_page.tabs.setCurrentIndex(ONE_ON_ONES)
        _grab(window, out / f"lead-one-on-ones-{suffix}.png")
        page = window.lead_page
        page.one_on_ones.editor.verticalScrollBar().setValue(10_000)  # down to the action items
        _grab(window, out / f"lead-one-on-ones-items-{suffix}.png")
        page.one_on_ones.editor.verticalScrollBar().setValue(0)
        for name, tab in (
            ("action-items", page.action_items),
            ("cycles", page.cycles),
            ("observations", page.observations),
            ("agreement", page.agreement),
            ("timeline", page.timeline),
        ):
            page.tabs.setCurrentWidget(tab)
            _grab(window, out / f"lead-{name}-{suffix}.png")
        unlock = UnlockDialog(journal.path, message="That passphrase does not unlock this journal.")
        unlock.show()
        _grab(unlock, out / f"unlock-{suffix}.png")
        create = CreateJournalDialog()
        create.passphrase.setText("maple river chalk")
        create.show()
        _grab(create, out / f"create-{suffix}.png")
        for key in (
            "challenges",
            "self_check",
            "tensions",
            "charter",
            "frameworks",
            "my_leadership",
        ):
            window.sidebar.select_page(key)
            _grab(window, out / f"reflect-{key}-{suffix}.png")
        for key in ("ilt_meetings", "teacher_teams", "conversations", "team_overview"):
            window.sidebar.select_page(key)
            _grab(window, out / f"team-{key}-{suffix}.png")
        context = window.context
        search = SearchDialog(context, window)
        search.show()
        search.set_query("release time")
        QTest.qWait(400)
        _grab(search, out / f"search-{suffix}.png")
        switcher = QuickSwitcher(context, window)
        switcher.show()
        switcher.field.setText("ma")
        _grab(switcher, out / f"switcher-{suffix}.png")
        settings = SettingsDialog(context, window)
        settings.show()
        _grab(settings, out / f"settings-{suffix}.png")
        from ui.shell.help import ShortcutSheet

        sheet = ShortcutSheet(window.menuBar(), window)
        sheet.show()
        _grab(sheet, out / f"shortcuts-{suffix}.png")
        welcome = WelcomeWindow()
        welcome.show()
        _grab(welcome, out / f"welcome-{suffix}.png")
        window.release()
        journal.close()


if __name__ == "__main__":
    main()
