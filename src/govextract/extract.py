"""Extract stage: turn the numbers of one sentence into candidate claims.

The engine is small; what it knows comes from rules/claims.yaml (growth words,
qualifiers, thresholds, non-claim patterns, indicator trimming) and rules/units.yaml.
Candidates carry offsets in the normalized text; the pipeline maps them to the raw
input and validates them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

import regex

from govextract import rules
from govextract.gazetteer import gazetteer
from govextract.indicators import indicator_id
from govextract.numbers import Quantity, parse_quantities
from govextract.segment import fill_pattern, plan_terms


@cache
def _re(pattern: str) -> regex.Pattern:
    """Compiled once: the regex module's own cache costs more than the match."""
    return regex.compile(pattern)

_HAN = regex.compile(r"\p{Han}")
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
# clause boundaries inside a sentence
_CLAUSE_PUNCT = ",，:：;；()（）"
_APPROX_INSIDE = regex.compile(r"[\d十百千万亿][余多]")
_BRACKETED = regex.compile(r"[（(][^（()）]*[）)]")
# rules whose name came from the noun after the figure: no list verb or part-of prefix
_NOUN_RULES = ("count_before_noun", "share_of_units")


@dataclass(slots=True)
class Candidate:
    start: int  # span in the normalized text (indicator start .. last number end)
    end: int
    indicator: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    value_base: float | None = None
    unit_base: str | None = None
    growth_rate: float | None = None
    growth_rate_max: float | None = None
    growth_unit: str | None = None
    base_year: int | None = None
    qualifier: str | None = None
    rule: str = ""
    value_text: str | None = None
    num_start: int = 0  # where the (first) number of the claim stands
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Rules:
    growth_units: frozenset[str]
    growth_re: regex.Pattern  # growth words right before a number (anchored at the end)
    verb_object_re: regex.Pattern  # a clause that is a verb of change and its object (压缩行政经费|5%)
    rate_noun_re: regex.Pattern
    growth_after: regex.Pattern  # 8%的|经济增长目标: the growth the figure is
    price_re: regex.Pattern  # 居民消费价格控制在|3%: the rise of a price level
    price_max: float
    join_re: regex.Pattern
    join_multiple: regex.Pattern
    join_growth_value: regex.Pattern
    people_nouns: regex.Pattern
    small_cn_max: int
    q_before: list[tuple[regex.Pattern, str]]
    q_before_map: dict[str, str]
    q_scoped: regex.Pattern  # 至少|重点办好|1所: a bound said before the verb (group name: the qualifier)
    q_scoped_reach: int  # how far before the figure q_scoped is looked for
    q_after: regex.Pattern
    q_after_map: dict[str, str]
    q_after_wins: frozenset[str]  # after-words that overrule a word before (控制在3.5%左右)
    threshold_after: regex.Pattern
    threshold_before: regex.Pattern
    class_of_kinds: frozenset[str]  # 产值超|千亿元|的产业集群: a class, no count needed
    sum_kinds: frozenset[str]  # 过|10亿元|…: kinds whose threshold is of a sum of money or area
    class_of_noun: regex.Pattern
    class_of_not_after: regex.Pattern
    class_verb: regex.Pattern  # a class threshold's verb, right before the number
    class_units: frozenset[str]
    class_max_words: int
    class_measure: regex.Pattern
    class_trim: regex.Pattern
    class_max_noun: int
    threshold_not_followed: regex.Pattern
    stop_re: regex.Pattern
    drop_units: frozenset[str]
    strip_lead: regex.Pattern
    strip_trail: regex.Pattern
    strip_lead_last: regex.Pattern  # 实现…: cut from the finished indicator
    footnote: regex.Pattern  # 〔24〕 in a name
    span_words: regex.Pattern  # 5年内 in a name: a period, said in the period column
    time_tail: regex.Pattern  # a time closing a name (收入2015年|分别达到, 投资三年|翻一番)
    part_of: regex.Pattern  # ，其中…: a part of the figure before
    stock_words: frozenset[str]  # 总数, 通车里程: a stock of what the figure before adds to
    stock_change: regex.Pattern  # 通车里程|新增: a stock, or its change
    mixed_changes: frozenset[str]  # units of change a 分别 list may mix (%, 倍)
    each_growth_gap: regex.Pattern  # ，均|增长…: one growth said of each level of a list
    price_basis: regex.Pattern  # 扣除价格因素: a growth's price basis
    have_verb: regex.Pattern  # 已有: a count of a part, told by the predicate after it
    period_items: dict[str, str | None]  # 一季度、上半年…: list items that are periods
    period_item_end: regex.Pattern
    time_words: regex.Pattern  # “十二五”年均: a time, no name of a list's items
    from_start: regex.Pattern  # 由“十二五”末的9家 closing a name: where a change starts
    from_point: regex.Pattern  # 由2010年的 / 从最高80元 in a name: a change's start…
    from_point_tail: regex.Pattern  # …cut from its end
    whole_terms: tuple[str, ...]  # 二氧化硫: no list splits inside
    heads: tuple[str, ...]  # head nouns a list shares (营业额), the longest first
    from_to_tail: regex.Pattern  # …由17698元、5781元增加到|: the names stand before it
    from_open: regex.Pattern  # …分别由16.4%和28.4%，|提高到…: a change the next clause ends
    share_of_tail: regex.Pattern  # …物流业增加值|占地区生产总值比重: a tail every item shares
    rate_tail: regex.Pattern  # 人大建议、政协提案|办复率: a rate the items share
    examples_last: regex.Pattern  # 汽车、轨道交通等|产业: a last item closing a list of examples
    measure_end: regex.Pattern  # 农业机械化综合水平: a name closed by its own measure
    rate_verb_end: regex.Pattern  # 农产品本地转化: a name closed by the verb of a rate
    list_gap: regex.Pattern  # 11578元|和|3665.7元: between figures of a list said once
    list_sep: regex.Pattern  # A、B和C: between a list's names, never inside a word (普及率)
    enum_sep: regex.Pattern  # 、 only: a list whose names hold 和
    comparison_word: regex.Pattern  # 比: a growth with a base of its own
    shared_unit_cue: regex.Pattern  # 分别 shortly before a list whose unit is said once
    shared_unit_window: int
    shared_unit_changes: frozenset[str]
    shared_unit_prefixes: frozenset[str]  # 个 of 个百分点: a measure word a listed change unit starts with
    rate_ends: tuple[str, ...]  # a name ending so is a rate or share
    strip_trail_last: frozenset[str]  # last characters of the trailing words
    keep_trailing: tuple[str, ...]
    needs_subject: frozenset[str]
    needs_subject_ends: tuple[str, ...]  # the same words, for str.endswith
    needs_subject_words: regex.Pattern  # 总面积: one character and 投资/面积
    peer_measure: regex.Pattern  # 产量 closing the name before: its peer (产值) takes the words before it
    counted_money: regex.Pattern  # 完成投资, 年度投资: needs a subject after a count
    counted_money_not: regex.Pattern  # …of no count whose name holds these (完工率, 投资)
    np_stop: regex.Pattern
    np_stop_end: regex.Pattern
    np_cut: regex.Pattern  # where a noun after a count ends: the stop words and noun_phrase_end
    max_len: int
    lead_verb: regex.Pattern
    lead_verb_end: regex.Pattern
    counterparts: list[list[str]]  # 收入…、|支出: a word and the words that stand for it in a list
    counterparts_not_in: regex.Pattern
    comma_list_verb: regex.Pattern  # 新增…2家,|海外仓1家: the first item's verb, every item's
    comma_list_not_item: regex.Pattern  # …,|续建项目185个: an item with a verb or stage of its own
    adverbs: regex.Pattern  # leading adverbs (扎实, 有序 ...)
    only_verb: regex.Pattern  # a clause that is only adverbs and object verbs
    object_verb_end: regex.Pattern  # a clause ending in an object verb (提标治理)
    progress_predicates: frozenset[str]
    dummy_verb: regex.Pattern  # 进行了|清理: a verb that only carries the one after it
    bare_predicate_max: int
    example_max_chars: int  # a longer item before 等 is a named example
    example_suffix: regex.Pattern  # an item ending so (…基地, …片区) is a named example
    scope_lead: regex.Pattern  # 全县|先进无梭织机: a scope word opening an indicator
    carry_place_not: frozenset[str]  # places that also name a kind or a level (城镇, 区直): carried to no name
    carry_place_scope: regex.Pattern  # 全省…, 辖区…: a name of another scope ends the carry
    carry_place_not_before: regex.Pattern  # 马鞍山市、…: a place opening a list
    preposition_scope: regex.Pattern  # a preposition with only a scope: 对全区
    list_tail: regex.Pattern  # a list connector at the end of a string
    comparison_only: regex.Pattern
    region_gap: regex.Pattern  # 高于全国平均: a gap to a wider area, of the figure before
    region_gap_end: regex.Pattern  # 基础设施投资增速|高于全省投资平均增速: a name closed by a gap
    prior_growth_tail: regex.Pattern  # 吞吐量在上年|增长18%的基础上: last year's growth
    prior_growth_then: regex.Pattern  # …的基础上再|增长14.8%: the growth of the one before
    prior_growth_after: regex.Pattern  # 18%|的基础上: the first growth is a base
    region_gap_speed: str  # 增速: named in a gap of a growth
    region_gap_speeds: tuple[str, ...]  # names ending so already name a growth
    region_gap_sep: regex.Pattern  # between the areas of a list (全国、全省)
    region_gap_not_subject: tuple[str, ...]  # 预定目标: no figure a gap is of
    base_figure: regex.Pattern  # 比2000年的|1570亿元: a figure of the base year
    share_of: regex.Pattern  # 占全省的: a share whose subject is the figure before
    unit_places: frozenset[str]  # 州直, 市本级: places the gazetteer does not list
    sentence_topic: regex.Pattern  # 青岛开发区,|…: a sub-unit's name opening the sentence alone
    item_done: regex.Pattern  # …与上年持平、: an item without a figure ends here
    growth_alternative: regex.Pattern  # 增长14%、|力争达到|15%: a second goal for the growth
    each: regex.Pattern  # A和B|均|增长12%: the names before share the figure
    each_max: int
    each_count: regex.Pattern  # 两个…: a count inside the names
    rate_list: regex.Pattern  # 办结率、满意率: rates that share one figure
    rate_end: regex.Pattern  # the rate word closing a name (…参保率)
    after_change: regex.Pattern  # 、增加|13天: the change of the figure before
    after_level: regex.Pattern  # 、突破|4000万吨: the level the figure before adds to
    change_in_clause: regex.Pattern  # …比去年增加|500亿元: the change, in the figure's own clause
    change_verb: regex.Pattern  # 人均增加|122元: a verb of change alone before a figure
    increments: regex.Pattern  # 新增 / 新升规入统 in the name of an increment
    increment_names: dict[str, str]
    share_name: str
    share_units: frozenset[str]  # 占全省的71%: a share is a percent or a fraction (not 占地34亩)
    from_year: regex.Pattern  # 由2010年的…增加到|15.07亿元: the year a from-to change starts
    money_word: regex.Pattern  # a bare money word, verbs before it allowed: (开工建设)(总投资)
    money_after_verb: regex.Pattern  # a name ending so takes the money noun and purpose after
    money_after_noun: regex.Pattern
    money_after_purpose: regex.Pattern
    money_after_purpose_verb: regex.Pattern
    money_link: regex.Pattern  # 的 / 实施了 … between the figure and its object
    money_between: regex.Pattern  # 分7年: a span before the link
    money_comma: regex.Pattern  # 投资15.2亿元，|新建…: a bare money word's clause ends at the figure
    money_comma_not: regex.Pattern  # …unless the next clause holds a list (、, 等)
    money_drop_tail: regex.Pattern  # …危房改造任务: words at an object's end that name no use
    money_object_number: regex.Pattern  # a number no quantity was read of, and the words before it
    money_stop: regex.Pattern
    money_next: regex.Pattern  # 、投资…: where the next item of a list of sums begins
    money_not_objects: frozenset[str]
    money_min_chars: int
    money_kinds: frozenset[str]  # unit kinds a figure put into an object may have
    topic_predicate: regex.Pattern  # …进程加快 / …初具规模: a clause that only states a topic's state
    topic_min: int
    topic_verb: regex.Pattern  # 加快发展|职业教育: a clause that is a policy verb and its topic
    topic_verb_max: int
    topic_streak: regex.Pattern  # 连续5年: a streak in a topic's clause
    topic_trailing: regex.Pattern  # 平稳, 持续: adverbs a predicate leaves at a topic's end
    topic_not_ends: regex.Pattern  # 目标任务: a topic that names no thing measured
    growth_share_before: regex.Pattern  # 贡献了全市|60%的增长: a share of a growth, not one
    dated_start: regex.Pattern  # 由2010年的|5000元: the start of a change, dated
    sector_ratio: regex.Pattern  # 11.6∶46.2∶42.2: three sectors' shares
    sector_ratio_cue: regex.Pattern  # 三次产业: the words that name them
    sector_ratio_names: tuple[str, ...]
    sector_ratio_sum: tuple[float, float]
    sector_ratio_window: int
    sector_ratio_not_after: regex.Pattern  # 由|17.5:31.8:50.7调整为: a change's start
    sector_ratio_not_cue: regex.Pattern  # 三次产业就业结构: shares of something else than output
    dated_figure: regex.Pattern  # 2007年的|…: the year a figure right after it is of
    purpose_share: str  # 新增财力70%|用于改善民生: the word naming the share put to a use
    purpose_share_re: regex.Pattern  # …and the use said after it
    money_of_count: str  # 资助贫困学生10.8万人次|1.32亿元: the word naming the money
    money_of_count_kinds: frozenset[str]  # …of a figure of these kinds
    money_of_count_counts: frozenset[str]  # …right after a count of these kinds
    needs_topic: frozenset[str]  # 在校生, 创汇: names that take the clause before as their topic
    topic_scopes: frozenset[str]  # 方面, 领域: the topic is a scope (在…方面)
    prefix_share_heads: frozenset[str]  # 申请量、授权量: measures a short item shares the prefix of
    from_start_gap: int  # 由…增加到|2010年的|…: at most this many characters before the figure changed to
    from_start_growth_not: regex.Pattern  # …，其中2007年比上年增长: a growth not from the start
    grade_item: regex.Pattern  # 国家级|和省级示范区: an item that is only a grade
    grade_last: regex.Pattern  # …和省级|示范区: the last item's noun after its grade
    pair_words: dict[str, list[str]]  # 城乡 -> 城镇, 农村: a name for two distributive items
    sector_item: regex.Pattern  # 一、二、三产业…: an item that is a sector's ordinal
    sector_name: str  # 第{0}产业{1}
    pair_gap: regex.Pattern  # 2.57万元|和|1.68万元: between two values that are a pair's halves
    list_number: regex.Pattern  # 8、: a list number opening an indicator
    bare_rate: regex.Pattern  # 办结率: a rate with no subject of its own
    of_task: regex.Pattern  # …的年度投资计划: a task whose size the figure is
    share_not_units: regex.Pattern  # 10%的|目标: the words after 的 are the figure's kind
    share_drop: regex.Pattern  # 了 in the units' predicate
    share_unit_noun: regex.Pattern  # 乡镇|通油路: units a pair's first item shares the predicate of
    share_units_only: frozenset[str]  # …95%的乡镇和: the first item names the units alone
    pred_goal: regex.Pattern  # …摘帽的年度目标: a goal noun closing a predicate
    pred_copula: regex.Pattern  # 这10件实事|是…承诺: a predicate saying what the things are
    relative_clause: regex.Pattern  # 有集中供养愿望, 经济条件较差: a clause, not a noun
    modified_kinds: frozenset[str]  # unit kinds whose noun the words before may modify
    relative_end: regex.Pattern  # 国家督办的|147条: the words before end in a relative clause
    base_year_res: list[regex.Pattern]
    term_base: regex.Pattern  # 比“九五”末: the base year is the term's last
    base_year_clause: regex.Pattern  # 2010年同2005年相比，|…: the sentence's comparison
    negative_words: frozenset[str]


def _sentence_topic(cfg: dict) -> regex.Pattern:
    """青岛开发区, / 中德生态园(国际经济合作区),: a name ending in a unit word, with no scope
    opening and no verb inside, then its alias in brackets, then the comma."""
    alt = rules.alternation
    units, nots, inner = alt(cfg["unit_words"]), alt(cfg["not_opening"]), alt(cfg["not_containing"])
    n = int(cfg["max_chars"])
    return regex.compile(
        rf"^\s*(?P<t>(?!{nots})(?:(?!{inner})\p{{Han}}){{1,{n}}}?(?:{units}))(?:[（(][^）)]{{1,14}}[）)])?\s*[,，:：]"
    )


