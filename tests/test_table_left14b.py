"""Issue 13, left14b: review13's leftovers on the labelled-paragraph list rule, each on a small synthetic page: a label
on the item's own line after its sentence is that item's cell; a labelled paragraph that names no column (a contact)
inside a run of items is skipped, neither a task nor a cut; a Word document with no table is read as a page's
paragraphs are."""

from __future__ import annotations

from mstrack.sources.table import convert_table

from .test_table_revfix13b import _convert, _leads  # the same page with a title naming the programme

TITLE = "XX区2024年政府工作报告重点工作责任分解"


def test_a_label_on_the_items_own_line_is_its_cell(tmp_path):
    """"1.新建幼儿园3所。责任单位：区教育局": the office after the label leads, the label is not in the task's words (its
    sentence's stop is: README's title rule, read50c)."""
    programme = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。责任单位：区教育局", "2.改造老旧小区10个。责任单位：区住建局；完成时限：2024年9月底前",
        "二、就业", "1.新增城镇就业3000人。责任单位：区人社局"]).programme
    assert _leads(programme) == [("一1", ["区教育局"]), ("一2", ["区住建局"]), ("二1", ["区人社局"])]
    assert [t.title for t in programme.tasks] == ["新建幼儿园3所。", "改造老旧小区10个。", "新增城镇就业3000人。"]  # its stop kept
    assert [c.due.isoformat() for c in programme.tasks[1].lines[0].checkpoints] == ["2024-09-30"]


def test_a_contact_paragraph_inside_the_list_is_skipped(tmp_path):
    """"联系人：张三，电话：…" between two groups neither cuts the list nor is a task; page fields above and after the
    list ("发布单位：", "来源：") stay out of it."""
    conversion = _convert(tmp_path, [
        "发布单位：区政府办公室", "一、教育", "1.新建幼儿园3所。", "责任单位：区教育局", "2.改造老旧小区10个。", "责任单位：区住建局",
        "联系人：张三，电话：12345678", "二、就业", "1.新增城镇就业3000人。", "责任单位：区人社局", "2.培训农民工500人次。",
        "责任单位：区人社局", "来源：区政府办公室", "发布单位：区政府办公室", "责任编辑：李四"])
    assert _leads(conversion.programme) == [("一1", ["区教育局"]), ("一2", ["区住建局"]), ("二1", ["区人社局"]),
                                            ("二2", ["区人社局"])]
    assert not [u for t in conversion.programme.tasks for line in t.lines for u in line.units or [] if "政府" in u]  # no 发布单位
    assert not [m for m in conversion.doubts if "not read as tasks" in str(m)], conversion.doubts


def test_a_word_document_without_a_table_is_read_as_a_pages_paragraphs(tmp_path):
    """The same list as Word paragraphs, no table: read as the page is, not refused."""
    import docx

    document = docx.Document()
    document.add_heading(TITLE, 1)
    for text in ["一、教育", "1.新建幼儿园3所。", "责任单位：区教育局", "2.改造老旧小区10个。", "责任单位：区住建局",
                 "二、就业", "1.新增城镇就业3000人。", "责任单位：区人社局", "2.培训农民工500人次。", "责任单位：区人社局"]:
        document.add_paragraph(text)
    path = tmp_path / "list.docx"
    document.save(str(path))
    programme = convert_table(path, "x-2024", 2024).programme
    assert _leads(programme) == [("一1", ["区教育局"]), ("一2", ["区住建局"]), ("二1", ["区人社局"]), ("二2", ["区人社局"])]
