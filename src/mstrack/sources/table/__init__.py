"""Published breakdown tables (.txt/.tsv/.csv/.xlsx) converted into a reviewable plan.

Offices publish the same kinds of columns under many headers, so columns are mapped by meaning
(docs/import-table.md). Numbers are read out of the schedule text only where they can be placed
on an indicator; everything else stays as checkpoint text and is listed in the summary, so a
reviewer sees what was read and what was not. Nothing here prints or touches the store.

The reader in steps, one module each: reading (the file as rows of text cells), header (the header
row and what each column means), schedule (schedule text cut into dated periods), mentions (numbers
and their words), series (numbers matched into indicators), tasks (rows into raw tasks), units (who
is responsible, as a unit cell prints it), build (raw tasks into plan tasks) and convert (the whole,
and the reproduction score).
"""


__all__ = ["Conversion", "convert_table", "reproduction"]


def __getattr__(name: str):
    """The reader's whole, imported when asked for: import plan uses only office_names (a plan's units, split as a
    table's are) and importing convert with it cost ~0.3 s of every import plan (1.2 s at load)."""
    if name in __all__:
        from mstrack.sources.table import convert

        return getattr(convert, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
