"""What the views and inputs say (views51): a start word on a counted indicator is refused with what to type; …"""

from __future__ import annotations

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan


def test_a_start_word_on_a_counted_indicator_says_what_to_type(cli, tmp_path):
    """"已开工" on 建成3所 (a target of 3所, not a line of checkpoints) was refused "VALUE 已开工 is not a quantity:
    expected a number such as 3.2万 or 65%", as if a typo. It is a start: it says nothing of how many are built, so it
    is refused in words that say so and what to type (the count so far, the words as a note), by `log` and `import
    progress` alike (domain.progress.check_value), exit 2, nothing written."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    said = ("已开工 says the work has started, not what 幼儿园 stands at: give the figure so far (0 if none is done "
            "yet), and 已开工 as its note (--note, or the 备注 column)")
    refused(cli("log", "x-2023/1", "已开工", "--as-of", "2023-07-03"), f"VALUE {said}")
    refused(cli("log", "x-2023/1", "開工", "--as-of", "2023-07-03"), "開工 says the work has started")
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,幼儿园,2023-07-07,已开工\n", encoding="utf-8")
    refused(cli("import", "progress", str(sheet)), f"{sheet}:2:数值: {said}")
    assert cli.sql("select count(*) from report") == [(0,)]
    done(cli("log", "x-2023/1", "0", "--as-of", "2023-07-03", "--note", "已开工"))
    assert cli.sql("select value, note from report") == [(0, "已开工")]
