"""tidy50: one rule where there were two — a long list's cut (mstrack.long_lists) for the `# check:` doubts a plan
file still holds as for what an old export would put back."""

from mstrack.labels import Labels
from mstrack.long_lists import and_more, first_shown

from .conftest import done
from .test_fix49e import DOUBTED

# five doubts: two more than import plan quotes (cli.files.DOUBTS_SHOWN)
FIVE_DOUBTS = DOUBTED.replace('code = "02"', 'code = "02"  # check: a second code?').replace(
    'code = "03"', 'code = "03"  # check: a third code?')


def test_the_doubts_a_plan_file_holds_are_cut_as_every_long_list(cli, tmp_path):
    plan = tmp_path / "lg.toml"
    plan.write_text(FIVE_DOUBTS, encoding="utf-8")
    imported = cli("import", "plan", str(plan))
    done(imported)
    assert "still holds 5 `# check:` doubts" in imported.stderr, imported.stderr
    assert "\n    … and 2 more\n" in imported.stderr, imported.stderr
    chinese = cli("--lang", "zh", "import", "plan", str(plan), "--dry-run")
    assert "\n    ……另有 2 项\n" in chinese.stderr, chinese.stderr


def test_the_end_of_a_cut_list_is_indented_as_the_lines_above_it():
    assert first_shown(list("abcde"), 3, indent="    ")[-1] == and_more(2, indent="    ")
    assert str(and_more(2, indent="    ")) == "    … and 2 more"
    assert Labels("zh").message(and_more(2, indent="  ")) == "  ……另有 2 项"
