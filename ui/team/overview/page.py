"""The Team overview: the school year's learning across the three strands, the ILT's own
professional learning, leads' joint practice (a calibration's spread drawn), and the team's
open action items."""

from __future__ import annotations

from datetime import date
from html import escape
from importlib import import_module

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iltdesk import dates
from iltdesk.charter_scope import focus_title
from iltdesk.lead import lead_summaries
from iltdesk.models import FocusKind, PracticeKind
from iltdesk.one_on_one import clip
from iltdesk.practice import Practice, calibration, delete_practice, practice_title, practices
from iltdesk.record_kinds import Change, RecordKind
from iltdesk.records import Location
from iltdesk.team_learning import (
    Event,
    delete_event,
    events,
    learning_title,
    school_year,
    strand_balance,
    year_name,
)
from ui.kit import theme
from ui.kit.context import AppContext, NotWritten
from ui.kit.record_actions import confirm_delete
from ui.kit.rich_delegate import two_lines
from ui.kit.roles import HTML, RECORD_ID
from ui.kit.style import hint
from ui.kit.translation import QT_TRANSLATE_NOOP
from ui.team.overview.charts import SpreadChart, StrandBar
from ui.team.overview.event_dialog import LearningEventDialog
from ui.team.overview.practice_dialog import JointPracticeDialog
from ui.team.overview.rows import RecordRows, card

EDIT_HINT = QT_TRANSLATE_NOOP(
    "page", "Enter opens the selected one to correct it; Delete removes it."
)


def page_style() -> str:
    notice = [theme.colour(f"notice_{part}") for part in ("bg", "edge", "text")]
    return f"""
    QFrame#Card {{ background: palette(base); border: 1px solid palette(mid);
                   border-radius: 8px; }}
    QLabel#BalanceHint {{ background: {notice[0]}; border: 1px solid {notice[1]};
                          color: {notice[2]}; border-radius: 6px; padding: 8px 12px; }}
    """


ROW_CHARS = 300  # a row's title or detail at most: the record itself holds the rest


