"""What a dated step of a task says: a bare step (a figure with only a verb of doing or starting), and the stage of the
work a step or a figure counts (started, done)."""

from __future__ import annotations

import re

from mstrack.domain.characters import simplified
from mstrack.sources.table.figure_names import content_words
from mstrack.sources.table.mentions import Mention
from mstrack.sources.table.schedule import COMPLETION, ITEM_STEP, START, step_subject, without_date
from mstrack.sources.table.series import Series
from mstrack.vocabulary import DONE_STAGE_WORDS, NEW_THING_WORDS, STARTED_WORDS


def bare_step(mention: Mention) -> bool:
    """A figure after a dated step ("第三季度前完成2条", "9月底前投用1所", "6月底前开工8个") with no noun nor name of its
    own, only a verb of doing or starting: how far some indicator is."""
    rest = without_date(mention.verbs)
    return not mention.noun and rest != mention.verbs and (not content_words(rest) or VERB_ONLY_RE.fullmatch(rest) is not None)


# the words of a step that name no thing, only what is done by then: "投用", "争取开工", "建成并投入使用", or the item's own
# work a share at a time ("一季度发放30%": schedule.ITEM_STEP)
VERB_ONLY_RE = re.compile(rf"\s*(?:争取|力争|确保|累计|全部|全面|基本|新)?"
                          rf"(?:\s*(?:{COMPLETION}|{START}|交付使用|运营|{ITEM_STEP})\s*并?)+\s*")


# the stage of the work a step or a figure counts: started ("开工") or done ("竣工", "建成投用", "交付使用"); "完成" says
# neither, nor do words that say both ("开工并建成")
STARTED_RE = re.compile("|".join(STARTED_WORDS))
DONE_RE = re.compile("|".join(DONE_STAGE_WORDS))


def work_stage(words: str) -> str | None:
    words = simplified(words)
    started, done = STARTED_RE.search(words), DONE_RE.search(words)
    return None if bool(started) == bool(done) else "started" if started else "done"


def step_stage(mention: Mention) -> str | None:
    """The stage a bare step says ("6月底前开工5个": started)."""
    return work_stage(without_date(mention.verbs))


def series_stage(one: Series) -> str | None:
    """The stage the year's figure counts ("新开工项目10个": started; "建设安置房2000套": the whole work, none)."""
    return figure_stage(one.statement.name if one.statement else "")


# a figure of new things ("新建学校3所", "新增充电桩100个") counts them once they stand, as 建成 does: a start
# ("6月底前开工3所") is no step of it ("新开工项目" still counts starts); projects ("新建项目20个", "新建水利工程8个") are
# counted when they start, so a 新建 figure of them says no stage
NEW_BUILT_RE = re.compile("|".join(NEW_THING_WORDS))
PROJECTS_RE = re.compile(r"项目|工程")


def figure_stage(name: str) -> str | None:
    """The stage a figure's name counts: its verb's (work_stage), or done for new things with no verb of a stage."""
    stage, words = work_stage(name), simplified(name)
    if stage is None and NEW_BUILT_RE.search(words) and not STARTED_RE.search(words) and not PROJECTS_RE.search(words):
        return "done"
    return stage


def stage_fits(step: Mention, figure: Mention) -> bool:
    """A bare step can be how far the figure is: neither says a stage, or both the same ("新开工项目10个，其中6月底前
    竣工3个" counts another stage)."""
    stages = step_stage(step), figure_stage(figure.name)
    return (None in stages or stages[0] == stages[1]) and subject_fits(step, figure.name)


def subject_fits(step: Mention, name: str) -> bool:
    """A bare step whose subject names a thing ("护理床位6月底前达到1000张") is a step only of a figure whose name holds
    it ("养老床位6月底前达到…" of "新增养老床位"), not of "新增养老床位" beside it; an office as subject names none."""
    subject = content_words(simplified(step_subject(step.verbs)))
    return not subject or subject in content_words(simplified(name))