@cache
def _rules() -> _Rules:
    c = rules.load("claims")
    g = c["growth"]
    alt = rules.alternation

    def fill(p: str) -> str:  # claims.yaml's own placeholders ({terms} etc.: fill_pattern)
        return p.replace("{bases}", c["comparison_bases"]).replace("{price_basis}", c["price_basis"]).replace("{split_span}", c["split_span"])

    verbs = g["positive"] + g["negative"]
    comparison = "(?:" + "|".join(
        [regex.escape(w) for w in sorted(g["comparisons"], key=len, reverse=True)]
        + [fill(p) for p in g["comparison_patterns"]]
    ) + ")"
    fillers = "(?:" + alt(g["fillers"]) + ")"
    cv = g["comparison_verbs"]
    after_cmp = rf"|(?P<cmp>{cv['after']})\s*(?P<verb>{alt(cv['positive'] + cv['negative'])})"
    growth_re = regex.compile(
        rf"(?:(?P<cmp>{comparison})?\s*(?P<verb>{alt(verbs)}){after_cmp})(?!{alt(g['level_after_verb'])})\s*(?:{fillers}\s*)*$"
    )
    vo = g["verb_object"]
    verb_object_re = regex.compile(
        rf"^\s*(?:{alt(vo['adverbs'])})?(?P<verb>{alt(vo['verbs'])})(?!{alt(vo['not_before'])})"
        rf"(?P<object>[^\d,，。;；、:：的]{{{int(vo['min_chars'])},{int(vo['max_chars'])}}})(?<!{alt(vo['not_after'])})\s*$"
    )
    not_after = rf"(?<!{'|'.join(regex.escape(w) for w in g['level_rates'])})"
    rate_noun_re = regex.compile(
        rf"{not_after}(?P<noun>{alt(g['rate_nouns_positive'] + g['rate_nouns_negative'])})\s*(?:{fillers}\s*)*$"
    )
    price_re = regex.compile(rf"(?:{alt(g['price_levels'])})\s*(?:{fillers}\s*)*$")
    join = "|".join([regex.escape(w) for w in c["join_value_growth"]] + c["join_value_growth_patterns"])
    join_re = regex.compile(rf"^\s*(?:(?:{join})\s*)+$")
    q = c["qualifiers"]
    # one alternation, longest word first, so 不超过 (lte) wins over 超过 (gte)
    before_map = {w: kind for kind, words in q["before"].items() for w in words}
    q_before = [(regex.compile(rf"(?:{alt(list(before_map))})\s*$"), "")]
    q_after_map = {w: kind for kind, words in q["after"].items() for w in words}
    q_after = regex.compile(rf"^\s*({alt(list(q_after_map))})")
    th = c["threshold"]
    threshold_after = regex.compile(
        rf"^\s*(?:{'|'.join(th['after'])})(?!{alt(th['not_followed_by'])})(?=\p{{Han}}|“)"
    )
    threshold_before = regex.compile(rf"(?:{alt(th['before'])})\s*$")
    cc = th["class_count"]
    stop_re = rules.scanner(list(c["stop_patterns"].values()))
    ind = c["indicator"]
    keep_lead = rf"(?!{alt(ind['keep_leading'])})"
    strip_lead = rules.fast_compile(rf"^(?:{keep_lead}(?:{alt(ind['strip_leading'] + ind['adverbs'])})\s*[,，、]?\s*)+")
    # a trailing word that ends a kept word is not cut there (人均增加: 均 after 人 stays)
    keeps = ind["keep_trailing"]
    guarded = [
        "".join(f"(?<!{regex.escape(k[: -len(w)])})" for k in keeps if k.endswith(w) and k != w) + regex.escape(w)
        for w in sorted(set(ind["strip_trailing"]), key=len, reverse=True)
    ]
    strip_trail = rules.fast_compile(rf"(?:\s*(?:{'|'.join(guarded)}))+\s*$")
    # a stop word inside a word that is no predicate (同等, 脱贫户) does not end the noun
    keep = rf"(?:{alt(ind['noun_phrase_not_stop'])})(*SKIP)(*FAIL)"
    np_stop = regex.compile(rf"{keep}|{alt(ind['noun_phrase_stop'])}")
    np_cut = regex.compile(rf"{keep}|{alt(ind['noun_phrase_stop'] + ind['noun_phrase_end'])}")
    np_stop_end = regex.compile(rf"(?:{alt([w for w in ind['noun_phrase_stop'] if len(w) > 1])})$")
    ctx = rules.load("context")
    lex = rules.load("indicators")  # the lexicon's list words: heads, whole terms
    base_year_res = [regex.compile(p) for p in ctx["base_year_patterns"]]
    term_base = regex.compile(fill_pattern(ctx["term_base_pattern"]) or "")
    negative = frozenset(g["negative"] + g["rate_nouns_negative"] + cv["negative"])
    mo = ind["money_object"]
    gap = r"\s*"
    spaced_money = "|".join(gap.join(map(regex.escape, w)) for w in sorted(mo["words"], key=len, reverse=True))
    rg = ind["region_gap"]
    gap_pattern = rg["pattern"].replace("{areas}", rf"{rg['areas']}(?:{rg['separator']}{rg['areas']})*")
    return _Rules(
        growth_units=frozenset(g["units"]),
        growth_re=growth_re,
        verb_object_re=verb_object_re,
        rate_noun_re=rate_noun_re,
        price_re=price_re,
        growth_after=regex.compile(g["growth_after"]),
        price_max=float(g["price_level_max"]),
        join_re=join_re,
        join_multiple=regex.compile(fill(c["join_multiple"])),
        join_growth_value=regex.compile(c["join_growth_value"]),
        people_nouns=regex.compile(rf"^(?:\p{{Han}}{{0,4}}?)(?:{alt(c['people_nouns'])})|(?:{alt(c['people_nouns'])})$"),
        small_cn_max=int(c.get("small_chinese_count_max", 10)),
        q_before=q_before,
        q_before_map=before_map,
        q_scoped=regex.compile(
            "(?:" + "|".join(f"(?P<{k}>{p})" for k, p in q["scoped"]["words"].items()) + rf")\p{{Han}}{{1,{q['scoped']['max_between']}}}$"
        ),
        q_scoped_reach=int(q["scoped"]["max_between"]) + 4,  # (and a word of at most 4 characters)
        q_after=q_after,
        q_after_map=q_after_map,
        q_after_wins=frozenset(q["after_wins"]),
        threshold_after=threshold_after,
        threshold_before=threshold_before,
        class_of_kinds=frozenset(th["class_of"]["kinds"]),
        sum_kinds=frozenset(th["sum_kinds"]),
        class_of_noun=regex.compile(th["class_of"]["noun"]),
        class_of_not_after=regex.compile(th["class_of"]["not_after"]),
        class_verb=regex.compile(rf"(?:{alt(cc['verbs'])})\s*$"),
        class_units=frozenset(cc["count_units"]),
        class_max_words=int(cc["max_words"]),
        class_measure=regex.compile(rf"年?(?:{alt(cc['measures'])})$"),
        class_trim=regex.compile(rf"^(?:{alt(cc['trim_before'])})+|(?:{alt(cc['trim_after'])})+$"),
        class_max_noun=int(cc["max_noun"]),
        threshold_not_followed=regex.compile(alt(th["not_followed_by"])),
        stop_re=stop_re,
        drop_units=frozenset(c["drop_units"]),
        strip_lead=strip_lead,
        strip_trail=strip_trail,
        footnote=regex.compile(ind["footnote"]),
        span_words=regex.compile(fill(ind["span_words"])),
        time_tail=regex.compile(ind["time_tail"]),
        part_of=regex.compile(ind["part_of"]),
        stock_words=frozenset(ind["stock_words"]),
        mixed_changes=frozenset(c["mixed_change_units"]),
        each_growth_gap=regex.compile(fill(c["each"]["growth_gap"])),
        price_basis=regex.compile(c["price_basis"]),
        stock_change=regex.compile(rf"(?:{alt(ind['stock_words'])})(?:{alt(ind['stock_changes'])})?"),
        have_verb=regex.compile(alt(ind["have_verbs"])),
        time_words=regex.compile(fill_pattern(ind["time_words"]) or ""),
        period_items=dict(ind["period_items"]),
        period_item_end=regex.compile(rf"(?:{alt(list(ind['period_items']))})$"),
        from_start=regex.compile(fill_pattern(ind["from_start"]) or ""),
        from_point=regex.compile(ind["from_point"]),
        from_point_tail=regex.compile(ind["from_point_tail"]),
        whole_terms=tuple(lex["whole_terms"]),
        heads=tuple(sorted(lex["heads"], key=len, reverse=True)),
        from_to_tail=regex.compile(ind["from_to_tail"]),
        from_open=regex.compile(ind["from_open"]),
        share_of_tail=regex.compile(ind["share_of_tail"]),
        rate_tail=regex.compile(ind["rate_tail"]),
        examples_last=regex.compile(ind["examples_last"]),
        measure_end=regex.compile(ind["measure_end"]),
        rate_verb_end=regex.compile(ind["rate_verb_end"]),
        list_gap=regex.compile(c["list_gap"]),
        list_sep=regex.compile(
            rf"(?:{alt(c['list_separators']['not_in'])})(*SKIP)(*FAIL)|{alt(c['list_separators']['marks'])}|(?<=\p{{Han}}|[A-Z]|[A-Z]+\d+(?:\.\d+)?)"
            rf"(?:{alt(c['list_separators']['words'])})(?=\p{{Han}}|[A-Z]|\d[A-Z])"  # (4A和3A级, 和PM2.5)
        ),
        enum_sep=regex.compile(alt(c["list_separators"]["marks"])),
        comparison_word=regex.compile(c["comparison_word"]),
        shared_unit_cue=regex.compile(c["shared_unit"]["cue"]),
        shared_unit_window=int(c["shared_unit"]["window"]),
        shared_unit_changes=frozenset(c["shared_unit"]["changes"]),
        shared_unit_prefixes=frozenset(u[:i] for u in c["shared_unit"]["changes"] for i in range(1, len(u))),
        rate_ends=tuple(ind["rate_ends"]),
        strip_lead_last=regex.compile(rf"^(?:{alt(ind['strip_leading_last'])})(?=\p{{Han}}{{2}})"),
        strip_trail_last=frozenset(w[-1] for w in ind["strip_trailing"]),
        keep_trailing=tuple(keeps),
        needs_subject=frozenset(ind["needs_subject"]),
        needs_subject_ends=tuple(ind["needs_subject"]),
        needs_subject_words=regex.compile(ind["needs_subject_words"]),
        peer_measure=regex.compile(rf"(?:{alt(ind['peer_measures'])})$"),
        counted_money=regex.compile(ind["counted_money"]["words"]),
        counted_money_not=regex.compile(ind["counted_money"]["not_of"]),
        np_stop=np_stop,
        np_stop_end=np_stop_end,
        np_cut=np_cut,
        max_len=int(ind["max_len"]),
        # 新建、改造县级医疗机构: two verbs said once are one lead
        lead_verb=regex.compile(
            rf"^(?:{keep_lead}(?:{alt(ind['adverbs'])}))*(?:{alt(ind['lead_verbs'])})(?:[、和及](?:{alt(ind['lead_verbs'] + ind['lead_verb_partners'])}))*"
        ),
        lead_verb_end=regex.compile(rf"(?:{alt(ind['lead_verbs'])})$"),
        counterparts=[list(g) for g in ind["counterparts"]],
        counterparts_not_in=regex.compile(alt(ind["counterparts_not_in"])),
        comma_list_verb=regex.compile(rf"^(?:{alt(ind['comma_list_verbs'])})(?!{alt(ind['comma_list_not_before'])})"),
        comma_list_not_item=regex.compile(
            rf"^(?:{alt(ind['comma_list_not_items'])})|{alt(ind['comma_list_not_inside'])}"
        ),
        adverbs=regex.compile(rf"^(?:{keep_lead}(?:{alt(ind['adverbs'])}))+"),
        only_verb=regex.compile(rf"(?:{alt(ind['adverbs'])})*(?:{alt(ind['object_verbs'])})+"),
        object_verb_end=regex.compile(rf"(?:{alt([w for w in ind['object_verbs'] if len(w) > 1])})$"),
        progress_predicates=frozenset(ind["progress_predicates"]),
        dummy_verb=regex.compile(rf"^(?:{alt(ind['dummy_verbs'])})(?=\p{{Han}}{{2}})"),
        bare_predicate_max=int(ind["bare_predicate_max"]),
        scope_lead=regex.compile(rf"^(?:{alt(ind['preposition_scopes'])})"),
        carry_place_not=frozenset(ind["unit_places"]),
        carry_place_scope=regex.compile(ind["carry_place"]["scope"]),
        carry_place_not_before=regex.compile(ind["carry_place"]["not_before"]),
        preposition_scope=regex.compile(rf"(?:{alt(ind['prepositions'])})(?:{alt(ind['preposition_scopes'])})?"),
        list_tail=regex.compile(rf"\s*(?:{alt(ind['list_connectors'])})\s*$"),
        prior_growth_tail=regex.compile(ind["prior_growth"]["tail"]),
        prior_growth_then=regex.compile(ind["prior_growth"]["then"]),
        prior_growth_after=regex.compile(ind["prior_growth"]["after"]),
        region_gap=regex.compile(gap_pattern),
        region_gap_end=regex.compile(rf"(?:{gap_pattern})\s*$"),
        region_gap_speed=ind["region_gap"]["speed"],
        region_gap_speeds=tuple(ind["region_gap"]["speeds"]),
        region_gap_sep=regex.compile(ind["region_gap"]["separator"]),
        region_gap_not_subject=tuple(ind["region_gap"]["not_subject_ends"]),
        comparison_only=regex.compile(fill_pattern(fill(ind["comparison_only"])) or ""),
        base_figure=regex.compile(ind["base_figure"]),
        share_of=regex.compile(ind["share_of"]),
        growth_alternative=regex.compile(c["growth_alternative"]),
        unit_places=frozenset(ind["unit_places"] + ind["region_places"]),
        sentence_topic=_sentence_topic(ind["sentence_topic"]),
        item_done=regex.compile(rf"(?:{alt(ind['item_predicates'])})\s*[、,，]"),
        each=regex.compile(c["each"]["word"]),
        each_max=int(c["each"]["max_items"]),
        each_count=regex.compile(c["each"]["not_with_count"]),
        rate_list=regex.compile(c["each"]["rate_list"]),
        rate_end=regex.compile(rf"(?:{ind['bare_rate']})$"),
        after_change=regex.compile(ind["figure_after_figure"]["change"]),
        after_level=regex.compile(ind["figure_after_figure"]["level"]),
        change_in_clause=regex.compile(
            fill_pattern(fill(ind["figure_after_figure"]["change_in_clause"])) or ""
        ),
        change_verb=regex.compile(ind["figure_after_figure"]["change_verb"]),
        increments=regex.compile(alt(list(ind["figure_after_figure"]["increments"]))),
        increment_names=dict(ind["figure_after_figure"]["increments"]),
        share_name=ind["share_name"],
        share_units=frozenset(ind["share_units"]),
        from_year=regex.compile(ind["from_year"]),
        example_max_chars=int(ind["named_examples"]["max_chars"]),
        example_suffix=regex.compile(rf"(?:{alt(ind['named_examples']['suffixes'])})$"),
        money_word=regex.compile(
            rf"(?:{alt(ind['adverbs'])})*(?:(?:{alt(ind['lead_verbs'] + ind['object_verbs'])})了?)*(?P<word>{alt(mo['words'])})"
        ),
        money_link=regex.compile(rf"\s*(?:{alt(mo['links'])})\s*"),
        money_between=regex.compile(fill(mo["between"])),
        money_comma_not=regex.compile(mo["comma_not"]),
        money_drop_tail=regex.compile(mo["drop_tail"]),
        money_object_number=regex.compile(mo["number"]),
        money_comma=regex.compile(mo["comma"]),
        money_after_verb=regex.compile(rf"(?:{alt(ind['money_after']['verbs'])})$"),
        money_after_noun=regex.compile(ind["money_after"]["noun"]),
        money_after_purpose=regex.compile(ind["money_after"]["purpose"]),
        money_after_purpose_verb=regex.compile(ind["money_after"]["purpose_verb"]),
        money_stop=regex.compile(rf"{keep}|{alt(mo['stop'] + ind['adverbs'])}"),  # (not the 共 of 公共)
        # …托克托电厂、|投资25亿元的…: the next item of a list opens with a money word (投 资:
        # a line wrap may split it)
        money_next=regex.compile(rf"[、,，和及与]\s*(?:{spaced_money})"),
        money_not_objects=frozenset(mo["not_objects"]),
        money_min_chars=int(mo["min_chars"]),
        money_kinds=frozenset(mo["kinds"]),
        topic_predicate=regex.compile(rf"(?:{alt(mo['topic_predicates'])})$"),
        topic_min=int(mo["topic_min_chars"]),
        topic_streak=regex.compile(mo["topic_streak"]),
        topic_trailing=regex.compile(rf"(?:{alt(mo['topic_trailing'])})+$"),
        topic_not_ends=regex.compile(rf"(?:{alt(mo['topic_not_ends'])})$"),
        growth_share_before=regex.compile(g["share_before"]),
        dated_start=regex.compile(c["dated_start"]),
        topic_verb=regex.compile(rf"^\s*(?:{alt(mo['topic_verbs'])})"),
        topic_verb_max=int(mo["topic_verb_max_chars"]),
        needs_topic=frozenset(mo["needs_topic"]),
        money_of_count=mo["of_count"]["word"],
        purpose_share=ind["money_after"]["purpose_share"]["head"],
        purpose_share_re=regex.compile(ind["money_after"]["purpose_share"]["purpose"]),
        money_of_count_kinds=frozenset(mo["of_count"]["kinds"]),
        money_of_count_counts=frozenset(mo["of_count"]["counts"]),
        sector_ratio=regex.compile(c["sector_ratio"]["pattern"]),
        sector_ratio_cue=regex.compile(c["sector_ratio"]["cue"]),
        sector_ratio_names=tuple(c["sector_ratio"]["names"]),
        sector_ratio_sum=(float(c["sector_ratio"]["sum"][0]), float(c["sector_ratio"]["sum"][1])),
        sector_ratio_window=int(c["sector_ratio"]["window"]),
        dated_figure=regex.compile(c["sector_ratio"]["dated"]),
        sector_ratio_not_cue=regex.compile(c["sector_ratio"]["not_cue"]),
        sector_ratio_not_after=regex.compile(c["sector_ratio"]["not_after"]),
        topic_scopes=frozenset(mo["topic_scopes"]),
        modified_kinds=frozenset(ind["modified_noun"]["kinds"]),
        pred_goal=regex.compile(ind["predicate_goal"]),
        pred_copula=regex.compile(ind["predicate_copula"]),
        bare_rate=regex.compile(ind["bare_rate"]),
        of_task=regex.compile(rf"(?:{alt(ind['of_phrase']['tasks'])})$"),
        share_not_units=regex.compile(ind["share_of_units"]["not_units"]),
        share_drop=regex.compile(ind["share_of_units"]["drop"]),
        share_unit_noun=regex.compile(rf"(?:{alt(ind['share_of_units']['units'])})(?=\p{{Han}})"),
        share_units_only=frozenset(ind["share_of_units"]["units"]),
        prefix_share_heads=frozenset(c["prefix_share_heads"]),
        from_start_gap=int(c["from_start_gap"]),
        from_start_growth_not=regex.compile(c["from_start_growth_not"]),
        grade_item=regex.compile(c["grade_item"]),
        grade_last=regex.compile(c["grade_last"]),
        pair_words={w: list(h) for w, h in c["distributive_pairs"]["words"].items()},
        sector_item=regex.compile(c["distributive_pairs"]["sector_item"]),
        sector_name=c["distributive_pairs"]["sector_name"],
        pair_gap=regex.compile(c["distributive_pairs"]["gap"]),
        list_number=regex.compile(ind["list_number"]),
        relative_clause=regex.compile(
            rf"^(?:{alt(ind['of_phrase']['clause_starts'])})|(?:{alt(ind['of_phrase']['clause_ends'])})$"
        ),
        relative_end=regex.compile(
            rf"(?<!{alt(ind['modified_noun']['not_relative_after'])})的\s*(?:{alt(list(before_map))})?\s*$"
        ),
        base_year_res=base_year_res,
        term_base=term_base,
        base_year_clause=regex.compile(ctx["base_year_clause"]),
        negative_words=negative,
    )


