"""What the database drivers log, kept off stderr where the command says it in its one line: psycopg's and
SQLAlchemy's pool's records of an error that ends a connection's work (driver_cleanup_unsaid, every store not an
SQLite file), and in the `mstrack` script a Ctrl-C that SQLAlchemy's pool logs with its traceback
(interrupt_logs_unsaid). Set up by Connections (store/connections) as a store or its engine is made."""

from __future__ import annotations


def driver_cleanup_unsaid() -> None:
    """psycopg logs "error ignored terminating <psycopg.Pipeline …>" when an error (a Ctrl-C's cancel) ends a
    pipeline or a COPY: the error itself goes on, and the command says it in its one line. With no handler
    configured, Python's last resort printed that log line on stderr before ours. A NullHandler keeps it off
    stderr; a program that configures logging still receives it (records propagate to its handlers)."""
    import logging

    for name in ("psycopg", "sqlalchemy.pool"):  # and the pool's "Exception during reset" of the same connection
        driver_log = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in driver_log.handlers):
            driver_log.addHandler(logging.NullHandler())


def interrupt_logs_unsaid() -> None:
    """SQLAlchemy's pool logs a Ctrl-C that lands while it closes or resets a connection ("Exception closing
    connection …", with the KeyboardInterrupt's traceback: a second Ctrl-C as the first unwinds `db copy`) and raises
    it again, for the command to say in its one line; with no handler configured, Python's last resort printed the
    ~38 lines of that record above it. The `sqlalchemy` logger's records go through one handler that drops those
    whose exception is a KeyboardInterrupt and passes every other on as before: to the root logger's handlers, or to
    the last resort when no handler took it on its way (a NullHandler below, driver_cleanup_unsaid's, keeps it off)."""
    import logging

    sqlalchemy_log = logging.getLogger("sqlalchemy")

    class InterruptsDropped(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info and isinstance(record.exc_info[1], KeyboardInterrupt):
                return
            root, below = logging.getLogger(), logging.getLogger(record.name)
            taken = False
            while below is not sqlalchemy_log and below is not None:
                taken = taken or bool(below.handlers)
                below = below.parent
            if root.handlers or not taken:
                root.callHandlers(record)  # the root's handlers; with none, the last resort

    if not any(handler.get_name() == "mstrack-interrupts-dropped" for handler in sqlalchemy_log.handlers):
        dropping = InterruptsDropped()
        dropping.set_name("mstrack-interrupts-dropped")
        sqlalchemy_log.addHandler(dropping)
        sqlalchemy_log.propagate = False  # what is not dropped, the handler passes on itself
