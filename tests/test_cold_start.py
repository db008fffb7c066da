"""The window comes up on Today without the ORM or a lead's page loaded (the cold-start goal).

Each test runs a fresh interpreter: this one has long since imported everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

from iltdesk.action_item import add_action_item
from iltdesk.lead import add_lead
from iltdesk.models import Author
from iltdesk.store.journal import Journal
from tests.conftest import PASSPHRASE, REPO

LATER = (
    "ui.lead.page",
    "ui.lead.one_on_ones.view",
    "ui.lead.cycles.view",
    "ui.journal.settings_dialog",
    "ui.navigation.search_dialog",
    "ui.reflect.challenges.page",
    "ui.reflect.self_check.page",
    "ui.reflect.tensions.page",
    "zxcvbn",  # its frequency lists load at the first judged passphrase, not at start
)
ORM = ("sqlalchemy", "sqlmodel", "alembic", "iltdesk.models")

WINDOW = f"""
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from iltdesk.store.journal import Journal, load_orm
from ui.kit.context import AppContext
from ui.shell.main_window import MainWindow
journal = Journal.open(Path(sys.argv[1]), os.environ["TEST_PASSPHRASE"])
window = MainWindow(AppContext(journal))
window.show()
app.processEvents()
tree = window.today.tree
print([tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())])
print([tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount())])
print(sorted(m for m in {ORM + LATER!r} if m in sys.modules))
load_orm()
window.sidebar.select_lead(int(sys.argv[2]))
print(window.lead_page.name.text())
window.close()
journal.close()
"""


def _run(code: str, *args: str) -> list[str]:
    env = {**os.environ, "TEST_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()


def test_importing_the_window_loads_neither_the_orm_nor_a_leads_page() -> None:
    code = (
        f"import sys, ui.shell.app; print(sorted(m for m in {ORM + LATER!r} if m in sys.modules))"
    )
    assert _run(code) == ["[]"]


def test_the_window_shows_today_and_the_leads_from_plain_sql_then_loads_the_orm(
    journal: Journal,
) -> None:
    maya = add_lead(journal, "Maya Ortiz", on_ilt_since=date.today() - timedelta(days=3))
    add_action_item(
        journal, maya.id or 0, "Share the protocol", owner=Author.lead, due_on=date.today()
    )
    journal.close()
    sections, rows, loaded, lead_title = _run(WINDOW, str(journal.path), str(maya.id))
    assert sections == "['Due this week']"
    assert rows == "['Share the protocol — Maya Ortiz']"
    assert loaded == "[]"  # the window is up: no ORM, no lead page yet
    assert lead_title == "Maya Ortiz"  # and after the ORM loaded, a lead opens as ever
