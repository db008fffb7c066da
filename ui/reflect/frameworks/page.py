"""Frameworks: the two lists the principal owns, each on its tab, named as the district names
them. Leads grow against the leadership framework; the ILT's theme comes from the teacher
rubric."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from iltdesk.models import FrameworkKind
from iltdesk.records import Location
from ui.kit.context import AppContext
from ui.reflect.frameworks.panel import FrameworkPanel


class FrameworksPage(QWidget):
    """The leadership framework and the teacher-practice rubric, side by side as tabs."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = QLabel(self.tr("Frameworks"))
        title.setObjectName("PageTitle")
        subtitle = QLabel(
            self.tr(
                "Two lists, kept apart: what your leads grow in as leaders, and how teaching is "
                "observed. Type them in or import them as your district words them."
            )
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("The two frameworks"))
        self.panels: dict[FrameworkKind, FrameworkPanel] = {}
        for framework in (FrameworkKind.leadership, FrameworkKind.teacher):
            panel = FrameworkPanel(context, framework)
            index = self.tabs.addTab(panel, panel.shown_name)
            panel.renamed.connect(lambda name, i=index: self.tabs.setTabText(i, name))
            self.panels[framework] = panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(10)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        """Re-read both frameworks."""
        for panel in self.panels.values():
            panel.refresh()

    def open(self, where: Location) -> bool:
        """No record opens here: framework items are not searched or listed elsewhere."""
        return False

    def show_framework(self, framework: FrameworkKind) -> FrameworkPanel:
        """Bring one framework's tab forward."""
        panel = self.panels[framework]
        self.tabs.setCurrentWidget(panel)
        return panel