@dataclass(slots=True)
class _Q:
    """A quantity of the sentence with what the engine learned about it."""

    q: Quantity
    start: int
    end: int  # end including trailing qualifier words
    role: str = "value"  # value | growth
    sign: int = 1
    qualifier: str | None = None
    base_year: int | None = None
    lead: int = 0  # where the words that introduce it (growth verb, qualifier) begin
    higher_goal: bool = False  # 增长14%、力争达到|15%: a second goal of the growth before
    changed: str = ""  # 压缩|行政经费|5%: the object a verb of change names


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0:
        c = text[i - 1]
        if c in "）)" and i < len(text) and _HAN_OR_DIGIT.match(text, i):
            # 工程（技术）研究中心, 棚户区改造（城市危旧房）2350户: a bracket glued to the word or
            # figure after it is inside the noun; not a list number (（2）30个), nor one closing
            # the noun of the figure before (9个州（市）44个县)
            k = text.rfind("（" if c == "）" else "(", max(0, i - 12), i - 1)
            if k >= 0 and (_HAN.match(text, i) or not _re(r"\d").search(text, max(0, k - 6), i)):
                i = k
                continue
        if c in _CLAUSE_PUNCT:
            break
        i -= 1
    return i


def _prev_clause(text: str, cstart: int) -> tuple[int, str]:
    """(start, words) of the clause before the one starting at cstart (after its mark)."""
    pstart = _clause_start(text, cstart - 1)
    return pstart, text[pstart:cstart - 1]


def _clause_end(text: str, pos: int, past_brackets: bool = False) -> int:
    i = pos
    while i < len(text) and text[i] not in _CLAUSE_PUNCT:
        i += 1
        if past_brackets and i < len(text) and text[i] in "（(" and _HAN.match(text, i - 1):
            # 县（市、区）达到40个: a short bracket glued to the word before is inside the noun
            k = text.find("）" if text[i] == "（" else ")", i, i + 10)
            if k > 0 and not _re(r"[,，。;；]").search(text, i, k):
                i = k + 1
    return i


def _stopped_spans(text: str) -> list[tuple[int, int]]:
    """Spans of non-claim patterns (dates, ordinals, names...): one scan per sentence is
    cheaper than one per number."""
    return [m.span() for m in _rules().stop_re.finditer(text)]


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in spans)


def _is_chinese_one(q: Quantity) -> bool:
    return q.number.kind == "chinese" and q.number.value == 1 and q.number.text in ("一", "壹")


def _sector_ratios(text: str) -> list[Candidate]:
    """三次产业结构调整为11.6∶46.2∶42.2 -> 第一产业比重 11.6 %, 第二产业比重 46.2 %, …"""
    r = _rules()
    out: list[Candidate] = []
    for m in r.sector_ratio.finditer(text):
        parts = [float(g) for g in m.groups()]
        lo, hi = r.sector_ratio_sum
        before = text[max(0, m.start() - r.sector_ratio_window):m.start()]
        cues = list(r.sector_ratio_cue.finditer(before))  # the last cue before the ratio names it
        if not lo <= sum(parts) <= hi or not cues or r.sector_ratio_not_cue.search(before, cues[-1].end()):
            continue
        # 转为2007年的|11.5∶49.7∶38.8, 由2010年的|14.5∶45.8∶39.7: that year's structure; a start
        # with no year (由|17.5:31.8:50.7调整为…) is not read
        dated = r.dated_figure.search(before)
        if r.sector_ratio_not_after.search(before):  # (never with a year before the ratio)
            continue
        for k, (name, v) in enumerate(zip(r.sector_ratio_names, parts, strict=True)):
            at = m.start(k + 1)
            out.append(Candidate(
                start=at, end=m.end(k + 1), indicator=name, value=v, unit="%", value_base=v, unit_base="%",
                rule="sector_ratio", value_text=m.group(k + 1), num_start=at,
            ))
            if dated:
                out[-1].extra["dated"] = int(dated[1])
    return out


def extract_sentence(text: str) -> list[Candidate]:
    """Candidate claims of one sentence; offsets are positions in `text`."""
    ratios = _sector_ratios(text) if _rules().sector_ratio_cue.search(text) else []
    found = _extract(text)
    return sorted(found + ratios, key=lambda c: c.num_start) if ratios else found


def _extract(text: str) -> list[Candidate]:
    r = _rules()
    quants = parse_quantities(text)
    if not quants:
        return []
    stops: list[tuple[int, int]] | None = None  # scanned when a quantity survives the cheap tests
    qs: list[_Q] = []
    starts: list[tuple[_Q, tuple[int, int]]] = []  # undated starting levels (由|346.7亿元|增加到…), where their 由 stands and their 增加到 ends
    for k, q in enumerate(quants):
        if (
            k + 1 < len(quants) and (q.unit is None or q.kind == "number" or q.unit in r.shared_unit_prefixes)
            and (shared := _shared_unit(text, quants, k))
        ):
            q = shared  # 分别提高5.7|和6.8个百分点: the list's one unit
        if not q.unit and not (q.unit == "" and q.number.kind == "fraction"):
            continue  # a bare number; 三分之一 (a share without unit) stays
        if q.unit in r.drop_units:
            continue
        if _is_chinese_one(q) and (q.unit not in r.growth_units):
            continue
        if q.kind == "number":
            q = _people_scale(text, q)
            if q is None:
                continue
        if _small_chinese_name(text, q):
            continue
        if stops is None:
            stops = _stopped_spans(text)
        if _overlaps(q.number.start, q.number.end, stops):
            continue
        if (at := _from_value(text, q)) is not None:
            starts.append((_Q(q, q.start, q.end, lead=q.start), at))  # read after the rest, which it must not disturb
            continue
        qs.append(_Q(q, q.start, q.end, lead=q.start))
    if not qs:
        return []
    _qualify(text, qs)
    classes = _class_counts(text, qs)
    qs = [x for x in qs if not _is_threshold(text, x, qs) and x.q.start not in classes.thresholds]
    _assign_roles(text, qs)
    out = _build(text, qs, classes.names)
    topic = r.sentence_topic.match(text) if out else None
    for c in out:
        c.indicator = r.strip_lead_last.sub("", c.indicator)
        if topic and c.start >= topic.end() and topic["t"] not in c.indicator:
            c.indicator = topic["t"] + c.indicator
    if out and not topic:
        _carry_place(text, out)
    return _starting_levels(text, starts, out) if starts else out


def _is_level(c: Candidate) -> bool:
    """A value that is no comparison base itself (not 比1997年的202亿元)."""
    return c.value is not None and not _rules().comparison_only.search(c.indicator)


def _place_prefix(name: str, longest: int = 10) -> str:
    """The longest place (at most `longest` characters) that opens `name`, else ''."""
    return next((name[:k] for k in range(min(len(name), longest), 1, -1) if _is_place(name[:k])), "")


def _carry_place(text: str, out: list[Candidate]) -> None:
    """陕北生产总值增长20％，|固定资产投资和财政收入分别增长…: a place that opens the sentence is
    the subject of its names that name no place or scope of their own (up to the first that
    does). Not the places that also name a kind (城镇居民…，|农民人均纯收入…)."""
    r = _rules()
    head = text.lstrip()
    place = _place_prefix(head)
    if not place or place in r.carry_place_not or r.carry_place_not_before.match(head, len(place)):
        return
    for c in out:
        if place in c.indicator:
            continue
        if _place_split(c.indicator) or r.carry_place_scope.match(c.indicator):
            break  # …，关中生产总值增长…: another place's figures from here
        c.indicator = place + c.indicator


@dataclass(slots=True)
class _Classes:
    thresholds: set[int] = field(default_factory=set)  # starts of thresholds that name a class
    names: dict[int, str] = field(default_factory=dict)  # count start -> the class's name


def _class_counts(text: str, qs: list[_Q]) -> _Classes:
    """34个县（市、区）财政收入超过10亿元，其中14个突破20亿元: counts of classes a threshold at
    the clause's end names (claims.yaml threshold.class_count)."""
    r = _rules()
    out = _Classes()
    if len(qs) < 2:
        return out
    noun = metric = ""
    for i, x in enumerate(qs):
        if i == 0 or x.q.kind not in r.sum_kinds:
            continue
        m = r.class_verb.search(text, 0, x.q.start)
        if m is None:
            continue
        end = x.end
        # 培育10个销售收入过100亿元的产业集群: the class's noun after the threshold
        after = _re(r"的(\p{Han}{2,10})(?=[,，。;；、]|$)").match(text, end)
        if after and r.threshold_not_followed.match(text, end + 1):
            after = None  # …超千亿元的目标迈进: a goal, not a class
        if end < len(text) and text[end] not in ",，。;；、" and not after:
            continue
        y = qs[i - 1]
        mid = text[y.q.end:m.start()]
        bare = _re(r"[（(][^）)]{0,8}[）)]").sub("", mid)  # 县（市、区）: its 、 cuts no list
        if y.q.unit not in r.class_units or len(mid) > r.class_max_words or _re(r"[\d,，。;；、]").search(bare):
            continue
        mid = r.class_trim.sub("", mid.strip())
        if after:
            # the words between are only the measure (not 总投资: 100个总投资超过2000亿元的…, a sum)
            noun, metric = (after.group(1), mid) if not mid or r.class_measure.fullmatch(mid) else ("", "")
        elif mid:
            noun, metric = _noun_and_measure(mid)
            if not metric and len(mid) > r.class_max_noun:
                noun = ""  # 39家央企签约合作项目投资总额超过1万亿元: a sum, not a class
        if not noun:
            continue  # no class named here (其中14个|突破20亿元 with none named before)
        out.thresholds.add(x.q.start)
        out.names[y.q.start] = f"{metric}{m.group(0)}{text[x.q.start:x.q.end]}的{noun}"
    return out


def _noun_and_measure(words: str) -> tuple[str, str]:
    """县（市、区）财政收入 -> (县（市、区）, 财政收入): the counted noun and the measure that
    ends the words (claims.yaml threshold.class_count.measures), with a 年 before it."""
    m = _rules().class_measure.search(words)
    if not m:
        return words, ""
    return words[: m.start()], m.group(0)


def _shared_unit(text: str, quants: list[Quantity], k: int) -> Quantity | None:
    """5.7 in 分别提高5.7和6.8个百分点: a bare item of a 分别 list takes the unit of the first
    item after it that says one (3.5、4.2和5亿元); a bare scale takes a unit of that scale
    (1226万、1006万和377万人 -> 万人)."""
    r = _rules()
    q = quants[k]

    def bare(x: Quantity) -> bool:
        return x.unit is None or (q.unit is not None and x.unit == q.unit)

    def joined(i: int) -> bool:  # quants[i] follows quants[i - 1] in the list
        return r.list_gap.fullmatch(text, quants[i - 1].end, quants[i].start) is not None

    j = k + 1
    while j < len(quants) and joined(j) and bare(quants[j]):
        j += 1
    if j >= len(quants) or not joined(j):
        return None
    nxt = quants[j]
    if not nxt.unit or nxt.value_max is not None or nxt.kind == "number":
        return None
    if q.unit is not None and not (
        nxt.unit.startswith(q.unit) and nxt.unit != q.unit and (q.kind == "number" or nxt.unit in r.shared_unit_changes)
    ):
        return None  # (1.2个和0.8个百分点: a measure word of the unit's, said twice)
    first = k
    while first > 0 and joined(first) and bare(quants[first - 1]):
        first -= 1
    head = quants[first].start
    if nxt.unit not in r.shared_unit_changes and not r.shared_unit_cue.search(text, max(0, head - r.shared_unit_window), head):
        return None
    return replace(q, unit=nxt.unit, unit_base=nxt.unit_base, factor=nxt.factor, kind=nxt.kind)


def _people_scale(text: str, q: Quantity) -> Quantity | None:
    """2200万 after 人口 / 5.64万 before 分流人员: a bare scale that counts people -> 万人."""
    r = _rules()
    after = _re(r"\p{Han}{1,6}").match(text[q.end:q.end + 6])
    before = _re(r"\p{Han}{1,6}(?=\s*(?:超过|达到|达|约|近|突破|为|有)?\s*$)").search(text[max(0, q.start - 10):q.start])
    if (after and r.people_nouns.match(after.group(0))) or (before and r.people_nouns.search(before.group(0))):
        unit = f"{q.unit}人"
        return Quantity(
            start=q.start, end=q.end, text=q.text, value=q.value, value_max=q.value_max,
            unit=unit, unit_base="人", factor=q.factor, kind="people", number=q.number,
        )
    return None


_CHANGE_TO = regex.compile(r"^(?:增加|提高|提升|增长|扩大|上升|下降|降低|减少|降|升|增)(?:到|至)")
_CN_DIGITS = regex.compile(r"^[一二三四五六七八九十两]+$")


def _small_chinese_name(text: str, q: Quantity) -> bool:
    """三个层面 / 九项重点工作 / A、B、C三项: a small Chinese-numeral count naming a set."""
    if q.kind not in ("count", "people") or not _CN_DIGITS.match(q.number.text):
        return False
    if q.value > _rules().small_cn_max:
        return False
    nxt = text[q.end:q.end + 1]
    if nxt and _HAN.match(nxt) and not _rules().np_stop.match(text, q.end):
        return True
    prev = text[max(0, q.start - 12):q.start]
    return bool(_re(r"、[^、,，。;；]{1,10}[”\"]?(?:这|等)?$").search(prev))


