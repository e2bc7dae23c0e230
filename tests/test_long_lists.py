"""The one cut of a long list a message names (mstrack.long_lists): the first few, then how many more."""

from mstrack.long_lists import cut, first_shown, in_line, numbers_shown


def test_a_short_list_is_said_whole():
    assert cut([1, 2], 5) == ([1, 2], 0)
    assert first_shown(["a", "b"], 2) == ["a", "b"]
    assert numbers_shown(list(range(1, 21))) == ", ".join(map(str, range(1, 21)))


def test_a_long_list_says_how_many_more():
    assert [str(item) for item in first_shown(list("abcdefg"), 5)] == ["a", "b", "c", "d", "e", "… and 2 more"]
    assert str(first_shown(list("abcdefg"), 5, indent="  ")[-1]) == "  … and 2 more"
    assert numbers_shown(list(range(1, 56))) == ", ".join(map(str, range(1, 21))) + ", … (+35)"
    assert numbers_shown([7, 8, 9], shown=2) == "7, 8, … (+1)"
    assert in_line(["a", "b"], 3) == ["a", "b", "… (+3)"] and in_line(["a"], 0) == ["a"]
