"""mstrack: a command-line milestone tracker for 民生实事 programmes."""

__version__ = "0.1.0"
