"""Issue 13, read48c: structures of partly read corpus files, each in a small table or list. A rule's bound
("原则上…不得少于2人") is no target of the year."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_rules_bound_is_no_target():
    """"原则上大中型企业不得少于2人，小型企业不得少于1人": what each enterprise must keep, as a rule (原则上) that
    forbids (不得) less: a norm, no figure the task reaches; "不少于2人" unruled is a target still."""
    assert _figures("落实总会计师制度，原则上大中型企业不得少于2人，小型企业不得少于1人。") == []
    assert _figures("每个社区配备社工原则上2人。") == []
    assert _figures("执法人员数量不得低于在册人数的70%。") == []
    assert _figures("培训财务人员不少于2人。") == [(2, "人")]
    assert _figures("新建幼儿园3所，原则上在原址建设。") == [(3, "所")]
