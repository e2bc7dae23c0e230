"""How alike two figures or two names are: the same figure said again for one thing or for another, and how close
two names are when a figure is matched with an indicator (split from mentions.py, which finds the figures)."""

from __future__ import annotations

import re

from mstrack.domain.dates import PERIOD_RE
from mstrack.sources.table.figure_names import content_words
from mstrack.sources.table.figure_spans import RATE_BEFORE_RE
from mstrack.sources.table.mentions import Mention
from mstrack.sources.table.numbers import unit_key
from mstrack.sources.table.office_names import ends_like_unit
from mstrack.sources.table.schedule import month_digits, without_date
from mstrack.vocabulary import DONE_STAGE_WORDS, FIGURE_VERBS, STARTED_WORDS, TASK_OPENING


def another_thing(mention: Mention, earlier: list[Mention], text: str) -> bool:
    """"新建2个湿地保护小区,新建2个湿地乡村": the same figure again in one sentence, each time with a verb of its own
    before it and a noun of its own after it, counts another thing. A figure with no noun after it, before the same
    noun, in another sentence (a title and the content that details it), or in a list with no verb of its own
    ("一个医疗服务网格、一个门诊查询码": a slogan's parts) is the one target printed twice; so is a part given with its
    whole ("新建2个口袋公园,其中新建2个社区公园", "含…", "包括…")."""
    if PART_OF_WHOLE_RE.match(mention.verbs):
        return False
    same = [one for one in earlier if one.value == mention.value and unit_key(one.unit) == unit_key(mention.unit)]
    sentences = re.split(r"[。；;\n]", text)
    if same and all(_own_line(first, mention, text) for first in same):
        return True  # "新增托位数900个\n新增公办园学位900个": each line of a cell's list is a part of its own
    if same and all(_own_step(first, mention) for first in same):
        return True  # "6月底前新建幼儿园3所，12月底前新建小学3所": each step names its own work
    if not mention.noun and same and all(_own_subject(first, mention, sentences, earlier) for first in same):
        return True  # "社会消费品零售总额增长5%,外贸出口增长5%": each figure after a subject of its own
    if not mention.noun and same and all(_own_stage(first, mention, sentences) for first in same):
        return True  # "改造项目开工400套,建成400套": the work started and the work done, two targets
    if same and all(own_offices(first, mention) for first in same):
        return True  # "区医院准备2000元常用义诊药品；中医院准备2000元…": each office's share, two things
    if same and all(_own_name(first, mention, text) for first in same):
        return True  # "…生态步道70公里；…清理底泥70公里", "30%以上的社区…、30%以上…乡镇卫生院": two things
    clauses = re.split(r"[。\n]", text)  # "…不少于1处宣传展示…内容；…不少于1处展示…公益广告": one sentence's clauses
    return bool(mention.noun) and _has_verb(mention, same, text) and bool(same) and all(
        first.noun and first.noun not in mention.noun and mention.noun not in first.noun
        and any(first.excerpt in one and mention.excerpt in one for one in clauses) for first in same)


OFFICE_OPENING_RE = re.compile(r"[\u4e00-\u9fff]{2,17}")  # an office's name: characters only, as list_doers.CLAUSE_NAME_RE
JOINT_RE = r"(?:以及|和|及|与)\s*"
LIST_MARK_RE = r"、\s*"  # "新建一所小学、一所初中": a list's mark joins counted objects after a verb of work only


def _has_verb(mention: Mention, same: list[Mention], text: str) -> bool:
    """Words of its own before the figure, or a joint after a figure with a verb ("新建一幢食堂和一幢配套配电房"): the
    verb is shared, the noun after each figure its own; a list's 、 joins so only after a verb of work that takes a
    counted object ("新建一所小学、一所初中"), not the parts of a slogan ("实现“一个网格、一个查询码”")."""
    if re.search(r"[\u4e00-\u9fff]", mention.verbs):
        return True
    return bool(re.search(JOINT_RE + re.escape(mention.excerpt), text)) \
        and any(re.search(r"[\u4e00-\u9fff]", one.verbs) for one in same) \
        or bool(re.search(LIST_MARK_RE + re.escape(mention.excerpt), text)) \
        and (any(re.search(FIGURE_VERBS, one.verbs) for one in same) or _verb_after_list(mention, text))


