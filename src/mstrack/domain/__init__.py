"""Pure rules: Chinese quantities and dates, expected values, statuses, the checks on a logged value. No I/O."""


def unique(items) -> list:
    """The items in the order first seen, each once (units, leaders, links, programmes)."""
    return list(dict.fromkeys(items))
