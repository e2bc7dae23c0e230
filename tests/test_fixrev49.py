"""fixrev49: the review's findings on the fourteenth session's reader work (review49), each on a small cell or
table: short office names keep their own (no town's ending shared with 发改, 卫健 …), a deadline's dated parts
give no figure of the year, dated batches keep their dates beside an item's own deadline, 规划一所 counts one, and
one list of countable units."""

from __future__ import annotations

import pytest

from .conftest import convert_written

# --- R2: a short office name is no place to share the next name's ending --------------------------------------------


@pytest.mark.parametrize(("cell", "units"), [
    ("县发改、财政、城关镇", ["县发改", "财政", "城关镇"]),
    ("卫健、民政、城南社区", ["卫健", "民政", "城南社区"]),
    ("卫健、教育、高新园区管委会", ["卫健", "教育", "高新园区管委会"]),
    ("区教育局、卫健、东湖街道", ["区教育局", "卫健", "东湖街道"]),
    ("县林业、自然资源、东城开发区管委会", ["县林业", "自然资源", "东城开发区管委会"]),
    ("金井湾、岚城片区开发管理局", ["金井湾片区开发管理局", "岚城片区开发管理局"]),
    ("东湖、西湖、南湖街道", ["东湖街道", "西湖街道", "南湖街道"]),
])
def test_short_office_names_keep_their_own_before_a_towns_name(cell, units):
    from mstrack.sources.table.office_names import split_units

    assert split_units(cell) == units


def test_a_short_office_name_in_a_units_cell_is_doubted_again(tmp_path):
    rows = [["序号", "工作任务", "完成时限", "牵头单位", "责任单位"],
            ["1", "改造社区卫生服务站3个", "2024年11月底", "县卫健局", "卫健、民政、城南社区"]]
    converted = convert_written(tmp_path, "a.xlsx", rows)
    units = [u for line in converted.programme.tasks[0].lines for u in line.units]
    assert "卫健社区" not in units and "卫健" in units, units
    assert any("“卫健” is a unit" in str(d) for d in converted.doubts), converted.doubts


# --- R3: a deadline's dated parts beside the item's undated work give dates, no figure of their own ----------------


def test_a_deadline_parts_figure_printed_once_is_no_indicator(tmp_path):
    """"2024年6月底前完成10个，12月底前全部完成" beside "完成老旧小区改造20个" (a 工作举措 column): the part's 10 is printed in
    one period only (tests/data/tables/README.md, "Quarters' figures with no figure of the year"): no indicator '指标'
    of 10 (the work is 20), only the dates as checkpoints."""
    rows = [["序号", "工作任务", "工作举措", "完成时限", "责任单位"],
            ["1", "推进老旧小区改造", "完成老旧小区改造20个，同步实施管网改造", "2024年6月底前完成10个，12月底前全部完成", "县住建局"]]
    task = convert_written(tmp_path, "a.xlsx", rows).programme.tasks[0]
    assert [(i.name, i.target) for line in task.lines for i in line.indicators if i.target == 10] == []
    assert sorted({c.due.isoformat() for line in task.lines for c in line.checkpoints}) == ["2024-06-30", "2024-12-31"]


# --- R8: 一 after a verb ending in 划 (规划, 计划, 策划, 谋划, 筹划) is a count; 划一 alone is a word ----------------


@pytest.mark.parametrize(("clause", "count"), [("规划一所九年制学校", "1"), ("计划一处停车场年内开工", "1"), ("策划一场全县运动会", None),
                                               ("纳入污水管网统一处理", None), ("标识整齐划一处理", None)])
def test_one_after_a_verb_ending_in_hua_is_a_count(clause, count):
    from mstrack.sources.table.numbers import numbers_in

    assert [n for *_, n in numbers_in(clause)][:1] == ([count] if count else [])


# --- R9: one list of the units that count whole things --------------------------------------------------------------