def _verb_after_list(mention: Mention, text: str) -> bool:
    """The list's verb printed after it, in the figure's clause ("对2家工业气体、8家加油站、8家涉氨制冷企业进行监督检查"):
    the figures count the objects it acts on."""
    return bool(re.match(r"[^，,；;。：:]*?进行", text[text.index(mention.excerpt):]))


def own_offices(first: Mention, then: Mention) -> bool:
    """Two figures whose words each open with an office of its own, the doer of its clause ("区医院准备2000元…",
    "中医院准备2000元…"): the offices' shares, each its own target."""
    return bool(office := opening_office(first.verbs)) and opening_office(then.verbs) not in ("", office)


def opening_office(words: str) -> str:
    """The office's name a figure's words open with, before their verb ("区医院准备": 区医院); "" when they open with
    none: a verb ("新增城镇就业", vocabulary.TASK_OPENING), a place."""
    return next((words[:j] for j in range(len(words) - 1, 1, -1)
                 if OFFICE_OPENING_RE.fullmatch(words[:j]) and ends_like_unit(words[:j])
                 and not re.match(TASK_OPENING, words)), "")  # "新增城镇就业…": a verb, no office


def opens_with_date(mention: Mention) -> bool:
    """A figure whose words open with a date ("第一季度完成年度投资的25%", "6月底前新建公厕10座"): a dated step."""
    return without_date(mention.verbs) != mention.verbs


def _own_step(first: Mention, then: Mention) -> bool:
    """Two figures each after a date of its own and a name the other does not share ("6月底前新建公厕10座，12月底前
    改造公厕10座"): two works, each due then; the same name at two dates is the one target restated."""
    return not first.noun and not then.noun and all(map(opens_with_date, (first, then))) \
        and first.name not in then.name and then.name not in first.name


def _own_line(first: Mention, then: Mention, text: str) -> bool:
    """Two figures, each on a line of its own below the title line ("安心托幼行动\n新增托位数900个\n新增公办园学位900个",
    a cell's numbered lines given as the item's parts) after words the other does not share: two targets. The title
    and a line that details it are one target said twice (their names share their words)."""
    lines = text.split("\n")
    held = [[i for i, line in enumerate(lines) if one.excerpt in line] for one in (first, then)]
    names = [content_words(one.name) for one in (first, then)]
    return all(len(at) == 1 and at[0] > 0 for at in held) and held[0] != held[1] \
        and all(names) and names[0] not in names[1] and names[1] not in names[0]


QUALIFIER_RE = re.compile(r"\s*(?:约|大约|不少于|不低于|至少|超过|达到?)?\s*$")


def _stage(mention: Mention) -> str | None:
    """The stage of the work the verb right before a figure names: "start" ("开工400套"), "done" ("建成400套"), or None;
    an estimate or a bound between them says no other stage ("开工约400套", "建成不少于400套")."""
    verbs = QUALIFIER_RE.sub("", mention.verbs)
    if verbs.endswith(STARTED_WORDS):
        return "start"
    return "done" if verbs.endswith(DONE_STAGE_WORDS) else None


def _own_stage(first: Mention, then: Mention, sentences: list[str]) -> bool:
    """The same figure with no noun after it, in one sentence, once after the verb that starts the work and once after
    one that finishes it ("东晏头棚户区改造项目开工400套,建成400套"): two targets, the homes started and the homes done.
    Two figures of one stage, or a list's with no verb ("学位2万个、幼儿园学位2万个"), stay one."""
    stages = {_stage(first), _stage(then)}
    return not first.noun and stages == {"start", "done"} \
        and any(first.excerpt in one and then.excerpt in one for one in sentences)


