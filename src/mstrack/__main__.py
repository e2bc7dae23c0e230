from mstrack.cli import run

run()
