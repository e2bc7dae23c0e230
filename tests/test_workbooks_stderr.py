"""What calamine's opening of a workbook does to stderr (sources/workbooks._rust_report_held_back): Rust's panic
report is held back, and nothing else written to stderr meanwhile is lost, whichever thread wrote it."""

import os
import threading

import pytest

from mstrack.sources.workbooks import _rust_report_held_back

REPORT = (b"\nthread '<unnamed>' (4242) panicked at src/utils.rs:29:5:\nassertion `left == right` failed\n  left: 1\n"
          b" right: 0\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n")


class PanicException(BaseException):
    """pyo3's, as calamine raises it: a BaseException."""


def _another_thread_writes(words: str) -> None:
    def write():
        with open(2, "w", encoding="utf-8", closefd=False) as stream:  # as Python's own stderr (capfd replaces it)
            print(words, file=stream)
        os.write(2, f"{words}（fd 2）\n".encode())  # as a C or Rust library would

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()


def test_what_another_thread_writes_while_a_workbook_opens_is_written_after_it(capfd):
    with _rust_report_held_back():
        _another_thread_writes("另一个线程的警告")
    assert capfd.readouterr().err == "另一个线程的警告\n另一个线程的警告（fd 2）\n"
    os.write(2, b"after\n")  # fd 2 is the terminal again
    assert capfd.readouterr().err == "after\n"


def test_a_panic_report_is_left_out_and_the_rest_kept_on_every_way_out(capfd):
    with pytest.raises(PanicException), _rust_report_held_back():
        _another_thread_writes("之前")
        os.write(2, REPORT)
        _another_thread_writes("之后")
        raise PanicException("assertion `left == right` failed")
    assert capfd.readouterr().err == "之前\n之前（fd 2）\n之后\n之后（fd 2）\n"
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"


def test_a_report_with_a_backtrace_and_its_closing_note_is_left_out_whole(capfd):
    backtrace = (b"\nthread 'main' panicked at src/cfb.rs:1:2:\nboom\nstack backtrace:\n   0: rust_begin_unwind\n"
                 b"             at src/x.rs:1:1\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a"
                 b" verbose backtrace.\n")
    with pytest.raises(PanicException), _rust_report_held_back():
        os.write(2, backtrace + b"kept\n")
        raise PanicException("boom")
    assert capfd.readouterr().err == "kept\n"


def test_a_block_that_does_not_panic_keeps_every_word(capfd):
    with _rust_report_held_back():
        os.write(2, REPORT)  # no panic raised: these words are another's, and kept
    assert capfd.readouterr().err == REPORT.decode()