def _with_change(name: str, change: str) -> str:
    """name + the words of change (比年初增加, 增加) that make its figure a change, said once:
    各项贷款比年初|比年初增加 -> 各项贷款比年初增加; a name ending in a bare 比/较/与 loses it
    (not the 比 of 占比); 农业增加值|增加 keeps its own 增加值 and takes the verb."""
    change = _re(r"\s+").sub("", change)
    if name.endswith(change):
        return name
    name = _re(r"(?<!占)[比较与]$").sub("", name)
    ov = next((k for k in range(min(len(name), len(change)), 1, -1) if name.endswith(change[:k])), 0)
    return name + change[ov:]


def _term_end_year(s: str) -> int | None:
    """The base year a comparison with a plan term's end in `s` names (比“九五”期末: 2000)."""
    r = _rules()
    mt = r.term_base.search(s)
    return plan_terms()[mt.group(1)] if mt else None


def _change_base(m: regex.Match) -> int | None:
    """The base year a match of change_in_clause names (比2000年增加: 2000; 比“九五”期末增加:
    2000, the term's last); None for 比上年 and a whole term."""
    if y := m.groupdict().get("y"):
        return int(y)
    return _term_end_year(m.group(0))


def _from_value(text: str, q: Quantity) -> tuple[int, int] | None:
    """从70%提高至80%: where the 从 of a starting level with no year stands and where the
    words of change after it end (read apart, see _starting_levels); None when the figure
    starts no change or a year dates it (由2010年的…, read as any figure)."""
    before = text[max(0, q.start - 24):q.start]
    m = _re(r"(?:从|由)(?P<mid>[^,，。;；从由]{0,20})$").search(before)
    if not m or _re(r"(?:19|20)\d{2}\s*年").search(m.group("mid")):
        return None
    # (由17698元、5781元增加到…: each starting level of a list)
    to = _re(r"(?:\s*[、和及]\s*[\d.]+[^\d\s,，、和]{0,4})*\S{0,4}?(?:提高|提升|增加|增长|扩大|降低|下降|减少|调整|上调|下调|缩短|压缩|降|升|增)(?:到|至)")
    mt = to.match(text, q.end, min(len(text), q.end + 40))
    return (q.start - len(before) + m.start(), mt.end()) if mt else None


def _starting_levels(text: str, starts: list[tuple[_Q, tuple[int, int]]], out: list[Candidate]) -> list[Candidate]:
    """由346.7亿元|增加到1034.5亿元: a starting level with no year is a claim of its own, named
    as the figure it changes to (the k-th level of a list 由17698元、5781元增加到30594元和
    10776元 as the k-th figure after it), in the same unit; the pipeline dates it. The first
    of those figures must stand right after the words of change (增加到|现在的较高水平 names
    no figure: the start is dropped)."""
    r = _rules()
    _qualify(text, [x for x, _ in starts])  # 由不足1%: lte
    found: list[Candidate] = []
    k = 0
    while k < len(starts):
        at, to_end = starts[k][1]
        run = [x for x, a in starts[k:] if a[0] == at]  # one 由 and its list
        k += len(run)
        after = [c for c in out if c.value is not None and c.num_start >= to_end][:len(run)]
        if len(after) < len(run) or after[0].num_start - to_end > r.from_start_gap:
            continue
        for x, end in zip(run, after, strict=True):
            if (x.q.unit_base or x.q.unit) != (end.unit_base or end.unit):
                continue
            # the growths of the figure changed to (…增加到1810.07亿元，翻1.36番，年均增长20.8%) run from
            # the start, up to one said against another base (，其中2007年比上年增长12.3%)
            change_end = end.end
            j = out.index(end)
            for g in [end, *out[j + 1:]]:
                if g is not end and (g.value is not None or g.indicator != end.indicator or r.from_start_growth_not.search(text, end.end, g.num_start)):
                    break
                if g.growth_rate is not None:
                    g.extra["from_start_at"] = end.num_start
                    change_end = max(change_end, g.end, g.extra.get("growth_end", 0))
            c = _candidate(text, x, end.indicator, x.lead, rule="starting_level")
            # the words between 由 and it (由“九五”期末的), the figure it changes to and how far its
            # growths reach (…增加到17212.1亿元，年均增长13.2%): what the pipeline dates it by
            c.extra.update(from_start=True, from_words=text[at + 1:x.start], to_at=end.num_start, change=text[x.end:change_end])
            found.append(c)
    return sorted(out + found, key=lambda c: c.num_start) if found else out


def _qualify(text: str, qs: list[_Q]) -> None:
    r = _rules()
    for x in qs:
        before = text[max(0, x.start - 4):x.start]
        for pat, _ in r.q_before:
            m = pat.search(before)
            if m:
                kind = r.q_before_map[m.group(0).strip()]
                x.qualifier = None if kind == "none" else kind
                x.lead = x.start - (len(before) - m.start())
                break
        if not x.qualifier and (m := r.q_scoped.search(text, max(0, x.start - r.q_scoped_reach), x.start)):
            x.qualifier = m.lastgroup  # 至少|重点办好|1所: over the verb between
        after = text[x.end:x.end + 3]
        m = r.q_after.match(after)
        if m:
            word = m.group(1)
            # '以上/以下' followed by a noun is a threshold, handled elsewhere
            x.qualifier = x.qualifier or r.q_after_map[word]
            if r.q_after_map[word] != x.qualifier and word in r.q_after_wins:
                x.qualifier = r.q_after_map[word]
            x.end = x.end + m.end()
        if not x.qualifier and _APPROX_INSIDE.search(x.q.text):
            # 900余场次 / 4000多个: the parser keeps 余/多 inside the quantity
            x.qualifier = "gte"


def _is_threshold(text: str, x: _Q, qs: list[_Q]) -> bool:
    """5亿元以上项目 / 过10亿元项目: the number names a class, it is not a value."""
    r = _rules()
    after = text[x.q.end:x.q.end + 6]
    cend = _clause_end(text, x.q.end, past_brackets=True)
    follows = any(o.start > x.q.end and o.start < cend for o in qs)
    said_after = r.threshold_after.match(after)
    if said_after and (follows or x.q.kind in r.sum_kinds):
        return True
    said_before = r.threshold_before.search(text, max(0, x.start - 2), x.start)
    if said_before and x.q.kind in r.sum_kinds:
        nxt = text[x.q.end:x.q.end + 1]
        if nxt and nxt in "和及与" and any(o.start == x.q.end + 1 and _re(r"\s*(?:[,，。;；]|$)").match(text, o.end) for o in qs):
            return False  # 分别超过300亿美元和60亿美元。: a list of values (not 超50亿元和20个超10亿元的企业)
        if nxt and _HAN.match(nxt) and nxt not in "的,，、。;；以左" and any(o.start > x.end for o in qs):
            return True
        # 营业收入超百亿元的企业|达到140家: a class of things counted later in the clause
        # (其中超3亿元的|11个: the count right after)
        if nxt == "的" and follows and _HAN_OR_DIGIT.match(text, x.q.end + 1) and not r.threshold_not_followed.match(text, x.q.end + 1):
            return True
    return (
        x.q.kind in r.class_of_kinds
        and bool(said_before or said_after)
        and bool(r.class_of_noun.match(text, x.q.end))
        and not r.class_of_not_after.search(text, _clause_start(text, x.start), x.start)
    )


def _assign_roles(text: str, qs: list[_Q]) -> None:
    r = _rules()
    opening = None
    for i, x in enumerate(qs):
        floor = qs[i - 1].end if i else 0
        cstart = _clause_start(text, x.lead)
        before = text[max(cstart, floor):x.lead]
        unit = x.q.unit or ""
        is_growth_unit = unit in r.growth_units
        m = r.growth_re.search(before)
        mn = r.rate_noun_re.search(before)
        if unit == "倍":
            x.role = "growth"
            mc = _re(r"(?:是|为|达到|达|相当于)[^,，。;；]{0,14}的\s*$").search(before)
            if mc:
                x.lead = x.lead - (len(before) - mc.start())
            m2 = _re(r"(?:(?:19|20)(\d{2}))\s*年(?:末|底)?的\s*$|的\s*$").search(before)
            if m2 and m2.group(1):
                x.base_year = int(before[m2.start():m2.start() + 4])
            if m:
                x.lead = x.lead - (len(before) - m.start())
                if m.group("verb") in r.negative_words:
                    x.sign = -1
        elif is_growth_unit and m:
            x.role = "growth"
            x.lead = x.lead - (len(before) - m.start())
            if m.group("verb") in r.negative_words:
                x.sign = -1
            cmp_ = m.group("cmp") or ""
            my = _re(r"((?:19|20)\d{2})\s*年").search(cmp_)
            if my:
                x.base_year = int(my.group(1))
        elif is_growth_unit and mn:
            x.role = "growth"
            x.lead = x.lead - (len(before) - mn.start())
            if mn.group("noun") in r.negative_words:
                x.sign = -1
        elif (
            unit == "%" and (ma := r.growth_after.match(text, x.end))
            and not (ma["name"] and r.np_stop.search(ma["name"]))
            and not r.growth_share_before.search(before)  # 贡献了全市|60%以上的增长: a share of it
        ):
            x.role = "growth"  # 8%左右的|经济增长预期目标: that growth's goal
            x.changed = ma["name"] or ""
            if ma["verb"] in r.negative_words:
                x.sign = -1
        elif unit == "%" and x.q.value < r.price_max and r.price_re.search(before):
            x.role = "growth"  # 居民消费价格总水平控制在|3%左右: its rise (not 指数101%)
        elif is_growth_unit and (mo := r.verb_object_re.match(before)):
            # 压缩行政经费5%, 降低企业成本10%: the verb's object changed by the figure
            x.role = "growth"
            x.changed = mo.group("object").strip()
            if mo.group("verb") in r.negative_words:
                x.sign = -1
        elif is_growth_unit and i and qs[i - 1].role == "growth" and qs[i - 1].q.unit == x.q.unit and (
            r.growth_alternative.match(text, qs[i - 1].end, x.lead)
        ):
            # 增长14%、力争达到15%以上: the higher goal of the same growth
            x.role, x.sign, x.base_year, x.higher_goal = "growth", qs[i - 1].sign, qs[i - 1].base_year, True
        elif unit in ("个百分点", "百分点"):
            x.role = "growth"
            seg = text[cstart:x.start]
            if any(w in seg for w in ("下降", "降低", "减少", "回落", "低于", "收窄", "下滑")):
                x.sign = -1
        # base year stated anywhere between the clause start and the number
        if x.role == "growth" and x.base_year is None:
            seg = text[cstart:x.start]
            for pat in r.base_year_res:
                mb = pat.search(seg)
                if mb:
                    x.base_year = int(mb.group(1))
                    break
            else:
                x.base_year = _term_end_year(seg)
                if x.base_year is None:
                    if opening is None:
                        opening = r.base_year_clause.search(text) or False
                    if opening and opening.end() <= cstart:
                        x.base_year = int(opening.group(1))


def _comma_list_item(text: str, x: _Q, floor: int, cstart: int, indicator: str, prev_indicator: str) -> bool:
    """…新增跨境电商独立站2家,|海外仓1家: a clause of a bare noun and its count right after
    the clause of a figure whose verb of increase it shares (comma_list_verbs)."""
    r = _rules()
    return (
        text[cstart - 1] in ",，" and not _re(r"[,，;；]").search(text, floor, cstart - 1)
        and x.q.kind == "count" and text[cstart:x.lead].strip() == indicator
        and indicator not in r.needs_subject and not r.only_verb.match(indicator)
        and not r.comma_list_not_item.search(indicator) and bool(r.comma_list_verb.match(prev_indicator))
    )


def _counterpart(indicator: str, prev: str) -> str | None:
    """支出 after 地方财政一般预算收入 -> 地方财政一般预算支出 (counterparts), else None."""
    r = _rules()
    if r.counterparts_not_in.search(prev):
        return None
    for group in r.counterparts:
        if indicator in group:
            for w in group:
                if w != indicator and w in prev:
                    return prev.replace(w, indicator, 1)
    return None


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """Figures a 分别 list may hold together: one unit, or levels of any unit but no rates
    (财政收入、从业人员分别为33亿元、2.9万人; 9454元，增长10.7% is a level and its growth),
    or changes in percent and multiples."""
    r = _rules()
    g = r.growth_units
    return a.unit == b.unit or (a.unit not in g and b.unit not in g) or (a.unit in r.mixed_changes and b.unit in r.mixed_changes)


def _distributive_groups(text: str, qs: list[_Q]) -> list[tuple[int, int, int]]:
    """(分别-position, first index, last index) of 分别 lists: A、B分别增长34%、24.7%."""
    r = _rules()
    groups = []

    def bare_next(j: int, unit: str | None) -> bool:  # the next figure is a list item of that unit
        nxt = qs[j + 1].q.unit
        # 增长1.7倍和62% (not 增长1.2倍、|80%的农户…, a share of units); 85万吨和6395吨: one base unit
        base = qs[j + 1].q.unit_base
        same = nxt == unit or (base is not None and base == qs[j].q.unit_base) or (
            nxt in r.mixed_changes and unit in r.mixed_changes and not _re(r"\s*的").match(text, qs[j + 1].end)
        )
        return same and bool(r.list_gap.fullmatch(text, qs[j].end, qs[j + 1].q.start))

    i = 0
    while i < len(qs):
        x = qs[i]
        cstart = _clause_start(text, x.lead)
        k = text.rfind("分别", cstart, x.start)
        bare = False  # a list said without 分别: its items are figures of one unit, only 、/和 between
        if (k < 0 or (i and qs[i - 1].end > k)) and i + 1 < len(qs) and bare_next(i, x.q.unit) and (
            text.find("分别", x.end, _clause_end(text, x.end)) < 0  # (100%、69.5%的行政村分别达到…)
        ):
            # “十二五”年均增长10.7%、12.4%, …纯收入达到11578元和3665.7元; …增加到2005年的8147.1元
            # 和1877元 (the 分别 before was the starting levels')
            k, bare = x.lead, True
        if k < 0 or (i and qs[i - 1].end > k):
            i += 1
            continue
        j = i
        while j + 1 < len(qs):
            gap = text[qs[j].end:qs[j + 1].lead]
            if bare:
                if bare_next(j, x.q.unit):
                    j += 1
                else:
                    break
            elif (
                _same_kind(qs[j + 1].q, x.q) and _re(r"\s*(?:[、,，]|和|及|与|以及)\s*(?:增长|下降|提高|为|达到|达)?\s*").fullmatch(gap)
                and not r.comparison_word.search(text, qs[j + 1].lead, qs[j + 1].q.start)
            ):
                # (33万头、2.9万头和1159万只: said with 分别, counts of other measure words too; not
                # a list of changes from another base after it: …和10.1%，|比1995年增长123.1%和…)
                j += 1
            else:
                break
        if j > i:
            groups.append((k, i, j))
        i = j + 1
    return groups


def _last_in_unit(out: list[Candidate], unit_base: str | None, ok: Callable[[Candidate], bool] | None = None) -> Candidate | None:
    """The last value in `out` in the base unit `unit_base` (that `ok` accepts): the figure a
    change, a growth or a gap of that unit is of, past a share between (21701亿元，占全国的
    11.9%，比“九五”期末增加10960亿元)."""
    return next((c for c in reversed(out) if c.value is not None and c.unit_base == unit_base and (ok is None or ok(c))), None)


def _region_gap_in(text: str, a: int, b: int) -> regex.Match | None:
    """The words text[a:b] as a gap to a wider area (分别高于全省平均水平), or None; the cheap
    search first, cleaning only the few words that hold one."""
    r = _rules()
    if not r.region_gap.search(text, a, b):
        return None
    return r.region_gap.fullmatch(_clean_indicator(text[a:b].replace("分别", "")))


def _gap_subject(out: list[Candidate], x: _Q) -> Candidate | None:
    """The figure a gap to a wider area is of: the last one before that is no gap nor goal,
    in the gap's unit when that is no point or percent (高出全国平均水平989元)."""
    r = _rules()

    def ok(c: Candidate) -> bool:
        return not c.extra.get("gap") and not c.indicator.endswith(r.region_gap_not_subject)

    same = _last_in_unit(out, x.q.unit_base, ok) if x.q.unit_base not in ("百分点", "%") else None
    return same or next((c for c in reversed(out) if ok(c)), None)


def _gap_name(subject: Candidate, mg: regex.Match, area: str, x: _Q) -> str:
    """The name of a gap to a wider area said of `subject` (城镇登记失业率 + 低于全国; a
    growth's, in points: 第三产业 + 增速 + 高于全国)."""
    r = _rules()
    speed = mg["speed"] or ""
    if (
        not speed and x.q.unit_base == "百分点" and subject.growth_unit == "%"
        and subject.unit not in r.share_units  # 城镇化率55%…，高于全国3个百分点: the level's gap
        and not subject.indicator.endswith(r.region_gap_speeds)
        and not r.price_re.search(subject.indicator)  # 居民消费价格上涨5.4％，低于全国…: a price's rise
    ):
        speed = r.region_gap_speed
    return subject.indicator + speed + mg["cmp"] + area + mg["tail"]


