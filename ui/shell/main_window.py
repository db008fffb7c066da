"""The window a principal lives in: leads on the left, Today or a lead's page on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from iltdesk.errors import JournalError
from iltdesk.presenting import search_allowed
from iltdesk.record_kinds import RecordKind
from iltdesk.records import locate
from iltdesk.store.journal import Journal
from ui.kit import preferences
from ui.kit.context import AppContext
from ui.kit.icons import app_icon
from ui.kit.pages import ReflectPage
from ui.navigation.leads_sidebar import LeadsSidebar
from ui.navigation.today_page import TodayPage
from ui.shell.idle import IDLE_CHECK_MS, INPUT_EVENTS, idle_clock
from ui.shell.menus import WindowMenus
from ui.shell.presenting import PresenterBanner, PrivatePageCover, with_banner
from ui.shell.section_pages import PAGE_OF_KIND, SectionPages
from ui.shell.window_geometry import default_size, keep_geometry, restore_geometry

if TYPE_CHECKING:
    from iltdesk.models import Lead
    from ui.lead.page import LeadPage
    from ui.trash.page import TrashPage

# The lead page, the dialogs and the Reflect pages are imported when first used: the window
# then comes up with only what Today needs loaded (the cold-start goal).


# Team records that name a lead (who put an agenda item on, whose conversation it is) still
# live on their Team page, not on the lead's.
ON_SECTION_PAGE = frozenset({RecordKind.MEETING_AGENDA_ITEM, RecordKind.CONVERSATION})


class MainWindow(QMainWindow):
    """Sidebar, pages, menus and the save indicator. ``lock_requested`` asks the app to lock."""

    lock_requested = Signal()
    # For the app: Journal > New… and Open… (a Path, or None to choose a file). Pending text
    # is saved first; switching journals is the app's business.
    new_journal_requested = Signal()
    open_journal_requested = Signal(object)
    # The journal is about to be closed (lock or quit): work still due on it is finished now
    # (True: the process is being ended by someone else, so only briefly)...
    finishing = Signal(bool)
    # ...and then whatever waits on it lets go.
    released = Signal()

    def __init__(
        self,
        context: AppContext,
        idle_minutes: int | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self._released = False
        self.clock = clock or idle_clock  # looked up here, so a test can patch ``idle_clock``
        self.last_input = self.clock()
        self.setWindowTitle(self._title())
        self.setWindowIcon(app_icon())
        self.resize(default_size(self))
        self.sidebar = LeadsSidebar(context)
        self.today = TodayPage(context, load=False)  # the first show_today reads it
        self._lead_page: LeadPage | None = None
        self._trash_page: TrashPage | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self.today)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.banner = PresenterBanner(context.presenter)  # across the top while presenting
        self.setCentralWidget(with_banner(self.banner, splitter))
        self.save_state = QLabel(self.tr("All changes saved"))
        self.save_state.setObjectName("Hint")
        self.statusBar().addPermanentWidget(self.save_state)
        self.reflect = SectionPages(context, self.pages)
        self.private_cover = PrivatePageCover(context.presenter, self.pages, self.reflect)
        self.sidebar.today_selected.connect(self.show_today)
        self.sidebar.trash_selected.connect(self.show_trash)
        self.sidebar.lead_selected.connect(self.show_lead)
        self.sidebar.page_selected.connect(self.show_reflect_page)
        self.sidebar.add_lead_requested.connect(self.add_lead)
        self.today.add_lead_requested.connect(self.add_lead)
        context.open_record.connect(self.open_record)
        context.saved.connect(lambda: self._save_message(self.tr("All changes saved"), error=False))
        context.save_failed.connect(lambda text: self._save_message(text, error=True))
        self.menus = WindowMenus(self)
        # The idle limit is the single-shot timer's interval; both timers only ask the clock.
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval((idle_minutes or preferences.idle_minutes()) * 60_000)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self.idle_check = QTimer(self)
        self.idle_check.setInterval(IDLE_CHECK_MS)
        self.idle_check.timeout.connect(self.check_idle)
        self.idle_check.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.sidebar.select_today()
        restore_geometry(self)

    def _title(self) -> str:
        # Ending with the app's name: Qt then adds no second " — iltdesk" where it appends
        # the display name (X11, Windows), and the name still shows where it does not.
        name = self.context.journal.path.name
        if self.context.is_demo:
            return self.tr("{name}  (demo journal: invented people) — iltdesk").format(name=name)
        return self.tr("{name} — iltdesk").format(name=name)

    # -- navigation -----------------------------------------------------------------------

    @property
    def lead_page(self) -> LeadPage:
        """The page that shows one lead, made the first time a lead is opened."""
        if self._lead_page is None:
            from ui.lead.page import LeadPage

            self._lead_page = LeadPage(self.context)
            self.pages.addWidget(self._lead_page)
        return self._lead_page

    def lead_on_screen(self) -> Lead | None:
        """The lead whose page is showing, if a lead's page is showing."""
        page = self._lead_page
        if page is None or self.pages.currentWidget() is not page:
            return None
        return page.lead

    def show_today(self) -> None:
        """Show the Today page, fresh."""
        self.context.flush_all()
        self.today.refresh()
        self.pages.setCurrentWidget(self.today)

    def show_reflect_page(self, key: ReflectPage | str) -> None:
        """Show one of the Team or Reflect pages."""
        if self.context.flush_all():
            self.reflect.show(ReflectPage(key))

    def show_trash(self) -> None:
        """Show the Trash (made on the first visit), fresh."""
        if not self.context.flush_all():  # what was typed goes in before the list is read
            return
        if self._trash_page is None:
            from ui.trash.page import TrashPage

            self._trash_page = TrashPage(self.context)
            self.pages.addWidget(self._trash_page)
        else:
            self._trash_page.refresh()
        self.pages.setCurrentWidget(self._trash_page)
        self._trash_page.list.setFocus()

    def new_ilt_meeting(self) -> None:
        """Ctrl+Shift+M: the ILT meetings page, on a new meeting made from the template."""
        from ui.team.meetings.page import MeetingsPage

        self.sidebar.select_page(ReflectPage.ILT_MEETINGS)
        page = self.reflect.pages.get(ReflectPage.ILT_MEETINGS)
        if isinstance(page, MeetingsPage) and self.pages.currentWidget() is page:
            page.new_meeting()

    def new_conversation(self) -> None:
        """Team → Plan a difficult conversation: its page, with the new-conversation form."""
        from ui.team.conversations.page import ConversationsPage

        self.sidebar.select_page(ReflectPage.CONVERSATIONS)
        page = self.reflect.pages.get(ReflectPage.CONVERSATIONS)
        if isinstance(page, ConversationsPage) and self.pages.currentWidget() is page:
            page.new_conversation()

    def show_lead(self, lead_id: int) -> None:
        """Show a lead's page."""
        current = self.lead_page.lead if self._lead_page is not None else None
        if (current is None or current.id != lead_id) and not self.lead_page.show_lead(lead_id):
            self.statusBar().showMessage(
                self.tr(
                    "Staying here: your latest changes are not saved yet (see the message on the "
                    "right)."
                ),
                8000,
            )
            if current is not None:
                self.sidebar.select_lead(current.id or 0)
            return
        self.pages.setCurrentWidget(self.lead_page)
        if self.sidebar.current_lead_id() != lead_id:
            self.sidebar.select_lead(lead_id)

    def open_record(self, kind: RecordKind | str, record_id: int) -> None:
        """Open whatever a search hit or a Today row points at."""
        # Senders emit a RecordKind; a kind's value (from a script or a test) is read as one.
        where = locate(self.context.journal, RecordKind(kind), record_id)
        if where.lead_id is None and where.conversation_id is not None:
            # The principal's own follow-up of a difficult conversation: the conversation.
            where = locate(self.context.journal, RecordKind.CONVERSATION, where.conversation_id)
        if where.lead_id is None or where.kind in ON_SECTION_PAGE:
            key = PAGE_OF_KIND.get(where.kind)
            if key is not None and self.context.flush_all():
                self.sidebar.select_page(key)  # shows the page; then point it at the record
                self.reflect.open(where)
            return
        self.show_lead(where.lead_id)  # says so and stays if the lead on screen cannot be left
        shown = self.lead_on_screen()
        if shown is not None and shown.id == where.lead_id:
            self.lead_page.open(where)

    def open_settings(self) -> None:
        """Settings; a passphrase change or restore hands back a reopened journal."""
        from ui.journal.settings_dialog import SettingsDialog

        self.context.flush_all()
        dialog = SettingsDialog(self.context, self)
        dialog.journal_replaced.connect(self.replace_journal)
        dialog.needs_unlock.connect(self.lock_requested.emit)
        dialog.exec()
        dialog.deleteLater()  # with its passphrase dialogs, whose fields held secrets
        self.idle_timer.setInterval(preferences.idle_minutes() * 60_000)

    def replace_journal(self, journal: Journal) -> None:
        """Carry on with a reopened journal (after a passphrase change or a restore)."""
        self.context.journal = journal
        self.reflect.replace_context(self.context)
        place = self.place()
        if self._lead_page is not None:
            self._lead_page.lead = None
        self.sidebar.reload()
        self.sidebar.select_today()
        self.go_to(place)

    def open_search(self) -> None:
        """Ctrl+F: search everything."""
        from ui.navigation.search_dialog import SearchDialog

        if not search_allowed(presenting=self.context.presenter.on):
            self.statusBar().showMessage(
                self.tr("Search is off while you present: its results could show private notes."),
                8000,
            )
            return
        self.context.flush_all()  # so that what was just typed can be found
        dialog = SearchDialog(self.context, self)
        dialog.exec()
        # Not kept as the window's child until it closes: each search held its hits' texts.
        dialog.deleteLater()

    def open_switcher(self) -> None:
        """Ctrl+K: jump to a lead."""
        from ui.navigation.switcher import QuickSwitcher

        switcher = QuickSwitcher(self.context, self)
        switcher.exec()
        switcher.deleteLater()

    def new_one_on_one(self) -> None:
        """Ctrl+N: a new 1:1 with the lead on screen."""
        if self.lead_on_screen() is not None:
            self.lead_page.new_one_on_one()
        else:
            self.statusBar().showMessage(
                self.tr("Open a lead first (Ctrl+K), then start the 1:1."), 5000
            )

    def add_observation(self) -> None:
        """Ctrl+Shift+O: record what you just saw the lead on screen do."""
        from ui.lead.observations.dialog import ObservationDialog

        lead = self.lead_on_screen()
        if lead is None:
            self.statusBar().showMessage(
                self.tr("Open a lead first (Ctrl+K), then add the observation."), 5000
            )
            return
        ObservationDialog(self.context, lead.id or 0, parent=self).exec()

    def add_lead(self) -> None:
        """Add a lead and open their page."""
        from ui.lead.lead_dialog import LeadDialog

        dialog = LeadDialog(self.context, parent=self)
        if dialog.exec() and dialog.lead is not None:
            self.sidebar.reload(keep=dialog.lead.id)
            self.show_lead(dialog.lead.id or 0)

    def place(self) -> dict[str, int]:
        """Where the user is (ids only, kept in memory across a lock, never on disk), and
        whether she is presenting: a lock in front of the room must not end it."""
        place = self.lead_page.place() if self.lead_on_screen() is not None else {}
        return place | {"presenting": 1} if self.context.presenter.on else place

    def go_to(self, place: dict[str, int]) -> None:
        """Return to a place from ``place()``; quietly stay on Today if it is gone."""
        self.context.presenter.set_on(bool(place.get("presenting")))
        if not place.get("lead"):
            return
        try:
            self.show_lead(place["lead"])
        except JournalError:
            return
        self.lead_page.go_to(place)

    # -- saving, idle lock and quitting ---------------------------------------------------

    def _save_message(self, text: str, *, error: bool) -> None:
        self.save_state.setText(text)
        self.save_state.setObjectName("ErrorText" if error else "Hint")
        self.save_state.style().polish(self.save_state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.menus.filter_event(watched, event):
            return True
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
            self.idle_timer.start()
        return False

    def check_idle(self) -> bool:
        """Ask to lock if the idle period has passed on the clock; True if it asked."""
        if not self.idle_check.isActive():
            return False  # released: this window no longer speaks for the app
        idle = self.clock() - self.last_input
        limit = self.idle_timer.interval() / 1000
        if idle < limit:
            if not self.idle_timer.isActive():  # it fired early (coarse timers may)
                QTimer.singleShot(int((limit - idle) * 1000) + 1, self, self.check_idle)
            return False
        self.last_input = self.clock()  # if locking is refused, try again one period later
        self.lock_requested.emit()
        return True

    def release(self, *, quick: bool = False) -> None:
        """Finish what is due (the day's backup), stop watching input, keep the window's size
        and empty every passphrase field. Only the first call does anything.

        The window is only deleted once the event loop is back from the unlock prompt, so
        any secret still in a hidden dialog's field would outlive the lock without this.
        """
        if self._released:
            return
        self._released = True
        self.finishing.emit(quick)
        from ui.kit.unsaved import close_dialogs  # here: importing it loads the ORM (cold start)

        close_dialogs(self)  # nothing of the journal stays on screen over the unlock dialog
        for field in self.findChildren(QLineEdit):
            if field.echoMode() != QLineEdit.EchoMode.Normal:
                field.setText("")  # unlike clear(), also drops the field's undo history
        keep_geometry(self)
        self.idle_timer.stop()
        self.idle_check.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.released.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.context.flush_all():
            answer = QMessageBox.warning(
                self,
                self.tr("Some text is not saved"),
                self.tr(
                    "iltdesk could not save your latest changes (see the message at the bottom). "
                    "Quit anyway and lose them?"
                ),
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.release()
        event.accept()
