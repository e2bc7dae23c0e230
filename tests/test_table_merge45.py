"""Where two readings of one session met (13-read45c's duty paragraphs, 13-read45d's labels on one line): a duty
paragraph read is a cell "牵头单位：A；责任单位：B" of its own, read whole by the units' reader; only a value that opens with
its own words has the labels after it split off. Seen failing on the merge of the two: pingtan-2015-yiju read every
office as a lead (65 → 37 of 80 facts)."""

from mstrack.sources.table.list_labels import further_labels


def test_a_cell_of_its_own_labels_is_read_whole():
    cell = "牵头单位：区规划局；责任单位：所在乡镇人民政府、区直有关责任部门"
    assert further_labels(cell) == (cell, {})


def test_labels_after_a_labels_value_on_one_line_are_split_off():
    assert further_labels("区交通局；责任单位：区城管局") == ("区交通局", {"责任单位": "区城管局"})