def _split_items(seg: str, sep: regex.Pattern | None = None) -> list[tuple[int, int]]:
    """Spans of the items of a list 'A、B和C' (relative to seg)."""
    sep = sep or _rules().list_sep
    out = []
    pos = 0
    for m in sep.finditer(seg):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(seg)))
    return [(s, e) for s, e in out if e > s]


def _strip_trail(r: _Rules, s: str) -> str:
    """s without its trailing linking words; most strings end in none (one set lookup)."""
    t = s.rstrip()
    if not t or t[-1] not in r.strip_trail_last or t.endswith(r.keep_trailing):
        return s
    return r.strip_trail.sub("", s)


def _clean_indicator(s: str) -> str:
    r = _rules()
    s = r.footnote.sub("", s)  # 〔24〕: a note's number
    s = r.span_words.sub("", s)  # 生态移民规划5年内投资: the span is the claim's period
    s = s.strip(" \t,，、:：;；“”\"'(（·—")
    if s.endswith(("）", ")")) and s.count("（") + s.count("(") < s.count("）") + s.count(")"):
        s = s.rstrip("）)")  # a bracket closing before the words: no part of them
    for _ in range(3):
        s2 = r.strip_lead.sub("", s)
        s2 = _strip_trail(r, s2)
        s2 = s2.strip(" \t,，、:：;；\"'")
        if s2 == s:
            break
        s = s2
    # drop a trailing starting point (由2010年的 / 从8% / 从最高80元) and a leading time phrase
    if r.from_point.search(s):
        s = r.from_point_tail.sub("", s)
    s = r.from_start.sub("", s)
    s = _strip_trail(r, s).strip(" ,，、")
    s = _re(r"^(?:(?:19|20)\d{2}年(?:底|末|全年)?|\d{1,2}\s*[-—]\s*\d{1,2}月份?|前三季度|上半年)[,，]?").sub("", s)
    # 人均可支配收入2015年|分别达到, 百万吨死亡率5年|下降: a time closing the name
    s = _strip_trail(r, r.time_tail.sub("", s))  # (…利润总额连续|五年: the streak's word too)
    s = r.list_number.sub("", s)  # 8、完成: a list number
    s = r.strip_lead.sub("", s).strip(" ,，、")
    if s.count("“") != s.count("”"):
        s = s.replace("“", "").replace("”", "")
    if len(s) > r.max_len:
        s = s[-r.max_len:]
    return s


def _noun_after(text: str, pos: int, limit: int) -> tuple[str, str, bool]:
    """(noun, predicate, whether the predicate is an of-phrase) right after a measure word:
    6家|金融机构|签约落地; 17条|道路|的改扩建 (an of-phrase closing the clause)."""
    r = _rules()
    clause_end = _clause_end(text, pos)
    inner = 0  # 52个县（市、区）|通过…: a bracket glued to the noun is part of it
    if clause_end < limit and text[clause_end:clause_end + 1] in "（(" and clause_end > pos:
        k = _re(r"[）)]").search(text, clause_end, clause_end + 12)
        if k:
            inner = k.end() - pos
            clause_end = _clause_end(text, k.end())
    end = min(clause_end, limit)
    seg = text[pos:end]
    if seg.startswith("“") and 2 < (q := seg.find("”")) <= r.max_len:
        inner = q + 1  # 70项|“首个、首单、首笔”|实现突破: a quoted noun, its marks inside it
    m = r.np_cut.search(seg, min(inner, len(seg)))
    cut = m.start() if m else len(seg)
    if m and m.group() == "的" and r.relative_clause.search(seg, 0, cut):
        # 10万名|有集中供养愿望的鳏寡老人|实现了…: a relative clause is part of the noun
        m = r.np_cut.search(seg, cut + 1)
        cut = m.start() if m else len(seg)
    if seg.count("“", 0, cut) > seg.count("”", 0, cut):
        cut = seg.rfind("“", 0, cut)  # 172个乡镇|“减贫摘帽”: the quote opens the predicate
    noun = seg[:cut].strip(" ")
    if end == limit:  # 4条高速公路和|7条: the connector belongs to the list, not the noun
        noun = r.list_tail.sub("", noun)
    if not ("“" in noun and "”" in noun):  # a quoted name inside the noun keeps its marks
        noun = noun.strip("“”\"")
    if m and m.group() in ("、", "等") and m.start() == cut:
        return noun, "", False  # 6个重点片区、经济薄弱村: more nouns follow, no predicate
    if m and m.group() == "的" and m.start() == cut and (end == clause_end or r.list_tail.search(seg)):
        of = r.list_tail.sub("", seg[cut + 1:]).strip(" ")
        # …名经济条件较差的|中小学生: the words before 的 are a relative clause, not the noun
        if 2 <= len(of) <= r.max_len and _HAN.match(of) and not r.np_cut.match(of) and not r.relative_clause.search(noun):
            return noun, of, True
    pred = seg[cut:].strip(" 、,，")
    pred = r.pred_goal.sub("", pred)  # 8个贫困县摘帽|的年度目标: the goal of the whole list
    # keep a short predicate only (获评省级科技计划项目); drop trailing particles
    pred = _re(r"(?:的|等|了|和|及)$").sub("", pred)
    # a verb running into the next number is that number's (院士项目|产出56种产品); one
    # closed by 、 is this count's (120万贫困人口脱贫、|1000个…)
    runs_on = limit < clause_end and not r.list_tail.search(seg)
    if len(pred) > r.max_len or not pred or pred[0] in "的、等" or r.pred_copula.match(pred) or (runs_on and len(pred) <= r.bare_predicate_max):
        pred = ""
    return noun, pred, False