def _own_subject(first: Mention, then: Mention, sentences: list[str], earlier: list[Mention] = ()) -> bool:
    """Two figures with no noun after them, in one sentence, each after a subject the other does not share and a verb
    of its own ("…总额增长5%,外贸出口增长5%"): two things. Without the verb ("学位2万个、幼儿园学位2万个") a list's parts
    stay the one target, as the seeds read them; a figure after a joint ("分别增长7.5%和8%") has the verb before it."""
    return not first.noun and first.name not in then.name and then.name not in first.name \
        and all(one.name != "指标" and RATE_BEFORE_RE.search(_joined_verbs(one, earlier)) for one in (first, then)) \
        and any(first.excerpt in one and then.excerpt in one for one in sentences)


def _joined_verbs(mention: Mention, earlier: list[Mention]) -> str:
    """The words before a figure; for one with none but a joint ("…分别增长 7.5%和 8%"), those of the figure of the same
    name before it, which it shares."""
    if re.search(r"[\u4e00-\u9fff]", mention.verbs):
        return mention.verbs
    return next((one.verbs for one in reversed(earlier) if one is not mention and one.name == mention.name
                 and re.search(r"[\u4e00-\u9fff]", one.verbs)), mention.verbs)


def _own_name(first: Mention, then: Mention, text: str) -> bool:
    """The same figure after two names, neither holding the other: two things when each is a share printed before the
    things it is a share of ("30%以上的社区卫生服务中心、30%以上服务人口超过2万的乡镇卫生院", a list naming them one by
    one), or when the names share no word and the figures, with no noun after them, stand in sentences of their own in
    one paragraph ("生态步道70公里；…清理底泥70公里"; a title and the lines that detail it say one figure twice, in
    words of their own)."""
    names = [content_words(one.name) for one in (first, then)]
    if any(one.name == "指标" or len(words) < 2 for one, words in zip((first, then), names, strict=True)) \
            or names[0] in names[1] or names[1] in names[0]:
        return False
    if all(unit_key(one.unit) == "%" and not re.search(r"[\u4e00-\u9fff]", one.verbs) for one in (first, then)):
        return True  # each a share of the things after it
    return not first.noun and not then.noun and not word_pairs(first.name) & word_pairs(then.name) \
        and not any(first.excerpt in one and then.excerpt in one for one in re.split(r"[。；;\n]", text)) \
        and any(first.excerpt in line and then.excerpt in line for line in text.split("\n"))


PART_OF_WHOLE_RE = re.compile(r"\s*[（(]?\s*(?:其中|含|包括|包含)")


def word_pairs(text: str) -> set[str]:
    words = content_words(text)
    grams = {words[i: i + 2] for i in range(len(words) - 1)}
    return grams or set(words)


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character pairs: "新增泊位" is close to "新增停车泊位", far from "充电桩"."""
    ga, gb = word_pairs(a), word_pairs(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def works_named(parts: list[str], works: list[str]) -> list[int]:
    """The work each dated part names, as an index into `works` ("3、钟楼农贸市场星级改造计划10月1日前完成" → the clause
    "完成钟楼农贸市场…提升改造", wherever it stands): the one clause whose own words (pairs of characters no other
    clause holds) the part shares most of, a place or a thing; a part naming none, or one another part names too,
    takes the clauses left in their order, as a part in its position would."""
    held = [word_pairs(work) for work in works]
    own = [pairs - set().union(*(other for k, other in enumerate(held) if k != j)) for j, pairs in enumerate(held)]
    named: dict[int, int] = {}
    for i, part in enumerate(parts):
        shared = [len(word_pairs(PERIOD_RE.sub(" ", month_digits(part))) & pairs) for pairs in own]
        best = max(shared, default=0)
        if best and shared.count(best) == 1:
            named[i] = shared.index(best)
    twice = {j for j in named.values() if list(named.values()).count(j) > 1}
    named = {i: j for i, j in named.items() if j not in twice}
    left = iter(j for j in range(len(works)) if j not in named.values())
    return [named[i] if i in named else next(left) for i in range(len(parts))]
