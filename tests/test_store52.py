"""store52: a name given for an indicator is matched without reading the programme's window or the task's reports;
SERIAL_TABLES is the schema's serial ids on every backend; sequences mended once a store; one symlink rule."""

import json

from tests.conftest import refused


def test_history_matches_its_indicator_without_the_programmes_window_or_reports(demo_cli, monkeypatch):
    """`history -i` reads the task's indicators alone: the window (every due of the plan without a day) and every
    report of the task's were read only to be dropped; the entries it prints are the same."""
    from mstrack.store import import_reads
    from mstrack.store.reads import Reads

    def never(*args, **kwargs):
        raise AssertionError("the programme's window or the log's read")

    monkeypatch.setattr(import_reads, "programme_windows", never)
    monkeypatch.setattr(Reads, "task_states", never)
    result = demo_cli("history", "yantian-2023/19", "-i", "送教上门人", "--format", "json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert entries and {e["indicator"] for e in entries} == {"送教上门人次"}
    refused(demo_cli("history", "yantian-2023/19", "-i", "没有"), "--indicator", "has no indicator")


def test_a_tasks_indicators_come_with_no_report(demo_cli):
    from mstrack.store import Store, parse_ref

    store = Store(demo_cli.url)
    states = store.task_indicators(parse_ref("yantian-2023/19"))
    names = [s.indicator for s in states]
    assert names == [s.indicator for s in store.task_states(parse_ref("yantian-2023/19"))[1]]
    assert {"送教上门人次", "送教上门课时"} <= set(names)
    assert all(s.reports == [] for s in states)
    assert any(s.reports for s in store.task_states(parse_ref("yantian-2023/19"))[1])  # the log's read has them
