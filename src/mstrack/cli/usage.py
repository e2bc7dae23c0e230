"""The usage errors of option parsing (Typer's and Click's own: no such option, a missing argument, a value
that is not a number …) said in Chinese, laid out as Click lays them out (UsageError.show). Loaded by
failures.errors_as_messages only when such an error is shown in Chinese; in English Click says them itself.

Click makes its messages as finished English text. Each is read back here against the templates below
(the kinds Typer and Click raise; Click's parser.py, exceptions.py and core.py, Typer's core.py and its
pydantic reasons) and said from its template only when the template gives back exactly that text; a text
of another form (a newer Typer's) stays as it is, in English, never half translated.
"""

import re
import string
from functools import cache

from mstrack.errors import Message

TEMPLATES = (
    Message("No such option: {option}; a negative number is read as an option: write -- before the arguments ({example})"),
    Message("No such option: {option}; it is a global option: put it before the command ({example})"),
    Message("No such option: {option} (Possible options: {possibilities})"),
    Message("No such option: {option}"),
    Message("Option {option} requires an argument."),
    Message("Option {option} does not take a value."),
    Message("Missing argument {name}."),
    Message("Missing option {name}."),
    Message("Invalid value for {name}: {reason}"),
    Message("Got unexpected extra argument(s) ({arguments})"),
    Message("No such command {name}. Did you mean {suggestions}?"),
    Message("No such command {name}."),
    Message("Missing command."),
)
"""Click's and Typer's usage errors, the more particular of two forms first."""

REASONS = (
    Message("Input should be a valid integer, unable to parse string as an integer"),
    Message("Unable to parse input string as an integer, exceeded maximum size"),
    Message("Input should be greater than or equal to {limit}"),
    Message("Input should be less than or equal to {limit}"),
    Message("{value} is not one of {choices}. Did you mean: {near}?"),
    Message("{value} is not one of {choices}."),
    Message("Path {path} is not readable."),
)
"""Why a value is invalid: pydantic's words for a whole number and its bounds, Typer's for a closed list and
for a file that cannot be read."""


def said_in(text: str, templates: tuple[Message, ...] = TEMPLATES) -> Message | str:
    """The message Click's text was made from, with its fields (a reason read in turn), or the text as it is."""
    for template, pattern in _patterns(templates):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        fields = {name: said_in(value, REASONS) if name == "reason" else value for name, value in found.groupdict().items()}
        message = Message(template, **fields)
        if message == text:
            return message
    return text


@cache
def _patterns(templates: tuple[Message, ...]) -> list[tuple[str, re.Pattern]]:
    """A regular expression for each template: its text as it is, each field any text."""
    patterns = []
    for template in templates:
        pieces = [re.escape(literal) + (f"(?P<{name}>.*?)" if name is not None else "")
                  for literal, name, _, _ in string.Formatter().parse(template.template)]
        patterns.append((template.template, re.compile("".join(pieces), re.DOTALL)))
    return patterns


def usage_error_lines(error) -> list[Message | str]:
    """What Click's UsageError.show writes, as messages: the command's usage and where to find help (when the
    error knows its command), a blank line, then the error."""
    said = []
    ctx = error.ctx
    if ctx is not None:
        said.append(Message("Usage: {usage}", usage=ctx.get_usage().removeprefix("Usage: ")))
        if ctx.command.get_help_option(ctx) is not None:
            said.append(Message("Try '{command} {option}' for help.", command=ctx.command_path,
                                option=ctx.help_option_names[0]))
        said.append("")
    said.append(Message("Error: {message}", message=said_in(error.format_message())))
    return said
