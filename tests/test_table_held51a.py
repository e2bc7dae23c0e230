"""Issue 13, held51a: an activity schedule — a plan's events "（一）开幕式", each a name on a line of its own over its
labelled fields ("1.时间：…" "2.主办单位：…" "3.承办单位：…" "4.地点：…" "5.参加对象：…"): each event a task, dated by
its time (a span's last day), led by its organiser (主办) with its undertaker (承办, 协办) as units; a place, the
participants and any field the reader does not know are no office and no date, and end nothing. Events naming no
organiser of their own are led by the one the plan names for all of them ("本次活动由X负责组织协调")."""

from __future__ import annotations

import datetime as dt

from .conftest import convert_written, text_tasks

TITLE = "某县文体旅游局关于印发《2024年全民健身周活动实施方案》的通知"
CLOSING = ["三、工作要求", "1.各单位要高度重视，精心组织，确保活动安全有序。", "2.活动结束后及时报送活动总结。"]


def _read(tmp_path, body: list[str]):
    return {t.code: t for t in text_tasks(tmp_path, [TITLE, *body], 2024)}


def _who(task) -> tuple[list[str], list[str]]:
    return task.lines[0].lead_units, task.lines[0].units


SCHEDULE = ["一、活动时间：2024年8月5日—11日",
            "二、活动安排",
            "（一）开幕式",
            "1.时间：8月5日",
            "2.主办单位：县文体旅游局",
            "3.承办单位：县体育中心",
            "4.地点：县体育馆",
            "5.参加对象：县教育局、县卫健局干部职工，各乡镇文体站工作人员",
            "（二）全民健步走",
            "1.时间：8月7日",
            "2.主办单位：县总工会",
            "3.协办单位：县文化馆",
            "4.地点：滨江公园",
            "（三）青少年篮球赛",
            "1.时间：8月10日",
            "2.主办单位：县教育局",
            "3.地点：县第一中学",
            *CLOSING]


def test_each_event_is_a_task_led_by_its_organiser_with_its_undertaker(tmp_path):
    """主办 leads, 承办 and 协办 are units; the participants (offices among them) and the place are neither; each
    event is due on its day; the plan's numbered fields are no parts of the event, and no task of their own."""
    tasks = _read(tmp_path, SCHEDULE)
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]
    assert [t.title for t in tasks.values()] == ["开幕式", "全民健步走", "青少年篮球赛"]
    assert [_who(t) for t in tasks.values()] == [(["县文体旅游局"], ["县体育中心"]), (["县总工会"], ["县文化馆"]),
                                                  (["县教育局"], [])]
    assert [t.deadline for t in tasks.values()] == [dt.date(2024, 8, 5), dt.date(2024, 8, 7), dt.date(2024, 8, 10)]
    assert not any(t.lines[0].indicators for t in tasks.values())


def test_a_field_the_reader_does_not_know_ends_no_event(tmp_path):
    """"2.活动口号：…" between the time and the organiser: skipped, the fields after it still the event's."""
    body = [line for line in SCHEDULE]
    at = body.index("2.主办单位：县总工会")
    body[at:at + 2] = ["2.活动口号：快乐健身，健康生活", "3.主办单位：县总工会", "4.协办单位：县文化馆"]
    body[body.index("4.地点：滨江公园")] = "5.地点：滨江公园"
    tasks = _read(tmp_path, body)
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]
    assert _who(tasks["二(二)"]) == (["县总工会"], ["县文化馆"])
    assert tasks["二(二)"].deadline == dt.date(2024, 8, 7)
    assert "口号" not in tasks["二(二)"].title


def test_a_time_that_is_a_span_dates_the_event_by_its_last_day(tmp_path):
    """"8月6日-8日" (its end a day of the start's month) and "8月30日至9月2日": due on the last day, the first no
    checkpoint (the event runs those days; it does not start work due later)."""
    body = [line for line in SCHEDULE]
    body[body.index("1.时间：8月7日")] = "1.时间：8月6日-8日"
    body[body.index("1.时间：8月10日")] = "1.时间：8月30日至9月2日"
    tasks = _read(tmp_path, body)
    assert tasks["二(二)"].deadline == dt.date(2024, 8, 8)
    assert tasks["二(三)"].deadline == dt.date(2024, 9, 2)
    assert [c.due for c in tasks["二(二)"].lines[0].checkpoints if c.due != tasks["二(二)"].deadline] == []
    assert [c.due for c in tasks["二(三)"].lines[0].checkpoints if c.due != tasks["二(三)"].deadline] == []


