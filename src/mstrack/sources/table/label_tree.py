"""A target-responsibility sheet's header (目标责任书): 工作任务 merged over a tree of labels, beside 目标及质量要求."""

from __future__ import annotations

import re

from mstrack.sources.table.columns import Column, squeezed

REQUIREMENT_RE = re.compile(r"目标|要求|质量|标准")  # 目标及质量要求, 目标要求, 质量标准: what the task must reach
WORK_RE = re.compile(r"工作|任务")  # 工作任务, 重点工作, 主要任务: the work
OTHER_KINDS = ("seq", "schedule", "period", "deadline", "lead", "units", "start", "office", "measure", "area", "amount")


def label_tree(columns: list[Column]) -> bool:
    """A header of task names only (工作任务 / 目标及质量要求), no 序号, office or date column: the column naming
    targets or requirements after the work's holds each task's targets and dated steps (a schedule), not a second task,
    and the header stands (True); 工作任务 merged over several columns heads a tree of labels ("考核指标(55分)" >
    "“三重”工作(20分)" > "重点工作(15分)"), whose last column names each row's task (its leaf), the ones before it the
    groups above."""
    if any(c.kind in OTHER_KINDS for c in columns):
        return False  # a 序号, office or date column: the other rules read the header
    tasks = [c for c in columns if c.kind == "task"]
    asked = [c for c in tasks if REQUIREMENT_RE.search(squeezed(c)) and not WORK_RE.search(squeezed(c))]
    work = [c for c in tasks if WORK_RE.search(squeezed(c)) and not REQUIREMENT_RE.search(squeezed(c))]
    if len(asked) + len(work) < len(tasks):
        return False  # 指标名称, 全年任务目标(个): names and figures, not the work and what it must reach
    if not asked or not work or any(c.index < w.index for c in asked for w in work):
        return False
    for column in asked:
        column.kind = "schedule"
    merged = [c for c in work if squeezed(c) == squeezed(work[-1])]
    if len(merged) >= 2 and [c.index for c in merged] == list(range(merged[0].index, merged[-1].index + 1)):
        for column in merged[:-1]:
            column.kind = ""  # a group's label: the leaf's own column names the task
    return True