def _build(text: str, qs: list[_Q], class_names: dict[int, str]) -> list[Candidate]:
    r = _rules()
    groups = _distributive_groups(text, qs)
    in_group: dict[int, tuple[int, int, int]] = {}
    for g in groups:
        for idx in range(g[1], g[2] + 1):
            in_group[idx] = g
    out: list[Candidate] = []
    last_value: Candidate | None = None
    last_value_end = -1
    level: Candidate | None = None  # the figure an absolute change (比2010年增加…) is of
    last_growth: Candidate | None = None  # a growth claim still without its level
    list_verb = ""  # 建成10个社区食堂、|5个养老服务中心: the verb the list's items share
    list_at = -1  # where the next list item starts
    last_growth_end = -1
    prev_indicator = ""
    subject = ""  # the name measures after it were said of (个体工商户 in …，注册资金…，从业人员…)
    prev_unit: str | None = None  # the base unit of the figure prev_indicator names
    prev_kind: str | None = None  # ...and its kind (count, money…)
    by_unit: dict[str | None, str] = {}  # the last value's indicator per base unit
    figure_base: int | None = None  # the year of a base figure just read (是2005年1807亿元的)
    noun_end = 0  # end of the noun a count before it took (32个|项目|获得…): not the next one's
    group_names: list[str] = []  # the names of the last 分别 list
    each_tail: list[Candidate] = []  # its levels, which a growth said of each (均增长…) may follow
    each_tail_end = -1
    share_scope = ""  # the words before the last share of units (覆盖全省|95%的乡镇)
    share_at = -1  # where the share paired with it starts (…95%的乡镇和|80%的行政村)
    topic_said = ""  # the topic the clause before the first figure named (对口援疆任务扎实推进,|…)
    i = 0
    while i < len(qs):
        x = qs[i]
        floor = max(qs[i - 1].end if i else 0, noun_end)
        if i in in_group:
            k, gi, gj = in_group[i]
            cstart = _clause_start(text, qs[gi].lead)
            if (
                gi and cstart < qs[gi - 1].end <= k
                and (ms := _re(r"\s*、").match(text, qs[gi - 1].end))
                and not r.from_open.search(text, cstart, qs[gi - 1].start)
            ):
                # …增加140多万户、|民营经济…和税收分别由…: the names start after the figure; with no
                # names there (…27.22%、|分别比2007年提高…) the list is of the figures before
                cstart = ms.end()
            n = gj - gi + 1
            # …由17698元、5781元增加到|30594元和10776元: the names stand before the starting levels
            if mft := r.from_to_tail.search(text, cstart, k):
                k = mft.start()
            items = _split_items(text[cstart:k])
            if len(items) != n:
                # 软件和信息技术服务业、知识产权业…: 和 inside an item's name, 、 between items
                # (not in the last item, which holds the shared head: …户数和注册资本)
                enum = _split_items(text[cstart:k], r.enum_sep)
                if len(enum) == n and not r.list_sep.search(text, cstart + enum[-1][0], cstart + enum[-1][1]):
                    items = enum
            head = qs[gi]
            role = head.role
            # 分别增长7%和8%左右: a word after the last item qualifies them all (not 近 before it)
            tail_q = qs[gj].qualifier if qs[gj].end > qs[gj].q.end else None
            for idx in range(gi, gj + 1):
                qs[idx].role = role
                qs[idx].sign = head.sign if qs[idx].role == "growth" else 1
                qs[idx].base_year = qs[idx].base_year or head.base_year
                # 分别提高到不低于250元和142元, 分别增长7%和8%左右: the qualifier is said once for all
                qs[idx].qualifier = qs[idx].qualifier or head.qualifier or tail_q
            mg = _region_gap_in(text, cstart, qs[gi].lead)
            areas = r.region_gap_sep.split(mg["areas"]) if mg else []
            if mg and ((len(areas) == n and out) or (len(areas) == 1 and len(out) >= n)):
                # …2.15%，分别低于全国、全省|1.47个和0.1个百分点: the figure before's gap to each
                # area; A…、B…，分别增长…，分别高于全省|9.2和4.8个百分点: each figure's gap
                gaps = [(out[-1], a) for a in areas] if len(areas) == n else [(c, areas[0]) for c in out[-n:]]
                for (subject, area), idx in zip(gaps, range(gi, gj + 1), strict=True):
                    qs[idx].role = "value"  # a gap is a level, its direction in its name
                    out.append(_candidate(text, qs[idx], _gap_name(subject, mg, area, qs[idx]), cstart, rule="distributive"))
                    out[-1].extra["gap"] = True
                i = gj + 1
                last_value = None
                continue
            names: list[str]
            bare = not _clean_indicator(r.time_words.sub("", text[cstart:k])) or r.join_re.match(text[cstart:k])
            vals = [c for c in out if c.value is not None and c.end <= qs[gi].lead] if bare else []
            prev_vals = [c for c in vals if c.growth_rate is None]
            if bare and len(prev_vals) < n and head.base_year:
                # 生产总值达到1026.39亿元、增长11%，…农村居民人均可支配收入8244元，|分别比“十一五”末增长
                # 73.7%、1.9倍…: a value that has a growth of its own is an item too, its growth from
                # a base year read apart (not 分别超过年初预定增长9.2％…, a goal's)
                prev_vals = vals
            if bare and len(prev_vals) >= n:
                # 9.6万户、4.5万件,分别为2017年的1.9倍、2.1倍: the items are the values before
                # (…2954元，扣除价格因素年均分别增长9.4%和5.2%: words that only qualify the rates)
                targets = prev_vals[len(prev_vals) - n:]
                # 分别由2000年的…增加到…,年均增长7.8%和4.7%: the rates run from the start's year
                mfy = r.from_year.search(text, 0, targets[0].num_start)
                # 343个、4181亿元,分别比上年增加163个、834亿元: the changes of those figures
                mch = r.change_in_clause.search(text, cstart, qs[gi].q.start)
                for off, idx in enumerate(range(gi, gj + 1)):
                    target, y = targets[off], qs[idx]
                    if y.role == "growth" and target.growth_rate is not None:
                        out.append(_candidate(text, y, target.indicator, y.lead, rule="distributive"))
                    elif y.role == "growth":
                        _set_growth(target, y)
                        target.base_year = target.base_year or (int(mfy.group(1)) if mfy else None)
                        # (its span reaches its growth, whose words date it: …年均分别增长…和|19.5%)
                        target.end, target.rule = y.end, "distributive+growth"
                    elif mch:
                        out.append(_candidate(text, y, _with_change(target.indicator, mch["c"]), target.start, rule="distributive"))
                        out[-1].base_year = out[-1].base_year or _change_base(mch)
                    elif y.q.unit in r.share_units or y.q.unit == "倍":
                        out.append(_candidate(text, y, target.indicator + "占比", target.start, rule="distributive"))
                    else:  # 存贷款余额均突破万亿元，|分别达10972亿元和…: the exact levels
                        out.append(_candidate(text, y, target.indicator, target.start, rule="distributive"))
                group_names = [t.indicator for t in targets]
                i = gj + 1
                last_value = None
                continue
            grown = vals[-n:] if bare and r.price_basis.search(text, cstart, k) else []
            if len(grown) == n and all(qs[idx].role == "growth" for idx in range(gi, gj + 1)):
                # …3100元以上，均增长17％左右，扣除价格因素分别增长11％和10％以上: the values took a
                # growth said of each; these are theirs too, read apart
                for c, idx in zip(grown, range(gi, gj + 1), strict=True):
                    out.append(_candidate(text, qs[idx], c.indicator, qs[idx].lead, rule="distributive"))
                group_names = [c.indicator for c in grown]
                i = gj + 1
                last_value = None
                continue
            periods: list[str | None] = []
            if len(items) == n:
                raw_items = [text[cstart + s:cstart + e] for s, e in items]
                names = _share_prefix(_sector_items(_share_head([_clean_indicator(t) for t in raw_items])))
                if role == "value":  # counts share the verb; rates name their own (开工率、竣工率)
                    names = _share_verb(names)
                spans = [(cstart + s, cstart + e) for s, e in items]
                names, periods = _period_items(names, [t.strip() for t in raw_items])
            else:
                whole = _clean_indicator(text[cstart:k])
                names = _pair_names(whole, n)
                spans = [(cstart, k)] * n
            if not any(names) and cstart > 0:
                # A和B均实现翻番,|分别达1.47万亿元和6228亿元; A和B平均每年分别增长11%和12%,|到2015年
                # 分别达到…: the names are the clause before's
                pstart, prev = _prev_clause(text, cstart)
                before = _each_names(prev)
                if before is None and (mo := r.from_open.search(prev)):
                    # …比重分别由16.4%和28.4%，|提高到20.7%和33.9%: the names before the change's start
                    its = _split_items(prev[: mo.start()])
                    whole = _clean_indicator(prev[: mo.start()])
                    if len(its) == n:
                        before = _share_head([_clean_indicator(prev[s:e]) for s, e in its])
                    elif len(its) == 1 and whole:  # 城乡居民收入分别由…: one name for each
                        before = _pair_names(whole, n)
                if before is None and len(group_names) == n:
                    before = group_names
                if before and len(before) == n:
                    names, spans = before, [(pstart, cstart - 1)] * n
            group_names = names
            mcv = None
            if role == "value" and (
                mcv := r.change_in_clause.search(text, k, qs[gi].lead) or r.change_verb.search(text, k, qs[gi].lead)
            ):
                # 参保人数分别(比上年)增加|21.3万人和193.2万人: the changes, not the levels
                names = [_with_change(nm, mcv["c"]) if nm else nm for nm in names]
            change_base = _change_base(mcv) if mcv else None  # 分别比2000年增加
            gap = all(names) and qs[gi].q.unit_base == "百分点" and _region_gap_in(text, k, qs[gi].lead)
            if gap:
                # A、B和C投资增速分别高于全省投资平均增速|4.2个、11.6个…百分点: each item's gap, a level
                names = [nm + ("" if gap["speed"] or nm.endswith(r.region_gap_speeds) else r.region_gap_speed) + gap[0] for nm in names]
            for off, idx in enumerate(range(gi, gj + 1)):
                y = qs[idx]
                if gap:
                    y.role = "value"
                out.append(_candidate(text, y, names[off], spans[off][0], rule="distributive"))
                out[-1].base_year = out[-1].base_year or change_base
                if gap:
                    out[-1].extra["gap"] = True
                if periods:
                    out[-1].extra["period"] = periods[off]
            i = gj + 1
            last_value = None
            each_tail, each_tail_end = (out[-n:] if role == "value" else []), qs[gj].end
            continue
        if each_tail:
            if x.role == "growth" and r.each_growth_gap.fullmatch(text, each_tail_end, x.lead):
                # 存贷款余额分别达82019亿元、51799亿元，|均比“十五”期末增长1倍以上: each item's growth
                for c in each_tail:
                    _set_growth(c, x)
                    c.end, c.rule = x.end, "distributive+growth"
                each_tail = []
                i += 1
                continue
            each_tail = []  # only the figure right after the list may be said of each
        cstart = _clause_start(text, x.lead)
        start = max(cstart, floor)
        # a growth right after a value of the same indicator: one claim
        if x.role == "growth" and last_value is not None and last_value.growth_rate is None:
            gap = _BRACKETED.sub("", text[last_value_end:x.lead])  # （同口径）, （不含…）: asides
            multiple = x.q.unit == "倍" and gap.strip() != "" and r.join_multiple.match(gap)
            each_growth = not multiple and bool(r.each_growth_gap.fullmatch(gap))
            if r.join_re.match(gap) or gap == "" or multiple or each_growth:
                if x.q.unit == "%" and last_value.unit in r.share_units and "占" in last_value.indicator:
                    # 实际利用外资174.3亿美元，占全国的1/4以上，增长32.3%: a share does not grow
                    # by a percent; the figure it is a share of does
                    prior = next((c for c in reversed(out) if c is not last_value and c.value is not None), None)
                    if prior is not None and prior.growth_rate is None and prior.unit not in r.share_units:
                        level = prior
                if level is not None and level.growth_rate is None and not multiple:
                    # 收入30788元,比2010年增加13480元,年均递增12.2%: the rate is the level's
                    _set_growth(level, x)
                    if not r.comparison_word.search(text, x.lead, x.q.start):
                        level.base_year = level.base_year or last_value.base_year  # (not …，比上年增长12.5%)
                    level.end = x.end
                    level.rule = "value+growth"
                    last_value = level = None
                    i += 1
                    continue
                listed = [last_value]
                if (multiple and multiple.group("each")) or each_growth:
                    # 收入861.5亿元、支出1868.4亿元，均是2002年的近3倍: each figure of the list
                    # (…超过3.7万亿元，人均生产总值3.9万元，均为2010年的1.6倍): back to a figure that has its own;
                    # 城镇居民人均可支配收入7320元，农民人均纯收入1840元，均增长10%: figures of one unit
                    listed = []
                    for c in reversed(out):
                        if each_growth and r.dated_start.search(text, max(0, c.num_start - 16), c.num_start):
                            continue  # 由2010年的|5000元增加到…: a dated start grows by none of it
                        if c.value is None or c.growth_rate is not None or (each_growth and c.unit != last_value.unit):
                            break
                        listed.append(c)
                for lv in listed:
                    _set_growth(lv, x)
                    # 由2010年的5.24亿元增加到15.07亿元,年均增长23.53%: the rate runs from 2010;
                    # 是2005年1807亿元的2.5倍: from the year of the base figure
                    lv.base_year = lv.base_year or lv.extra.get("from_year") or figure_base
                    lv.rule = "value+growth"
                last_value.end = x.end
                last_value = None
                i += 1
                continue
        if (
            x.role == "value"
            and last_growth is not None
            and r.join_growth_value.match(text[last_growth_end:x.lead])
            # (补助标准翻了一番，|1180多万农牧民受益: a count of its own noun, no level reached)
            and not (x.q.kind not in r.money_kinds and _noun_follows(text, x.end))
        ):
            _take_level(text, last_growth, x)
            last_growth.rule = "growth+value"
            last_value, last_value_end, last_growth = last_growth, x.end, None
            prev_indicator, prev_unit, prev_kind = last_value.indicator, x.q.unit_base, x.q.kind
            i += 1
            continue
        before = text[start:x.lead]
        if x.higher_goal and last_growth is not None:
            out.append(_candidate(text, x, last_growth.indicator, x.lead, rule="growth"))
            last_growth, last_growth_end = out[-1], x.end
            i += 1
            continue
        if (each := _each_names(before)) is not None:
            group = [_candidate(text, x, name, start, rule="each") for name in each]
            out.extend(group)
            last_value = level = last_growth = None
            i += 1
            # …均超过3000亿元,年均分别增长10%: one growth said of them all; 分别增长11.8%、
            # 13.8%: one for each
            if x.role == "value" and i < len(qs) and qs[i].role == "growth" and r.join_re.match(text[x.end:qs[i].lead].replace("分别", "")):
                g = in_group.get(i)
                rates = range(g[1], g[2] + 1) if g and g[1] == i and g[2] - g[1] + 1 == len(group) else [i] * len(group)
                for c, j in zip(group, rates, strict=True):
                    _set_growth(c, qs[j])
                    c.end = qs[j].end
                i = max(rates) + 1
            elif x.role == "growth" and i < len(qs) and qs[i].role == "value" and r.join_growth_value.match(text[x.end:qs[i].lead].replace("分别", "")):
                # …均实现翻番，分别达1.47万亿元和6228亿元: the level each reached
                g = in_group.get(i)
                if g and g[1] == i and g[2] - g[1] + 1 == len(group):
                    for c, j in zip(group, range(g[1], g[2] + 1), strict=True):
                        _take_level(text, c, qs[j])
                    i = g[2] + 1
            continue
        indicator = x.changed or _indicator_before(before)
        years_back = 0  # 在上年|增长18%的基础上: a growth of the year before the claim's
        is_gap = False  # 高于全国|2个百分点: a gap to a wider area
        if x.role == "growth" and (mp := r.prior_growth_tail.search(indicator)) and r.prior_growth_after.match(text, x.end):
            indicator, years_back = _clean_indicator(indicator[: mp.start()]), 1  # (…力争|在上年)
        elif x.role == "growth" and out and out[-1].extra.get("years_back") and r.prior_growth_then.fullmatch(text, out[-1].end, x.lead):
            indicator = out[-1].indicator  # …的基础上再|增长14.8%: the same figure's growth
        cmp_base: int | None = None
        figure_year: int | None = None  # the year a base figure is dated at
        is_change = False  # an absolute change of the figure before
        unchanged = ""  # the name without the verb of change it was given
        if r.preposition_scope.fullmatch(indicator):
            indicator = ""  # 对|9.74万|贫困群众实施易地搬迁: the noun after the count names it
        money_named = False  # the money's own noun after it is read (安排|4.6亿元|扶贫资金)
        if x.role == "value" and x.q.kind in r.money_kinds:
            named = _money_object(text, x, qs[i + 1:], indicator, cstart) or _money_after(text, x, indicator)
            money_named, indicator = named != indicator, named
        rule = "growth" if x.role == "growth" else "value"
        ind_start = start
        nxt = qs[i + 1].lead if i + 1 < len(qs) else len(text)
        if x.role == "value" and not money_named and _noun_follows(text, x.end):
            noun, pred, of = _noun_after(text, x.end, nxt)
            pred = pred if of else _predicate(pred)
            listed = before.rstrip().endswith("等")  # 百发…改造等|32个|项目: examples, then the noun
            # 新建学校运动场和|2座|风雨场馆, 抓好500万吨炼油、|300万吨|煤制化肥: a list item after
            # the first; 抓好|500万吨|炼油、300万吨…: the first (a quantity no words before
            # modify, unlike a count's: 搞好省属|8所|骨干大学), its noun running into the next
            item = r.list_tail.search(indicator) or r.list_tail.search(before)
            noun_to = _end_of(text, noun, x.end, -1) if noun else -1  # where the noun ends in the text
            if noun and not item and x.q.kind not in r.modified_kinds and 0 <= noun_to < nxt:
                item = r.list_tail.fullmatch(text[noun_to:nxt])
            if noun and indicator and not listed and item:
                # a new list item: the list's verb, then its noun
                m = r.lead_verb.match(indicator)
                indicator = (m.group(0) if m else "") + noun
                rule = "count_before_noun"
            elif noun and indicator and not listed and not _only_verb(indicator) and (
                r.np_stop_end.search(indicator) or r.object_verb_end.search(indicator)
            ):
                indicator = indicator + noun  # 院士项目产出|56种|产品, 提标治理|3665台|工业窑炉
                rule = "count_before_noun"
            elif noun and (not indicator or _only_verb(indicator) or listed):
                if pred:  # the noun and its predicate are this count's
                    noun_end = _taken_end(text, noun, pred, x.end, nxt, noun_end)
                verb = r.adverbs.sub("", indicator) if _only_verb(indicator) else ""
                if pred and (verb or of or len(pred) > r.bare_predicate_max):
                    indicator = f"{verb}{pred}的{noun}"  # 获评…雏鹰企业的企业, 聘请担任顾问的侨商
                else:
                    indicator = f"{pred}{noun}" if pred else f"{verb}{noun}"  # 开工建设道路
                rule = "count_before_noun"
            elif noun and indicator and not listed and x.q.kind in r.modified_kinds:
                # the words before only modify the counted noun: 国家督办的|147条|黑臭水体消除黑臭,
                # 在穗|近1.4万名|港澳居民同等享有养老保险 (a count of the noun that did so)
                relative = r.relative_end.search(before) is not None
                pe = _pred_end(text, noun, pred, x.end, nxt) if len(pred) >= 2 else -1
                if pe < 0:
                    pred = ""  # it runs into the next number: that number's words (…园区|完成…投资1440亿元)
                if pred:  # the noun and its predicate are this count's, not the next one's
                    noun_end = pe
                    indicator = f"{pred}的{indicator}{noun}" if relative else f"{indicator}{pred}的{noun}"
                    rule = "count_before_noun"
                elif _end_of(text, noun, x.end, nxt) < nxt or nxt >= _clause_end(text, x.end):
                    # 沿海|42个|重点园区完成…, 共获|11项|世界冠军、: a noun that does not run into
                    # the next number (…43家大型国有企业利润|增长22.8%: the noun is unclear)
                    indicator += noun
                    rule = "count_before_noun"
            if noun and rule == "count_before_noun":
                k = noun_to
                if k >= 0 and (k == nxt or r.list_tail.fullmatch(text[k:nxt])):
                    noun_end = k  # 5个国铁、|7个城际轨道: the next count is not named by 国铁
                    if start == list_at and list_verb and not r.lead_verb.match(indicator):
                        indicator = list_verb + indicator
                    m = r.lead_verb.match(indicator)
                    list_verb, list_at = (m.group(0) if m else ""), k
                elif start == list_at and list_verb and not r.lead_verb.match(indicator):
                    indicator = list_verb + indicator  # the list's last item
        elif x.role == "value" and x.q.kind == "people" and (not indicator or _only_verb(indicator)):
            _, pred, of = _noun_after(text, x.end, nxt)
            pred = pred if of else _predicate(pred)
            if of:
                # 解决了3.2万人|的安全饮水: the people whose water it is
                indicator = f"{r.adverbs.sub('', indicator)}{pred}的{x.q.unit_base}"
                rule = "count_before_noun"
                noun_end = _end_of(text, pred, x.end, noun_end)
            elif pred:
                indicator = pred  # 3人|获评全国劳动模范
                rule = "count_before_noun"
                noun_end = _end_of(text, pred, x.end, noun_end)
        elif (
            x.role == "value" and x.q.unit in r.share_units and text.startswith("的", x.end)
            and not indicator.endswith(r.rate_ends) and (units := _share_of_units(text, x.end + 1, nxt))
        ):
            # 73%的|行政村通油路, 覆盖全省|40%的|县（市、区）: the share of those units
            words, noun_end = units
            paired = noun_end == nxt and r.list_tail.search(text, x.end, nxt) is not None
            if paired and i + 1 < len(qs) and words in r.share_units_only:
                # 96.9%的乡镇和|29.6%的建制村通油路: the pair's predicate is said once, last
                y = qs[i + 1]
                after = qs[i + 2].lead if i + 2 < len(qs) else len(text)
                if text.startswith("的", y.end) and (other := _share_of_units(text, y.end + 1, after)):
                    if mu := r.share_unit_noun.match(other[0]):
                        words += other[0][mu.end():]
            own = len(_HAN.findall(indicator)) >= 2 and not _only_verb(indicator)
            if share_at == x.lead:
                scope = share_scope  # 覆盖全省95%的乡镇和|80%的行政村: the pair's scope
            else:
                scope = share_scope = indicator if own and not r.list_tail.search(before) else ""
            share_at = nxt if paired else -1
            indicator = scope + words if len(scope + words) <= r.max_len else words
            rule = "share_of_units"
        elif (
            x.role == "value" and x.q.unit_base not in r.growth_units
            and (not indicator or _only_verb(indicator)) and text.startswith("的", x.end)
        ):
            _, pred, of = _noun_after(text, x.end, nxt)
            if of and r.of_task.search(pred):
                # 完成37.8亿元|的年度投资计划, 16.9万平方米|的绿化任务: the figure is the task's size
                indicator = r.adverbs.sub("", indicator) + pred
                noun_end = _end_of(text, pred, x.end, noun_end)
        if prev_indicator and x.role == "value" and (mbf := r.base_figure.search(text, start, x.lead)):
            # 比2000年的|1570亿元, 是2005年|1807亿元的2.5倍: the figure's level in the base year
            indicator = prev_indicator
            figure_year = int(mbf.group("y"))
        elif (
            prev_indicator and not indicator and prev_unit == x.q.unit_base
            and r.have_verb.fullmatch(_re(r"[\s,，、]").sub("", before))
            and (pred_m := _re(r"\p{Han}{2,8}(?=\s*(?:[,，。;；]|$))").match(text, x.end))
        ):
            # …的23户企业，已有|19户|挂牌运营: the part of them that did so
            noun = _verb_object(prev_indicator, r.scope_lead)
            indicator = f"{pred_m.group(0)}的{noun or prev_indicator}"
            noun_end = pred_m.end()
        elif prev_indicator and (not indicator or _CHANGE_TO.match(indicator)):
            indicator = prev_indicator
            if (
                i and x.q.kind in r.money_of_count_kinds and qs[i - 1].q.kind in r.money_of_count_counts
                and not text[qs[i - 1].end:x.lead].strip()
            ):
                indicator += r.money_of_count  # 资助贫困学生10.8万人次|1.32亿元: the money they got
            if x.role == "value" and prev_unit == x.q.unit_base:
                said = text[start:x.start]  # with the qualifier words (突破, 近)
                if mc := r.after_change.match(said):
                    # 优良天数196天、增加13天: the change of the figure before
                    indicator = prev_indicator + mc.group("w")
                    is_change = True
                elif r.after_level.match(said) and (mi := r.increments.search(prev_indicator)):
                    # 新增煤炭产能350万吨、突破4000万吨: the total the increment adds to
                    name = prev_indicator[: mi.start()] + r.increment_names[mi.group()] + prev_indicator[mi.end():]
                    indicator = name if len(name) >= 2 else indicator
        elif (
            prev_indicator and x.role == "value" and rule not in _NOUN_RULES
            and prev_unit == x.q.unit_base and _only_verb(indicator)
        ):
            # 先进无梭织机达到7200余台,新增|2000多台; 开工省重点项目370个、建成|166个: the verb's
            # object is the thing the figure before counts (its own verb and scope dropped)
            noun = _verb_object(prev_indicator, r.scope_lead)
            indicator = r.adverbs.sub("", indicator) + (noun or prev_indicator)
        elif (
            (of := prev_indicator or (last_growth.indicator if last_growth is not None else ""))
            and x.q.unit in r.share_units and (ms := r.share_of.fullmatch(indicator))
        ):
            # 中国创新创业大赛奖5项,占全省的71%: the share of the figure before (or of the growth
            # before: 第三产业增加值同比增长14.1%，占生产总值比重45%)
            indicator = r.share_name.format(prev=of, whole=ms.group("whole"))
        elif (mg := r.region_gap.fullmatch(indicator)) and (subject := _gap_subject(out, x)):
            # 第三产业增长10.4%，|高于全国平均2.1个百分点: the gap of the figure before, a level
            # whose direction its name says (no figure's change, no name for figures after)
            indicator = _gap_name(subject, mg, mg["areas"], x)
            x.role, is_change, is_gap = "value", True, True
        elif x.q.unit_base == "百分点" and (mg := r.region_gap_end.search(indicator)) and mg.start() >= 2:
            # 基础设施投资增速高于全省投资平均增速|4.2个百分点: the named figure's gap, a level
            x.role, is_change, is_gap = "value", True, True
        elif prev_indicator and r.comparison_only.fullmatch(indicator):
            # 人均可支配收入30788元,比2010年增加13480元: the change of the figure before
            base = _re(r"(?:19|20)\d{2}").search(indicator)
            cmp_base = int(base.group(0)) if base else _term_end_year(indicator)  # (比“九五”末增加)
            is_change = True
            changed = prev_indicator
            if x.role == "value" and prev_unit != x.q.unit_base:
                # 生产总值21701亿元，占全国的11.9%，比“九五”期末增加10960亿元: the change of the
                # last figure in its unit, not of the share between
                same = _last_in_unit(out, x.q.unit_base)
                changed = same.indicator if same else prev_indicator
            indicator = _with_change(changed, before.strip(" ,，"))
        elif (
            prev_indicator and prev_unit == x.q.unit_base and text[floor:x.lead].lstrip()[:1] in ("、", ",", "，")
            and (swapped := _counterpart(indicator, prev_indicator))
        ):
            indicator = swapped  # 地方财政一般预算收入861.5亿元、|支出1868.4亿元
        elif prev_indicator and indicator and rule not in _NOUN_RULES and (
            before.lstrip().startswith("、")
            # a part of the same measure, not of people (…其中下岗失业人员再就业12万人 has its own verb)
            or (r.part_of.match(before) and prev_unit == x.q.unit_base and x.q.kind != "people")
            # 新增跨境电商独立站2家,|海外仓1家: a list said clause by clause
            or (start == cstart > floor and prev_unit == x.q.unit_base and x.role == "value"
                and _comma_list_item(text, x, floor, cstart, indicator, prev_indicator))
        ):
            # 引进省级人才2人、青年人才1.3万人: the list shares the first item's verb (so does a
            # part: 新建、改建农村公路2万公里，其中通组路和串户路6500公里)
            # (增加森林面积170万亩、|森林蓄积…: a verb of change is shared by a 、 list of bare
            # items too; not by 、省财政总量达到…, which has its own)
            bare_item = before.strip().lstrip("、").strip() == indicator
            m = r.lead_verb.match(prev_indicator) or (r.comma_list_verb.match(prev_indicator) if bare_item else None)
            own = r.only_verb.match(indicator)  # the item's own verb (not the 新 of 新型)
            # (关闭矿井100处、|退出煤炭产能2388万吨: a stage or verb of its own, comma_list_not_items)
            if m and not r.lead_verb.match(indicator) and not (own and len(own.group(0)) > 1) and not r.comma_list_not_item.match(indicator):
                indicator = m.group(0) + indicator
        if (
            x.role == "value" and indicator and (pv := by_unit.get(x.q.unit_base))
            and _is_place(place := r.lead_verb.sub("", indicator))  # (完成…11万户，其中|陕南6万户: the verb shared)
        ):
            # 州直旅游接待9000万人次、塔城地区|3850万人次: the place's figure of the topic before
            indicator = place
            split = _place_split(pv)
            topic = split[1] if split else r.scope_lead.sub("", pv)
            if len(topic) >= 2 and not _is_place(topic) and not r.list_sep.search(topic) and indicator not in topic:
                if split and out and out[-1].indicator == pv and pv.endswith(split[0]):
                    out[-1].indicator = split[0] + topic  # 游客花费州直 -> 州直游客花费
                indicator += topic
        if (
            prev_indicator and r.stock_change.fullmatch(indicator) and not prev_indicator.endswith(r.needs_subject_ends)
            and (prev_unit == x.q.unit_base or x.role == "growth")
        ):
            # 新增国家环保城市4个，总数|19个; 建成高速公路6647公里，通车里程新增|2400公里; …，总里程
            # 翻一番: the stock of the things counted before (not of the new ones), or its change
            indicator = _verb_object(prev_indicator, r.adverbs) + indicator
        elif indicator in r.needs_subject or r.needs_subject_words.fullmatch(indicator) or (
            # 在建的45个省重点建设项目…，|完成投资160亿元: the money of the things counted before
            # (…项目103个，总投资1051亿元，|年度投资300亿元: or of the subject of the sum before)
            r.counted_money.fullmatch(indicator) and (
                (prev_kind == "count" and not r.counted_money_not.search(prev_indicator)
                 and len(r.np_stop.sub("", r.lead_verb.sub("", prev_indicator))) >= 2)  # (已落地25个: no name)
                or (subject and prev_indicator.startswith(subject) and prev_indicator.endswith(r.needs_subject_ends))
            )
        ):
            # 销售收入275.9亿元、利润12.6亿元: a measure after a measure is its peer, not its part
            # (a stock of another unit than the figure before is something else's: left as it is)
            if indicator not in r.stock_words:
                if prev_indicator and not prev_indicator.endswith(r.needs_subject_ends):
                    subject = prev_indicator
                    if (mp := r.peer_measure.search(prev_indicator)) and mp.start() >= 2:
                        subject = prev_indicator[: mp.start()]  # 天然饮用水产量…、|产值…: a peer's subject
                    indicator = subject + indicator
                elif subject and prev_indicator.startswith(subject):
                    # 个体工商户33.6万户，注册资金92.32亿元，从业人员|75.89万人: the same subject's
                    indicator = subject + indicator
        elif (
            prev_indicator and x.role == "value" and r.bare_rate.fullmatch(indicator)
            and "率" not in prev_indicator and _opens_clause(before, indicator)
        ):
            # 受理各类诉求9.63万件,办结率99.8%: the rate of the thing counted before
            indicator = r.lead_verb.sub("", prev_indicator) + indicator
        if (
            (not prev_indicator or (topic_said and prev_indicator.startswith(topic_said)))
            and (r.money_word.fullmatch(indicator) or indicator in r.needs_topic)
        ):
            # 哈克镇生态奶源基地建设初具规模,|完成投资3340万元; 加快发展职业教育,|在校生达到145万人:
            # the clause before names it (and the bare names after: …，投入资金11.6亿元，|支援项目102个)
            topic = _topic_before(text, cstart) if not prev_indicator else topic_said
            if topic:
                indicator = topic + r.adverbs.sub("", indicator)
                topic_said = topic
        if cstart > 0 and _re(r"\s*(?:由|从)").match(text, cstart) and (not indicator or not _strip_trail(r, indicator)):
            # …占全省的比重，|由2002年的53.9%上升到57%: the clause before, a bare name, names the change
            _, prev = _prev_clause(text, cstart)
            if not _re(r"\d").search(_re(r"(?:19|20)\d{2}\s*年").sub("", prev)):
                indicator = _clean_indicator(prev)
        if not indicator:
            # nothing names it: fall back to the clause's words before it, or to the claim
            # before (…分别增长8.3%、12.8%，全年增长14.8%), never to a figure's digits
            indicator = _clean_indicator(text[cstart:x.lead])
            if not indicator and cstart > 0:
                # 外贸出口连续迈上新台阶，|1994年突破20亿美元: the clause before is the topic
                indicator = _clean_indicator(_prev_clause(text, cstart)[1])
            if _re(r"[\d%％]").search(indicator):
                # 连续5年|提高全省最低工资标准: only the words after the last figure
                tail = _re(r"[\d.]+\s*[%％‰]?").split(indicator)[-1]
                indicator = _clean_indicator(_re(r"^[年月日个项次的、,，\s]+").sub("", tail))
            if len(indicator) < 2:
                indicator = out[-1].indicator if out else ""
        if not indicator:
            i += 1
            continue
        if (
            x.role == "value" and not is_change and x.q.unit not in r.growth_units
            and (mch := r.change_in_clause.search(text, start, x.start)) and not indicator.endswith(mch["c"])
        ):
            # 全省固定资产投资比去年增加|500亿元: the change, not the level
            indicator = _with_change(indicator, mch["c"])
            cmp_base = _change_base(mch) or cmp_base
        elif (
            rule == "value" and not is_change and not money_named and x.q.unit not in r.growth_units
            and not _noun_follows(text, x.end)
            and (mch := r.change_verb.search(text, start, x.lead)) and mch["c"] not in indicator
        ):
            # 养老金每月人均增加|122元: the change, not the level (not 改造提升|1万家|文化大院);
            # a figure after it with no name is the subject's (从业人员增加65万人，增加值…)
            unchanged, indicator = indicator, indicator + mch["c"]
        if (
            x.role == "value" and x.q.unit in r.share_units and "用于" not in indicator
            and (mp := r.purpose_share_re.match(text, x.end))
        ):
            # 新增财力70%以上|用于改善民生: the share put to that use (a figure after it with no name
            # is still the subject's: …，达到120亿元)
            unchanged = unchanged or indicator
            indicator = indicator.removesuffix("的") + "用于" + _clean_indicator(mp.group(1)) + r.purpose_share
        if x.q.start in class_names:
            # 34个|县（市、区）财政收入超过10亿元; 培育|10个|销售收入过100亿元的产业集群
            lead = r.lead_verb.match(indicator)
            indicator = (lead.group(0) if lead else "") + class_names[x.q.start]
        cand = _candidate(text, x, indicator, ind_start, rule=rule)
        if years_back:
            cand.extra["years_back"] = years_back
        if is_gap:
            cand.extra["gap"] = True
        cand.base_year = cand.base_year or cmp_base or (figure_base if x.role == "growth" else None)
        figure_base = None
        if figure_year is not None:
            cand.base_year = None
            cand.extra["dated"] = figure_year
            cand.rule = "dated_figure"
            out.append(cand)
            # a change after it (增长1.2倍, 的2.5倍) is the level's before it, from that year
            prior = next((c for c in reversed(out[:-1]) if c.value is not None and "dated" not in c.extra), None)
            last_value = prior if prior is not None and prior.growth_rate is None else None
            last_value_end, figure_base = x.end, figure_year
            level = last_growth = None
            i += 1
            continue
        if x.role == "value":
            mf = r.from_year.search(text, cstart, x.lead)
            if mf:
                cand.extra["from_year"] = int(mf.group(1))
        out.append(cand)
        if is_change:
            # the figure changed: the last value before it that is no base itself (比1997年的202亿元)
            # (of its unit when one stands before: 21701亿元，占全国的11.9%，比…增加10960亿元，|增长12.5%)
            earlier = out[:-1]
            level = _last_in_unit(earlier, cand.unit_base, _is_level) or next((c for c in reversed(earlier) if _is_level(c)), None)
        else:
            level = None
        last_growth = cand if x.role == "growth" else None
        last_growth_end = x.end
        if x.role == "value" and last_value is not None and _in_brackets(text, last_value_end, x.lead):
            pass  # 财政总收入3936亿元（不含海关税收等612.3亿元），增长26%: an aside; the growth after is the outer figure's
        elif x.role == "value":
            last_value = cand
            last_value_end = x.end
            if not is_change:  # …比上年增加15个,…增加8个: a change names no later figure
                prev_indicator, prev_unit, prev_kind = unchanged or indicator, x.q.unit_base, x.q.kind
                by_unit[x.q.unit_base] = unchanged or indicator
        else:
            last_value = None
        i += 1
    _split_pairs(text, out)
    return _split_shared_growth(out)


