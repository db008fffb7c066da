"""The app's data files (icons, style sheet, fonts, report templates), as a package.

Installed as ``iltdesk.resources`` (pyproject.toml maps this folder there), so that
``iltdesk.paths.resources_dir()`` finds it through ``importlib.resources`` in a checkout's
editable install, an installed wheel and the PyInstaller bundle alike. Nothing to import.
"""
