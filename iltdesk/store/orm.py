"""Loading the ORM (SQLAlchemy, SQLModel and the models: about 0.6 s to import here) in pieces.

The journal loads it on its first session, not on opening: the desktop app shows Today from
raw SQL while it loads.
"""

from __future__ import annotations

import importlib

# ``load_orm`` in the pieces it can be taken in, each a package imported whole (a package's
# __init__ imports most of it, so none is smaller): here about 0.04, 0.2, 0.12, 0.04, 0.08,
# 0.15 s, then configuring the mappers, 0.02 s.
ORM_STEPS = ("asyncio", "sqlalchemy", "sqlalchemy.orm", "pydantic", "sqlmodel", "iltdesk.models")


def load_orm(step: int | None = None) -> None:
    """Import the ORM and the models and configure the mappers, as a first session would.

    ``step`` (0 to ``len(ORM_STEPS)``) does one piece of it, the last the whole. The desktop
    app takes the pieces on its main thread, between events, once its window is up (a thread
    must not import while PySide6 may: test_startup_race), so opening a lead rarely waits for it;
    anything that needs the ORM before then simply loads it itself.
    """
    if step is not None and step < len(ORM_STEPS):
        importlib.import_module(ORM_STEPS[step])
        return
    from sqlalchemy.orm import configure_mappers

    from iltdesk import models  # noqa: F401 (defines the mapped classes)

    configure_mappers()