class TeamOverviewPage(QWidget):
    """The ILT's learning and joint practice for one school year."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.names: dict[int, str] = {}
        self.shown_events: dict[int, Event] = {}
        self.shown_practices: dict[int, Practice] = {}
        theme.live_style(self, page_style)
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("School year"))
        self.year.activated.connect(lambda _i: self.refresh())
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("Learning in each strand this year"))
        self.bar = StrandBar()
        self.balance = QLabel()
        self.balance.setObjectName("BalanceHint")
        self.balance.setWordWrap(True)
        self.events = RecordRows(self.tr("The ILT's own learning"))
        self.events.itemActivated.connect(lambda _i: self.edit_event())
        self.events.delete_pressed.connect(self.delete_event)
        self.add_event_button = QPushButton(self.tr("Add a learning event…"))
        self.add_event_button.clicked.connect(self.add_event)
        self.practices = RecordRows(self.tr("Joint practice"))
        self.practices.itemActivated.connect(lambda _i: self.edit_practice())
        self.practices.delete_pressed.connect(self.delete_practice)
        self.practices.currentItemChanged.connect(lambda *_: self._show_spread())
        self.add_practice_button = QPushButton(self.tr("Add joint practice…"))
        self.add_practice_button.clicked.connect(self.add_practice)
        self.spread = SpreadChart()
        self.spread_words = hint()
        self.items_view = self._team_items()
        self._lay_out()
        context.changed.connect(self._changed)
        self.refresh()

    def _team_items(self) -> QWidget:
        """The team's open action items (ui.team.action_items), once that view exists."""
        try:
            view_class = import_module("ui.team.action_items").TeamItemsView
        except (ImportError, AttributeError):
            return hint(self.tr("The team's open action items will be listed here."))
        view: QWidget = view_class(self.context, None)  # None: the whole ILT's, not a meeting's
        return view

    def _lay_out(self) -> None:
        title = QLabel(self.tr("Team overview"))
        title.setObjectName("PageTitle")
        purpose = hint(
            self.tr(
                "What the ILT learns outside its meetings and what leads practise side by side, "
                "weighed against the scope and sequence's three strands."
            )
        )
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("School year")))
        year_row.addWidget(self.year)
        year_row.addSpacing(16)
        year_row.addWidget(self.counts)
        year_row.addStretch(1)
        counted = hint(
            self.tr(
                "Counted: each PD session and gathering (professional learning, unless another "
                "strand is chosen), office hours only when given a strand, each joint observation, "
                "visit or calibration (observation and feedback), each data meeting (data)."
            )
        )
        balance = card(self.tr("The year's balance"), year_row, self.bar, self.balance, counted)
        add_event = QHBoxLayout()
        add_event.addWidget(self.add_event_button)
        add_event.addStretch(1)
        learning = card(
            self.tr("The ILT's own learning"),
            self.events,
            add_event,
            hint(QCoreApplication.translate("page", EDIT_HINT)),
        )
        add_practice = QHBoxLayout()
        add_practice.addWidget(self.add_practice_button)
        add_practice.addStretch(1)
        # A calibration's spread is drawn right under the list it is chosen in, before the button.
        joint = card(
            self.tr("Joint practice"), self.practices, self.spread, self.spread_words, add_practice
        )
        grid = QGridLayout()
        grid.setSpacing(14)
        grid.addWidget(balance, 0, 0, 1, 2)
        grid.addWidget(learning, 1, 0)
        grid.addWidget(joint, 1, 1)
        grid.addWidget(card(self.tr("Open team action items"), self.items_view), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(title)
        inner.addWidget(purpose)
        inner.addSpacing(10)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroller = QScrollArea()
        scroller.setAccessibleName(self.tr("Team overview"))
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from box to box, not here
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)

    # -- showing ------------------------------------------------------------------------------

    def _changed(self, change: Change) -> None:
        if change.about(RecordKind.JOINT_PRACTICE, RecordKind.LEARNING_EVENT, RecordKind.LEAD):
            self.refresh()

    def shown_year(self) -> date:
        """A day in the school year on screen (this one until another is chosen)."""
        chosen = self.year.currentData()  # the year's first day, as ISO text
        return date.fromisoformat(chosen) if chosen else school_year(date.today())[0]

    def refresh(self) -> None:
        """Re-read the year's balance, learning events and joint practice."""
        journal = self.context.journal
        self.names = {s.id: s.name for s in lead_summaries(journal, include_archived=True)}
        self._fill_years(self.shown_year())
        start, end = school_year(self.shown_year())
        balance = strand_balance(journal, start)
        self.counts.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f"<span style='color:{theme.colour(f'strand_{kind.value}')}'>●</span>&nbsp;"
                f"{escape(focus_title(kind))}&nbsp;<b>{balance.counts[kind]}</b>"
                for kind in FocusKind
            )
        )
        self.bar.set_counts(balance.counts)
        self.balance.setText(f"⚖  {balance.hint}" if balance.hint else "")
        self.balance.setVisible(bool(balance.hint))
        found_events = events(journal, since=start, until=end)
        self.shown_events = {e.id: e for e in found_events}
        self._fill(self.events, [(e.id, *self._event_text(e)) for e in found_events])
        found_practices = practices(journal, since=start, until=end)
        self.shown_practices = {p.id: p for p in found_practices}
        self._fill(self.practices, [(p.id, *self._practice_text(p)) for p in found_practices])
        self._show_spread()

    def _fill_years(self, keep: date) -> None:
        """Every school year with something in it, and this one; ``keep`` stays chosen."""
        journal = self.context.journal
        days = [e.record.held_on for e in events(journal)]
        days += [p.record.happened_on for p in practices(journal)]
        starts = {school_year(day)[0] for day in (*days, date.today(), keep)}
        self.year.blockSignals(True)
        self.year.clear()
        for start in sorted(starts, reverse=True):
            self.year.addItem(year_name(start), start.isoformat())
        self.year.setCurrentIndex(self.year.findData(school_year(keep)[0].isoformat()))
        self.year.blockSignals(False)

    def _fill(self, rows: RecordRows, found: list[tuple[int, str, str]]) -> None:
        keep = rows.current_id()
        rows.clear()
        for record_id, whole_title, whole_detail in found:
            # A row shows the start of pasted pages of text: laying out all of it (each time
            # a row is measured) kept the page from coming up for seconds.
            title, detail = clip(whole_title, ROW_CHARS), clip(whole_detail, ROW_CHARS)
            item = QListWidgetItem(self.tr("{title}\n{detail}").format(title=title, detail=detail))
            item.setData(RECORD_ID, record_id)
            item.setData(HTML, two_lines(title, detail))
            rows.addItem(item)
        if found and (keep is None or not rows.select(keep)):
            rows.setCurrentRow(0)
        if not found:
            empty = QListWidgetItem(self.tr("Nothing recorded in this school year yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            rows.addItem(empty)

    def _people(self, lead_ids: tuple[int, ...]) -> str:
        return ", ".join(self.names.get(i, self.tr("a former lead")) for i in lead_ids)

    def _event_text(self, event: Event) -> tuple[str, str]:
        record = event.record
        title = f"{learning_title(record.kind)}: {event.title}"
        parts = [dates.list_date(record.held_on)]
        leaders = [self._people(event.led())] if event.led() else []
        if record.led_by:
            leaders.append(record.led_by)
        if leaders:
            parts.append(self.tr("led by {names}").format(names=", ".join(leaders)))
        if event.came():
            parts.append(
                self.tr("{n} came ({names})").format(
                    n=len(event.came()), names=self._people(event.came())
                )
            )
        if record.goal:
            parts.append(self.tr("for: {goal}").format(goal=record.goal))
        if record.strand:
            parts.append(focus_title(FocusKind(record.strand)))
        return title, " · ".join(parts)

    def _practice_text(self, practice: Practice) -> tuple[str, str]:
        record = practice.record
        title = practice_title(record.kind) + (f": {record.focus}" if record.focus else "")
        parts = [dates.list_date(record.happened_on)]
        if record.indicator:
            parts.append(record.indicator)
        if practice.lead_ids:
            parts.append(self._people(practice.lead_ids))
        return title, " · ".join(parts)

    def _show_spread(self) -> None:
        practice = self.shown_practices.get(self.practices.current_id() or 0)
        calibrating = practice is not None and practice.record.kind is PracticeKind.calibration
        self.spread.setVisible(calibrating)
        self.spread_words.setVisible(calibrating)
        if practice is None or not calibrating:
            return
        kept = calibration(self.context.journal, practice.id)
        self.spread.set_ratings(kept.before, kept.after)
        narrowed = kept.narrowed()
        verdict = {
            True: self.tr("Norming brought the ratings closer."),
            False: self.tr("Norming did not bring the ratings closer."),
            None: self.tr("Both rounds of ratings are not in yet."),
        }
        self.spread_words.setText(
            self.tr("Calibration of {value}. {value2}").format(
                value=dates.short(practice.record.happened_on), value2=verdict[narrowed]
            )
        )

    def open(self, where: Location) -> bool:
        """Show a learning event or a joint practice, in its school year, selected."""
        rows = {RecordKind.LEARNING_EVENT: self.events, RecordKind.JOINT_PRACTICE: self.practices}
        target = rows.get(where.kind)
        if target is None:
            return False
        day = self._day_of(where)
        if day is None:
            return False
        self._fill_years(day)
        self.refresh()
        found = target.select(where.record_id)
        if found:
            target.setFocus()
        return found

    def _day_of(self, where: Location) -> date | None:
        journal = self.context.journal
        if where.kind is RecordKind.LEARNING_EVENT:
            held = [e.record.held_on for e in events(journal) if e.id == where.record_id]
            return held[0] if held else None
        done = [p.record.happened_on for p in practices(journal) if p.id == where.record_id]
        return done[0] if done else None

    # -- writing ------------------------------------------------------------------------------

    def add_event(self) -> None:
        """Ask for a new learning event, then show it selected."""
        self._after(LearningEventDialog(self.context, None, self), self.events)

    def edit_event(self) -> None:
        """Correct the selected learning event."""
        event = self.shown_events.get(self.events.current_id() or 0)
        if event is not None:
            self._after(LearningEventDialog(self.context, event, self), self.events)

    def add_practice(self) -> None:
        """Ask for new joint practice, then show it selected."""
        self._after(JointPracticeDialog(self.context, None, None, self), self.practices)

    def edit_practice(self) -> None:
        """Correct the selected joint practice (and a calibration's ratings)."""
        practice = self.shown_practices.get(self.practices.current_id() or 0)
        if practice is None:
            return
        kept = calibration(self.context.journal, practice.id)
        self._after(JointPracticeDialog(self.context, practice, kept, self), self.practices)

    def _after(self, dialog: LearningEventDialog | JointPracticeDialog, rows: RecordRows) -> None:
        if dialog.exec() and dialog.saved is not None:
            kind = RecordKind.LEARNING_EVENT if rows is self.events else RecordKind.JOINT_PRACTICE
            self.open(Location(kind, dialog.saved, None))
        dialog.deleteLater()

    def delete_event(self) -> None:
        """Remove the selected learning event, after asking."""
        event = self.shown_events.get(self.events.current_id() or 0)
        if event is None or not confirm_delete(
            self,
            self.tr("Delete this learning event?"),
            f"{event.title}, {dates.short(event.record.held_on)}.",
        ):
            return
        gone = self.context.write(
            lambda: delete_event(self.context.journal, event.id),
            Change(RecordKind.LEARNING_EVENT),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()

    def delete_practice(self) -> None:
        """Remove the selected joint practice and its ratings, after asking."""
        practice = self.shown_practices.get(self.practices.current_id() or 0)
        if practice is None:
            return
        what = (
            f"{practice_title(practice.record.kind)}, {dates.short(practice.record.happened_on)}."
        )
        if not confirm_delete(self, self.tr("Delete this joint practice?"), what):
            return
        gone = self.context.write(
            lambda: delete_practice(self.context.journal, practice.id),
            Change(RecordKind.JOINT_PRACTICE),
            failed=self.tr("Not deleted"),
        )
        if not isinstance(gone, NotWritten):
            self.refresh()