def test_the_reader_and_the_domain_count_the_same_units():
    from mstrack.domain.quantities import countable
    from mstrack.sources.table.numbers import COUNT_UNITS
    from mstrack.vocabulary import COUNTABLE_UNITS

    assert COUNT_UNITS is COUNTABLE_UNITS
    assert countable("户次") and countable("场次") and countable("床")  # the reader's counts are the domain's


# --- R7: dated batches keep their dates beside an item's own 完成时间 ------------------------------------------------

BATCHES = "试点单位：第一批：区档案局、市场监督管理局，2017年12月底前完成；第二批：区公安局、规划局，2018年6月底前完成。"
OTHERS = ["二、加快医社保自助结算", "在医院引入自助结算终端机，实现医保异地结算。", "牵头单位：区社会事业局", "完成时间：2018年3月底前完成",
          "三、推进不动产抵押登记银行直接办理", "将抵押权登记部分业务委托银行代办。", "牵头单位：区环境与国土资源局",
          "完成时间：2017年10月底前完成"]


@pytest.mark.parametrize(("own", "deadline", "dues"), [
    ("2018年12月底前完成", "2018-12-31", ["2017-12-31", "2018-06-30", "2018-12-31"]),
    ("2018年3月底前完成", "2018-06-30", ["2017-12-31", "2018-03-31", "2018-06-30"]),
])
def test_dated_batches_keep_their_dates_beside_the_items_own_deadline(tmp_path, own, deadline, dues):
    from .conftest import text_tasks

    lines = ["某区深化改革三项措施", "一、实施档案电子化，构建审批“一张网”",
             "推进全区档案电子化工程，对重复使用的档案文件进行筛选、扫描、存储，实现快速查询。", "牵头单位：区行政审批局", BATCHES,
             f"完成时间：{own}", *OTHERS]
    task = text_tasks(tmp_path, lines, 2017)[0]
    assert task.deadline.isoformat() == deadline
    assert sorted({c.due.isoformat() for line in task.lines for c in line.checkpoints}) == dues
    assert [u for line in task.lines for u in line.units] == ["区档案局", "市场监督管理局", "区公安局", "规划局"]


# --- R6: of two runs making the same new store at once, only the one that made it says so ----------------------------


@pytest.mark.sqlite_only
def test_a_store_made_meanwhile_by_another_run_is_not_said_created(tmp_path):
    from mstrack.store import Store

    url = f"sqlite:///{tmp_path / 'office.db'}"
    first, second = Store(url), Store(url)
    try:
        looks = iter([0, 0])  # the second run looked (require_schema's look, then init's) before the first committed
        real = second.schema_version

        def version(names=None):
            look = next(looks, None)
            return real(names) if look is None else look

        second.schema_version = version
        assert first.require_schema(write=True, creates=True) is True
        assert second.require_schema(write=True, creates=True) is False
    finally:
        first.close()
        second.close()


# --- R5: a refused first `import plan` leaves no store and says none was made --------------------------------------


@pytest.mark.sqlite_only  # what is left on disk: the file and its -wal and -shm
def test_a_refused_first_import_removes_the_store_it_made(tmp_path):
    from .conftest import Cli, done, plan_task, plan_tasks, refused, write_plan

    first = write_plan(tmp_path / "a.toml", plan_tasks(plan_task("1", "学校", "教育局", "新建学位", "个", 100,
                                                                reports=[("2023-06-30", 40)])))
    second = write_plan(tmp_path / "b.toml", plan_tasks(plan_task("1", "学校", "教育局", "学位", "间", 100)))
    store = tmp_path / "office.db"
    said = refused(Cli(store)("import", "plan", str(first), str(second)), "the new plan drops or changes what reports hang on")
    assert "created the store" not in said, said
    assert not any(tmp_path.glob("office.db*")), list(tmp_path.glob("office.db*"))
    refused(Cli(store)("status"), "no mstrack data here yet")  # a mistyped --db is still said to hold nothing
    made = Cli(store)("import", "plan", str(first))
    done(made)
    assert f"created the store {store}" in made.stderr, made.stderr
    assert Cli(store).sql("SELECT count(*) FROM task") == [(1,)]
