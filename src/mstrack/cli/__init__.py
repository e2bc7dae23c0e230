"""The command line: parse options, call the library, print. Nothing else lives here.

app.py makes the app, its groups and run() (the one exit point, where errors become messages); saying.py,
printing.py, process.py, values.py and common.py hold what every command uses (saying things, writing outputs,
the store and the process's exit, option values, the shared options); the commands live in modules by subject and add themselves to the app
when imported here. The store, the engine and Rich are imported inside commands so that `mstrack --help`
and shell completion stay fast.
"""

from mstrack.cli import db, files, reports, tasks  # noqa: F401  (each adds its commands to the app)
from mstrack.cli.app import app, run

__all__ = ["app", "run"]
