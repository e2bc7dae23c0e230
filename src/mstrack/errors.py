"""Errors the CLI turns into a message on stderr and exit code 2, never a traceback."""


class InputError(Exception):
    """Bad input or usage: the message names the file, row, column or option at fault."""
