"""Issue 13, read47c: the 平潭 documents of several parts: a closing part numbering its measures on from the part before
it ("四、保障要素" over "（三）…" after "三、重点任务"'s "（一）" "（二）"), each with its offices."""

from __future__ import annotations

from .conftest import convert_written

PLAN = ["某区2024年“一老一小”整体解决方案", "三、重点任务", "（一）完善养老服务网络",
        "1.新建社区养老服务站5个。", "责任单位：区民政局、区财政局",
        "2.改造特困供养机构2所。", "责任单位：区民政局",
        "（二）扩大托育服务供给",
        "1.新增普惠托位200个。", "责任单位：区卫健局",
        "2.建设托育综合服务中心1个。", "责任单位：区卫健局、区发改局"]


def _codes(tmp_path, closing: list[str]) -> dict[str, list[str]]:
    tasks = convert_written(tmp_path, "plan.txt", "\n".join([*PLAN, *closing]) + "\n").programme.tasks
    return {t.code: t.lines[0].units for t in tasks}


def test_closing_part_numbered_on_from_the_part_before_is_read(tmp_path):
    """pingtan-2023-yilaoyixiao's 四、保障要素 "（十一）…（十八）" after 三's "（一）…（十）": its measures naming offices
    are tasks coded in the part, as a closing part numbered from "（一）" is (close47)."""
    codes = _codes(tmp_path, ["四、保障要素", "（三）建立工作机制。成立工作领导小组，统筹推进各项工作。", "责任单位：区民政局、区卫健局",
                              "（四）加大资金投入。将养老托育经费纳入年度部门预算。", "责任单位：区财政局"])
    assert "四(三)" in codes and "四(四)" in codes
    assert codes["四(四)"] == ["区财政局"]


def test_closing_part_numbered_neither_from_one_nor_on_is_not_read(tmp_path):
    """A closing part whose first number neither starts a count nor follows the part before ("（七）" after "（二）"):
    no run of its own, not read."""
    codes = _codes(tmp_path, ["四、保障要素", "（七）建立工作机制。成立工作领导小组，统筹推进各项工作。", "责任单位：区民政局、区卫健局"])
    assert not any(code.startswith("四") for code in codes)
