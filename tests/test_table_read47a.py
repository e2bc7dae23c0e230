"""Issue 13, read47a: the structures of the thirty-third held-out set, each in a small list. A group's offices named
once, in a labelled bracket on a line of its own after the group's last item ("（责任单位：X、Y，Z）"), the group's heading
opening with a paragraph of its own above its items "1." …; duties listed under each party's name printed as a heading
of its own ("（一）区教育局"); and figures in a rule's conditions (a threshold, a share of a contract's amount) that are no
targets of the year."""

from __future__ import annotations

from .conftest import convert_written

GROUPS = ["某区乡村旅游提质升级行动方案", "一、总体要求", "加快乡村旅游发展。", "二、重点任务",
          "（一）编制乡村旅游发展规划", "根据各乡村资源禀赋，编制乡村旅游发展规划，明确发展重点。",
          "1.乡村旅游延伸产品。推进打造一批特色村。", "2.景村一体化。打造乡村旅游精品线路。",
          "（责任单位：区旅游发展委员会、农村发展局，各乡镇人民政府）",
          "（二）实施乡村旅游基础设施提质升级", "大力改善乡村旅游基础和公共服务设施。",
          "1.乡村旅游公路。加快改造提升乡村旅游公路。", "2.游客服务中心。到2020年底，提升游客服务中心5个以上。",
          "3.旅游厕所。全面提升旅游厕所品质。",
          "（责任单位：区旅游发展委员会、交通与建设局，各乡镇人民政府）",
          "（三）汇聚乡村旅游人才力量", "1.加强乡村旅游人才培训。组织开展重点村旅游培训。",
          "（责任单位：区旅游发展委员会、党群工作部）", "2.推进乡村旅游创客创业行动。支持创建创客示范基地。",
          "（责任单位：区旅游发展委员会、金融办）", "三、保障措施", "（一）强化组织保障", "各部门要高度重视。"]


def test_a_labelled_bracket_on_its_own_line_after_a_groups_last_item_names_the_offices_of_the_whole_group(tmp_path):
    """"（责任单位：…）" on the line after a group's last item, the group's other items naming none: the group's offices
    (its label says so, as role words do in "（X负责，Y配合）"), given to each item; the heading's own paragraph above
    "1." opens the group, no end of the list; a group whose items each print their own bracket keeps them. An item
    headed by the name of what it works on ("乡村旅游公路。加快…") is work when its offices are labelled by role."""
    tasks = convert_written(tmp_path, "plan.txt", "\n".join(GROUPS) + "\n", 2019).programme.tasks
    assert [t.code for t in tasks] == ["二(一)1", "二(一)2", "二(二)1", "二(二)2", "二(二)3", "二(三)1", "二(三)2"]
    assert [t.lines[0].lead_units for t in tasks[:5]] == [["区旅游发展委员会"]] * 5
    assert tasks[0].lines[0].units[1:] == ["农村发展局", "各乡镇人民政府"]
    assert tasks[2].lines[0].units[1:] == ["交通与建设局", "各乡镇人民政府"]
    assert tasks[5].lines[0].units[1:] == ["党群工作部"]
    assert tasks[6].lines[0].units[1:] == ["金融办"]