def test_the_plans_organiser_leads_the_events_that_name_none(tmp_path):
    """"本次活动由县文体旅游局办公室负责组织协调" in the plan's closing part: the organiser of every event that names no
    organiser or undertaker of its own; an event naming its own keeps it. An event with no time of its own is due at
    the end of the period the plan names for all of them ("一、活动时间：2024年8月5日—11日")."""
    body = [*SCHEDULE[:SCHEDULE.index("4.地点：县体育馆") + 1],  # the opening, its organiser and undertaker its own
            "（二）全民健步走",
            "1.时间：8月7日",
            "2.地点：滨江公园",
            "3.参与对象：县直各单位干部职工、自愿参加的群众。",
            "（三）青少年篮球赛",
            "1.时间：8月10日",
            "2.地点：县第一中学",
            "（四）加强宣传报道",
            "1.媒体宣传：活动期间，由县融媒体中心全程跟踪报道。",
            "2.各单位要充分利用微信等形式宣传健身知识。",
            "三、组织保障",
            "1.本次活动由县文体旅游局办公室负责组织协调，各有关单位协同配合。",
            "2.开幕式现场布置由承办单位负责。"]
    conversion = convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *body]) + "\n", 2024)
    tasks = {t.code: t for t in conversion.programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)", "二(三)", "二(四)"]
    # the period's end is a doubt of the one event it dates, none of those dated by their own time
    assert [str(d).split(": ")[1] for d in conversion.doubts if "deadline read from" in str(d)] == [
        f"line {[TITLE, *body].index('（四）加强宣传报道') + 1}"]
    assert [_who(t) for t in tasks.values()] == [(["县文体旅游局"], ["县体育中心"]), *[(["县文体旅游局办公室"], [])] * 3]
    assert [t.deadline for t in tasks.values()] == [dt.date(2024, 8, 5), dt.date(2024, 8, 7), dt.date(2024, 8, 10),
                                                    dt.date(2024, 8, 11)]
    assert tasks["二(四)"].title == "加强宣传报道"


def test_events_dated_by_their_time_alone_are_read_as_a_best_effort(tmp_path):
    """Events naming no organiser, and a plan naming none for all: no layout the reader knows (no office to assign
    them), yet each dated by its labelled time ("1.时间：8月7日") — a mark of work as a date in its words is, for the
    best-effort reading's gate: read so, each due on its day, every task a doubt."""
    body = ["一、活动时间：2024年8月5日—11日", "二、活动安排",
            "（一）全民健步走", "1.时间：8月7日", "2.地点：滨江公园", "3.参与对象：县直各单位干部职工",
            "（二）青少年篮球赛", "1.时间：8月10日", "2.地点：县第一中学",
            "（三）广场舞展演", "1.时间：8月11日", "2.地点：人民广场", "3.参加对象：各乡镇广场舞队",
            *CLOSING]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join([TITLE, *body]) + "\n", encoding="utf-8")
    from mstrack.sources.table import convert_table

    conversion = convert_table(path, "x-2024", 2024)
    assert conversion.best_effort is not None
    tasks = {t.code: t for t in conversion.programme.tasks}
    assert list(tasks) == ["二(一)", "二(二)", "二(三)"]
    assert [t.deadline for t in tasks.values()] == [dt.date(2024, 8, 7), dt.date(2024, 8, 10), dt.date(2024, 8, 11)]
    assert not any(u for t in tasks.values() for u in t.lines[0].units)


def _rows(lines: list[str]):
    from mstrack.sources.table.reading import Row

    return [Row(k, [line]) for k, line in enumerate(lines, 1)]


def test_stages_and_a_lone_event_are_no_schedule():
    """Stages dated by a "时间：" line over their "任务：" (a period of work, list_stages' reading) name no place, organiser
    or participants: no events. One event among items of work is none either: a schedule is two events or more, most
    of the part's items."""
    from mstrack.sources.table.list_events import activity_schedule

    stages = ["三、时间安排", "（一）前期准备阶段", "时间：2023年9月-10月", "任务：制定工作方案。",
              "（二）整治实施阶段", "时间：2023年11月-2024年1月", "任务：开展示范创建。"]
    assert activity_schedule(_rows(stages)) == activity_schedule([])
    lone = ["二、主要任务", "（一）新建健身步道5公里", "责任单位：县住建局", "（二）举办全民健身运动会",
            "1.时间：8月5日", "2.地点：县体育馆", "（三）新建社区健身广场3个", "责任单位：县文体旅游局"]
    assert activity_schedule(_rows(lone)).fields == {}
    two = [*lone[:-2], "（三）举办广场舞展演", "1.时间：8月11日", "2.主办单位：县文化馆"]
    read = activity_schedule(_rows(two))
    assert read.items == {1, 3, 6} and sorted(read.fields) == [2, 4, 5, 7, 8]


def test_import_table_reads_a_schedule_end_to_end(tmp_path):
    """The installed `mstrack import table`, in a subprocess: the plan written holds each event with its lead, units
    and day; a schedule read only as a best effort is refused under --strict, exit 2, nothing written."""
    import tomllib

    from .test_end_to_end import run

    (tmp_path / "plan.txt").write_text("\n".join([TITLE, *SCHEDULE]) + "\n", encoding="utf-8")
    run("--db", str(tmp_path / "t.db"), "import", "table", "plan.txt", "-p", "x-2024", "--year", "2024", "-o", "plan.toml",
        cwd=tmp_path)
    plan = tomllib.loads((tmp_path / "plan.toml").read_text(encoding="utf-8"))
    assert [(t["code"], t["lines"][0]["lead_units"], t["lines"][0].get("units", []), t["deadline"]) for t in plan["tasks"]] == [
        ("二(一)", ["县文体旅游局"], ["县体育中心"], "2024-08-05"), ("二(二)", ["县总工会"], ["县文化馆"], "2024-08-07"),
        ("二(三)", ["县教育局"], [], "2024-08-10")]
    unled = [line for line in SCHEDULE if "主办" not in line and "协办" not in line and "承办" not in line]
    (tmp_path / "unled.txt").write_text("\n".join([TITLE, *unled]) + "\n", encoding="utf-8")
    done = run("--db", str(tmp_path / "t.db"), "--lang", "en", "import", "table", "unled.txt", "-p", "x-2024", "--year", "2024",
               "-o", "unled.toml", "--strict", cwd=tmp_path, check_code=2)
    assert "read only as a best effort" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "unled.toml").exists()
