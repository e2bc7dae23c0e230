"""The `mstrack` script's entry: the command line imported inside it, so that a Ctrl-C while its modules load
(the first ~0.25 s) ends as one during a command does, exit 130 and the same one line in the run's language, not
a traceback and death by the signal. Nothing here imports more than the standard library's sys (and the built-in time), so the line's
words and the language's rule are written here again (the catalogue's and labels.pick_lang's; the parts may not
import this module): tests/test_tidy23.py keeps them alike."""

import sys

INTERRUPTED_EXIT = 130
"""128 + SIGINT, the code a shell gives a tool that Ctrl-C stopped (the code a command's Ctrl-C gives)."""

SAID = {"en": "mstrack: interrupted: nothing of what this command was writing was kept",
        "zh": "mstrack: 已中断：本命令正在写入的内容均未保留"}
"""The Ctrl-C line in each language: a command's (cli/failures.py, through the catalogue, labels/cli.json)."""


def main() -> None:
    try:
        import time  # built in: nothing loaded

        started = time.time()  # before the imports (the first ~0.25 s, seconds on a loaded machine): cli/process.RUN_STARTED
        from mstrack.cli import run
    except KeyboardInterrupt:
        interrupted()
    try:
        run(started=started)
    except KeyboardInterrupt:  # before or after a command (a command's own is said in cli/failures.py); after
        interrupted()  # a write's commit none comes: SIGINT is held until the exit (store.interrupts.interrupts_held)


def interrupted() -> None:
    """One line on stderr, if it can still be written, and exit 130."""
    try:
        sys.stderr.write(SAID[run_lang()] + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # AttributeError: stderr closed at start (2>&-), None before run()
        pass
    raise SystemExit(INTERRUPTED_EXIT) from None


def run_lang() -> str:
    """The language of this run as the command line resolves it (cli/app.main): the one it resolved, once it
    has; before, --lang on the command line, else MSTRACK_LANG, else the locale; a value that is no language
    is passed over (the command line refuses it, but is not running)."""
    saying = sys.modules.get("mstrack.cli.saying")
    if getattr(saying, "_lang", None) in SAID:
        return saying._lang
    arguments = sys.argv[1:]
    given = [value for at, word in enumerate(arguments) if word == "--lang" or word.startswith("--lang=")
             for value in ([word.removeprefix("--lang=")] if "=" in word else arguments[at + 1:at + 2])]
    environ = getattr(sys.modules.get("os"), "environ", {})  # loaded at every start, never imported here
    for lang in (*reversed(given), environ.get("MSTRACK_LANG")):
        if lang in SAID:
            return lang
    locale = next((value for value in map(environ.get, ("LC_ALL", "LC_MESSAGES", "LANG")) if value), "")
    return "zh" if locale.lower().startswith("zh") else "en"