def _whole_name(n: str) -> bool:
    """The name is a whole indicator (一般公共预算收入, …利润): a lexicon term or a head noun."""
    return indicator_id(n) is not None or n.endswith(_rules().heads)


def _split_shared_growth(out: list[Candidate]) -> list[Candidate]:
    """城镇居民人均可支配收入和农村居民人均纯收入增长12%: one growth said of a list of whole
    indicators is each one's (not 城镇和农村居民…, whose items are no indicators)."""
    if all(c.value is not None for c in out):
        return out
    res: list[Candidate] = []
    for c in out:
        items = [c.indicator[s:e] for s, e in _split_items(c.indicator)] if c.value is None else []
        if len(items) > 1 and all(_whole_name(n) for n in items):
            res.extend(replace(c, indicator=n, extra=dict(c.extra)) for n in items)
        else:
            res.append(c)
    return res


def _share_of_units(text: str, pos: int, nxt: int) -> tuple[str, int] | None:
    """(name, end) of the units and predicate after a percent's 的 (行政村通油路), or None
    when those words are the figure's own kind (目标, 增速, 水平)."""
    r = _rules()
    end = min(_clause_end(text, pos, past_brackets=True), nxt)
    seg = text[pos:end].rstrip("。！？!? ")
    if r.share_not_units.match(seg):
        return None
    words = _clean_indicator(r.list_tail.sub("", r.share_drop.sub("", seg[: r.max_len])))
    return (words, end) if len(words) >= 2 else None


def _is_place(name: str) -> bool:
    return name in _rules().unit_places or gazetteer().is_full_name(name)


def _place_split(name: str) -> tuple[str, str] | None:
    """(place, topic) of a name opened or closed by a place: 州直旅游接待, 游客花费州直."""
    for k in range(min(len(name) - 2, 10), 1, -1):
        if _is_place(name[:k]):
            return name[:k], name[k:]
        if _is_place(name[-k:]):
            return name[-k:], name[:-k]
    return None


def _period_items(names: list[str], raw: list[str]) -> tuple[list[str], list[str | None]]:
    """固定资产投资一季度、上半年、前三季度|分别增长…: items (raw words) that are periods name
    one indicator over several periods -> (the names, the period of each); (names, []) else."""
    r = _rules()
    m = r.period_item_end.search(raw[0])
    if not m or m.start() < 2 or not all(r.period_item_end.fullmatch(t) for t in raw[1:]):
        return names, []
    subject = _clean_indicator(raw[0][: m.start()])
    return [subject] * len(names), [r.period_items.get(p) for p in [m.group(), *raw[1:]]]


def _each_names(before: str) -> list[str] | None:
    """城镇居民人均可支配收入和农民人均纯收入|均实际增长, 新增A、B|各|1家, 办结率、满意率|100%:
    the names a figure is said of each, or None."""
    r = _rules()
    m = r.each.search(before)
    if m is None and "率" not in before:
        return None  # the common case, before any cleaning: no 均/各 and no rates
    head = before[: m.start()] if m else _clean_indicator(before)
    if m is None and not r.rate_list.search(head):
        return None  # without 均/各 only a list of rates (…办结率、满意率100%)
    items = _split_items(head)
    if m and len(items) == 1:
        # 存贷款余额双双突破5000亿元: one name holding a pair word names both halves
        whole = _clean_indicator(head)
        if (pair := _pair_names(whole, 2))[0] != whole:
            return pair
    enum = _split_items(head, r.enum_sep) if "、" in head else []  # the items parted by 、 only
    if len(items) > 2 and enum and all(r.rate_list.search(head, s, e) for s, e in enum):
        # 义务教育阶段入学率和巩固率、建档立卡贫困人口参保率和资助率: pairs of rates, each pair
        # of its own subject
        names = []
        for s, e in enum:
            pair = [_clean_indicator(head[s:e][a:b]) for a, b in _split_items(head[s:e])]
            names += _subject_rates(pair)
        return names if 2 <= len(names) <= r.each_max else None
    if "、" in head and r.bare_rate.fullmatch(_clean_indicator(head[items[-1][0]:items[-1][1]]) if items else ""):
        items = enum  # 人大代表建议和政协提案办结率、满意率: 和 is inside
    if not 2 <= len(items) <= r.each_max:
        return None
    names = [_clean_indicator(head[s:e]) for s, e in items]
    # 一、二、三产业增加值: ordinals of one name, no list of names; 哈尔滨和大庆两个开发区…: the
    # names hold a count, they are no list of indicators
    if any(len(n) < 2 or _only_verb(n) for n in names) or r.each_count.search(head):
        return None
    # 新增A、B各1家: the first item's verb is the list's
    return _share_head(_share_verb(_subject_rates(names)), strict=True)


def _subject_rates(names: list[str]) -> list[str]:
    """参保率和资助率: a bare rate is of the first item's subject (建档立卡贫困人口资助率)."""
    r = _rules()
    first_rate = r.rate_end.search(names[0]) if names else None
    if first_rate and first_rate.start() >= 2:
        subject = names[0][: first_rate.start()]
        return [names[0]] + [subject + n if r.bare_rate.fullmatch(n) else n for n in names[1:]]
    return names


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """pos stands inside a bracket opened after start (…3936亿元（不含海关税收等|612.3亿元）)."""
    seg = text[start:pos]
    return seg.count("（") + seg.count("(") > seg.count("）") + seg.count(")")


def _sector_matches(names: list[str]) -> list[regex.Match] | None:
    """The sector_item matches of a list of sector ordinals (一、二、三产业增加值), else None:
    the last item says 产业/产; the others say it or are only the ordinal (not 一般…, 二氧化硫)."""
    r = _rules()
    ms = [r.sector_item.match(n) for n in names]
    if len(names) < 2 or not all(ms):
        return None
    if not ms[-1].group(2) or any(not m.group(2) and m.group(3) for m in ms[:-1]):  # type: ignore[union-attr]
        return None
    return ms  # type: ignore[return-value]


def _sector_items(names: list[str]) -> list[str]:
    """一、二、三产业增加值 -> 第一产业增加值, 第二产业增加值, 第三产业增加值."""
    if (ms := _sector_matches(names)) is None:
        return names
    tail = ms[-1].group(3)
    return [_rules().sector_name.format(m.group(1), m.group(3) or tail) for m in ms]


def _share_prefix(names: list[str]) -> list[str]:
    """专利申请量、授权量 -> 专利申请量, 专利授权量: a short later item of the first's
    measure takes the first's words before its peer. Not when the item is part of the
    first (进出口总额、出口额) or as long as it (进口额、出口额)."""
    heads = _rules().prefix_share_heads
    first = names[0]
    out = [first]
    for n in names[1:]:
        k = len(first) - len(n)
        if n and len(n) <= 3 and k >= 2 and n[-1] == first[-1] in heads and n[:2] not in first and _HAN.match(n):
            n = first[:k] + n
        out.append(n)
    return out


def _share_verb(names: list[str]) -> list[str]:
    """The first item's lead verb is every item's (新增A、B各1家; 新建污水处理厂和垃圾处理场
    24座和12座)."""
    r = _rules()
    verb = r.lead_verb.match(names[0]) if names else None
    if not verb or names[0].endswith(r.rate_ends):  # 开工率 is a rate, not 开工 + 率
        return names
    return [names[0]] + [n if r.lead_verb.match(n) else verb.group(0) + n for n in names[1:]]


def _topic_before(text: str, cstart: int) -> str:
    """The topic of the clause before cstart when that clause is only a topic and a state
    predicate (棚户区改造和房地产开发|进程加快, …基地建设|初具规模, 农林水利|方面); else ''."""
    r = _rules()
    if cstart < 2 or text[cstart - 1] not in ",，":
        return ""
    _, prev = _prev_clause(text, cstart)
    prev = r.topic_streak.sub("", prev)  # 粮食连续5年获得丰收: a streak is no figure of the topic
    if _re(r"\d").search(prev):
        return ""
    m = r.topic_predicate.search(prev)
    if not m:
        # 加快发展职业教育: a verb of policy, then the topic
        mv = r.topic_verb.match(prev)
        topic = _clean_indicator(prev[mv.end():]) if mv else ""
        return topic if mv and r.topic_min <= len(topic) <= r.topic_verb_max else ""
    head = prev[:m.start()]
    if m.group() in r.topic_scopes:
        head = _re(r"^\s*在").sub("", head)  # 在科技人才方面: 在 only frames the scope
    topic = r.topic_trailing.sub("", _clean_indicator(head))  # 工业经济平稳|较快发展
    if r.topic_not_ends.search(topic):
        return ""  # 全年各项目标任务|圆满完成: no topic of the figures after it
    return topic if r.topic_min <= len(topic) <= r.max_len else ""


def _money_object(text: str, x: _Q, later: list[_Q], indicator: str, cstart: int) -> str | None:
    """投资4500万元的|伊敏河沿河道路工程 -> 伊敏河沿河道路工程投资: a bare money word takes
    the object after the figure; None when the words are no such pattern. (`cstart`: where
    the figure's clause starts.)"""
    r = _rules()
    mw = r.money_word.fullmatch(indicator)
    bare = mw is not None  # the money word is all the name (not 疾病控制和|投入)
    if not mw and (k := max(indicator.rfind("和"), indicator.rfind("、"))) >= 0:
        # 准格尔电厂二期扩建工程和|投资18亿元的呼和浩特电厂…: the money word opens a new item
        mw = r.money_word.fullmatch(indicator[k + 1:])
    if not mw:
        return None
    pos = m.end() if (m := r.money_between.match(text, x.end)) else x.end
    link = r.money_link.match(text, pos)
    comma = False
    if not link and bare and (m := r.money_comma.match(text, pos)) and not _topic_before(text, cstart):
        # 投资15.2亿元，|新建改建农村公路9100公里: a plain next clause, one count at most and no
        # rate, names the use with its verb (not when the clause before is the topic: 哈克镇…
        # 建设初具规模，|完成投资3340万元)
        link = r.money_link.match(text, m.end())
        ce = _clause_end(text, link.end()) if link else 0
        inside = [y for y in later if y.start < ce]
        if link and (r.money_comma_not.search(text, link.end(), ce) or len(inside) > 1
                     or any(y.q.unit_base in r.share_units for y in inside)):
            link = None
        comma = link is not None
    if not link:
        return None
    start = link.start() if comma else link.end()
    end = ce if comma else _clause_end(text, start)
    counted: list[_Q] = []  # counts inside the object: 的101个|项目, 日处理80吨|污泥焚烧厂
    for y in later:
        if y.start >= end:
            break
        if y.end <= end and y.q.kind not in r.money_kinds and _HAN.match(text, y.end):
            counted.append(y)
        elif y.start >= (counted[-1].end if counted else start):
            end = y.start  # 的县以上重点项目|64个: the object ends before a later figure
            break
    if counted:
        start = counted[0].end  # the noun after the count
        if (k := text.rfind("等", start, end)) > counted[-1].end and "、" in text[start:k]:
            start = k + 1  # 实施千万农村人口饮水、千座水库保安…等|水利建设“六千”工程: the list's head
        elif len(counted) > 1:
            # 完成16个老旧小区环境综合整治、29个…: several objects; the first names the use
            cut = text.find("、", start, end)
            end = min(counted[1].start, cut if cut >= 0 else end)
    obj = r.money_object_number.sub("", text[start:end])  # (建成3.5万|农户沼气项目: a number no count)
    if mn := r.money_next.search(obj):
        obj = obj[:mn.start()]
    m = r.money_stop.search(obj)
    # 17条道路的改扩建 -> 道路改扩建: 的 only links the words of the object
    # (a list's connector left at the end: 建成130个疾病控制和|143个…)
    obj = r.money_drop_tail.sub("", r.list_tail.sub("", (obj[:m.start()] if m else obj).replace("的", ""))).strip(" “”\"")
    if len(obj) < r.money_min_chars or obj in r.money_not_objects or not _HAN.search(obj):
        return None
    return _clean_indicator(obj + mw.group("word"))


def _money_after(text: str, x: _Q, indicator: str) -> str:
    """省财政安排|25亿元|专项转移支付资金 -> 省财政安排专项转移支付资金; 投入|1000万元，用于
    瓦斯治理 -> 投入用于瓦斯治理 (claims.yaml money_after)."""
    r = _rules()
    if not r.money_after_verb.search(indicator):
        return indicator
    pos = x.end
    if m := r.money_after_noun.match(text, pos):
        indicator += m.group(0).strip()
        pos = m.end()
    if p := r.money_after_purpose.match(text, pos):
        indicator += "用于" + p.group(1)
    elif pos == x.end and (v := r.money_after_purpose_verb.match(text, pos)):
        indicator += "用于" + v.group(0)  # 投入|1.82亿元|改造农村电网
    return indicator


def _opens_clause(before: str, word: str) -> bool:
    """`word` stands at the start of its clause in `before` (…9.63万件,|办结率), not cut from a
    longer word (到户率, 就业率)."""
    k = before.rfind(word)
    return k >= 0 and (k == 0 or not _HAN.match(before, k - 1))


def _end_of(text: str, words: str, pos: int, default: int) -> int:
    """Where `words` (taken after pos) end in text; default when they are not found."""
    k = text.find(words, pos)
    return k + len(words) if k >= 0 else default


def _pred_end(text: str, noun: str, pred: str, pos: int, nxt: int) -> int:
    """Where a count's predicate ends when it closes the clause or the list item
    (…港澳居民同等享有养老保险、); -1 when it runs into the next number, whose words it
    stays too (32个项目获得…政策资金|29.4亿元)."""
    k = _end_of(text, noun, pos, -1)
    e = _end_of(text, pred, k, -1) if k >= 0 else -1
    if 0 <= e <= nxt and (_clause_end(text, e) == e or _rules().list_tail.fullmatch(text, e, nxt)):
        return e
    return -1


def _taken_end(text: str, noun: str, pred: str, pos: int, nxt: int, default: int) -> int:
    """Where the words a count took end: its predicate when that closes, else its noun."""
    e = _pred_end(text, noun, pred, pos, nxt)
    return e if e >= 0 else _end_of(text, noun, pos, default)


def _noun_follows(text: str, pos: int) -> bool:
    """A measure word followed directly by its noun: 6家|金融机构."""
    nxt = text[pos:pos + 1]
    if nxt == "“":  # 6个“智改数转”项目
        return bool(_HAN.match(text, pos + 1))
    return bool(nxt) and bool(_HAN.match(nxt)) and not _rules().np_cut.match(text, pos)


def _indicator_before(before: str) -> str:
    """The indicator from the words before a number, 'X、Y等NOUN' read as lead verb + NOUN."""
    r = _rules()
    ends = [m.end() for m in r.item_done.finditer(before)]
    if ends:
        before = before[ends[-1]:]  # 固定资产投资与上年持平、|社会消费品零售总额增长
    k = before.rfind("等")
    if k >= 0 and k + 2 < len(before) and before[k + 1:k + 2] not in ("级", "次", "待", "于", "同", "额"):
        whole = _clean_indicator(before)
        if len(whole) <= r.max_len and not _named_examples(before[:k]):
            return whole  # kinds listed before 等 stay: 出台规范投资管理办法等制度
        tail = _clean_indicator(before[k + 1:])
        if len(tail) >= 2:
            # the verb before the examples (whole may have lost it to the length cap)
            m = r.lead_verb.match(r.strip_lead.sub("", before.strip()))
            return (m.group(0) if m else "") + tail
    return _clean_indicator(before)


def _named_examples(items: str) -> bool:
    """The list before 等 names examples (引进未来硬科技智造园、…等过亿元项目), not kinds."""
    r = _rules()
    return "“" in items or any(
        len(p) > r.example_max_chars or r.example_suffix.search(p) for p in items.split("、")
    )


def _only_verb(s: str) -> bool:
    return bool(_rules().only_verb.fullmatch(s))


def _predicate(pred: str) -> str:
    """The predicate after a counted noun without its adverbs; '' when it only says the
    work is under way (加快建设)."""
    r = _rules()
    bare = r.dummy_verb.sub("", r.adverbs.sub("", pred))  # 进行了清理: 清理
    return "" if bare in r.progress_predicates else bare


def _split_pairs(text: str, out: list[Candidate]) -> None:
    """城乡居民人均可支配收入完成2.57万元和1.68万元: two values of one pair name, said one
    after the other, are its halves."""
    for a, b in pairwise(out):
        if a.indicator == b.indicator and a.value is not None and b.value is not None and a.num_start < b.num_start:
            names = _pair_names(a.indicator, 2)
            if names[0] != names[1] and _rules().pair_gap.match(text, a.num_start, b.num_start):
                a.indicator, b.indicator = names


def _verb_object(name: str, lead: regex.Pattern[str]) -> str:
    """新增煤炭产能 -> 煤炭产能: what a figure's verb acts on, with the `lead` words (scope or
    adverbs) and the verb dropped."""
    r = _rules()
    return r.lead_verb_end.sub("", r.lead_verb.sub("", lead.sub("", name)))


def _pair_names(name: str, n: int) -> list[str]:
    """城乡居民人均可支配收入分别增长8.5%和10.9%: one name holding a pair word names both halves
    (城镇…, 农村…); any other name stays the same for every item."""
    for word, halves in _rules().pair_words.items():
        if len(halves) == n and word in name:
            return [name.replace(word, h, 1) for h in halves]
    return [name] * n


def _whole_term(name: str) -> str:
    """The whole term (二氧化硫) name opens with, else ''."""
    return next((t for t in _rules().whole_terms if name.startswith(t)), "")


def _peer_end(first: str, last: str) -> int:
    """Where the last item's own words end (its peer of `first`), 0 when unclear: a whole term
    the peer opens with ends it (二氧化硫、化学需氧量|排放总量, 乡镇、行政村|公路通达率); else
    城镇、农村|居民人均可支配收入; a longer first shares its first or last two characters with
    the peer (城镇居民、农村居民|…, 城镇职工、城镇居民|…) or ends as it does (机电产品、高新技术
    产品|出口)."""
    if term := _whole_term(last):
        return len(term)
    if len(first) <= 2:
        return len(first)
    seg = last[: len(first)]
    if seg[:2] == first[:2] or seg[-2:] == first[-2:]:
        return len(first)
    return k + 2 if (k := last.find(first[-2:], 1)) > 0 else 0


def _share_head(names: list[str], strict: bool = False) -> list[str]:
    """限上餐饮业、限上住宿业营业额 -> 限上餐饮业营业额, 限上住宿业营业额. `strict`: the last
    item passes its words after the first item's length on only when the first is a short
    scope word and those words are long (城镇和农村居民人均可支配收入, not 金融、电子商务)."""
    if len(names) < 2:
        return names
    last = names[-1]
    first = names[0]
    r = _rules()
    if _sector_matches(names) is not None:  # 第二、三产业增加值: sector ordinals name themselves
        return names
    if all(_is_place(n) for n in names[:-1]) and (ps := _place_split(last)) and last.startswith(ps[0]):
        return [n + ps[1] for n in names[:-1]] + [last]  # 州直、塔城地区、阿勒泰地区|国有企业营收
    if (m := r.share_of_tail.search(last)) and m.start() and not any(r.share_of_tail.search(n) for n in names[:-1]):
        # 金融业、物流业增加值占地区生产总值比重: the items before share the head and the share-of
        # (not an item that names a rate: 常住人口城镇化率、服务业增加值占…)
        shared = _share_head([*names[:-1], last[: m.start()]], strict)
        return [n if n.endswith(r.rate_ends) else sh + m[0] for n, sh in zip(names[:-1], shared, strict=False)] + [last]
    if (g := r.grade_last.match(last)) and all(r.grade_item.search(n) for n in names[:-1]):
        ji = g["ji"] or ""  # 4A和3A级旅游景区: 4A级
        return [n + (ji if n[-1] == "A" else "") + g["head"] for n in names[:-1]] + [last]  # 国家级和省级示范区
    rate_ends = r.rate_ends

    def complete(n: str, h: str = "") -> bool:
        # an item that already names a whole indicator (一般公共预算收入) takes no head, but
        # a name that is no rate does take a rate head (基本养老保险和基本医疗保险参保率)
        if h.endswith(rate_ends) and not n.endswith(rate_ends):
            return False
        return _whole_name(n) or (bool(r.measure_end.search(n)) and n not in r.whole_terms)

    for h in r.heads:
        if last.endswith(h) and len(last) > len(h):
            # 基本养老、医疗、工伤、失业、生育保险覆盖率: middle items of one short length k say
            # where the last item's own word ends; all after it is shared (保险覆盖率)
            # (with no middle items, a first item of two characters: 城镇和农村居民人均可支配收入)
            k = {len(n) for n in names[1:-1]} or ({len(first)} if len(first) <= 2 else set())
            # (the shared words before the head are no shorter than an item: 一、二、三|产增加值,
            # not 牛奶、羊肉、山羊|绒产量)
            if len(k) == 1 and (w := k.pop()) <= 3 and len(last) - w - len(h) >= w:
                h = last[max(w, len(_whole_term(last))):]  # (…、二氧化硫|排放量, 城市和行政村|光纤…覆盖率)
            return [n if complete(n, h) else n + h for n in names[:-1]] + [last]
    # shared prefix the others lack: 城镇、农村居民人均可支配收入 keeps the tail of the last
    if not r.examples_last.search(last) and not (strict and (len(first) > 2 or len(last) - len(first) < 4)) and (
        not complete(first) and not first.endswith(rate_ends)  # 开工率、…资金到位率: a rate is whole
        and len(last) > len(first) + 1
        and (len(first) <= 2 or last[: len(first) - 1] != first[: len(first) - 1])  # (肉牛、肉羊饲养量)
        and (cut := _peer_end(first, last))
    ):
        tail = last[cut:]
        if len(tail) >= 2 and all(len(n) <= len(first) + 1 for n in names[:-1]):
            return [n + tail for n in names[:-1]] + [last]
    # 人大建议、政协提案|办复率: items of a few words with no measure of their own share the rate
    # (not 研发经费投入强度、科技进步贡献率, 出生人口性别比、…: a measure or a lexicon name)
    if (m := r.rate_tail.search(last)) and m.start() >= 2 and all(
        len(n) >= 3 and not n.endswith(rate_ends) and not complete(n) and not r.rate_verb_end.search(n)
        and indicator_id(n) is None
        for n in names[:-1]
    ):
        return [n + m[0] for n in names[:-1]] + [last]
    return names


def _set_value(c: Candidate, v: Candidate) -> None:
    """Give growth claim c the value of candidate v (the level it reached)."""
    c.value, c.value_max, c.unit, c.value_text = v.value, v.value_max, v.unit, v.value_text
    c.value_base, c.unit_base = v.value_base, v.unit_base
    c.num_start = v.num_start
    c.qualifier = c.qualifier or v.qualifier


def _take_level(text: str, c: Candidate, y: _Q) -> None:
    """A growth claim takes the level said after it (翻了一番，达到…): c's value is y's."""
    c.extra["growth_at"] = c.num_start  # where its growth stands
    _set_value(c, _candidate(text, y, c.indicator, y.lead, rule="value"))
    c.end = y.end


def _set_growth(c: Candidate, x: _Q) -> None:
    q = x.q
    c.extra["growth_end"] = x.end  # where its growth is said (a starting level is dated by it)
    c.growth_rate = x.sign * q.value
    if q.value_max is not None:
        c.growth_rate_max = x.sign * q.value_max
    unit = q.unit or ""
    if unit in ("个百分点", "百分点"):
        c.growth_unit = "百分点"
    elif unit == "倍":
        c.growth_unit = "倍"
    elif unit == "成":
        c.growth_unit = "%"
        c.growth_rate = x.sign * q.value * 10
    else:
        c.growth_unit = "%"
    c.base_year = c.base_year or x.base_year
    if x.qualifier and not c.qualifier:
        c.qualifier = x.qualifier
    c.extra["growth_text"] = q.text


def _candidate(text: str, x: _Q, indicator: str, ind_start: int, rule: str) -> Candidate:
    q = x.q
    c = Candidate(start=min(ind_start, x.lead), end=x.end, indicator=indicator, rule=rule, num_start=q.start)
    if x.role == "growth":
        _set_growth(c, x)
        c.qualifier = x.qualifier
    else:
        c.value = q.value
        c.value_max = q.value_max
        c.unit = q.unit if q.unit is not None else ""
        c.value_text = q.text
        if q.factor is not None and q.unit_base:
            c.value_base = q.value * q.factor
            c.unit_base = q.unit_base
        elif q.unit == "" and q.number.kind == "fraction":
            c.value_base = q.value
        c.qualifier = x.qualifier
    return c
