"""claim_context: the year, period and claim type a sentence gives the number at num_pos."""

from __future__ import annotations

import pytest

from govextract.context import ClaimContext, carried_type, claim_context, section_default


def ctx(sentence: str, number: str, kind: str, report_year: int = 2025, **kw: object) -> tuple:
    """Context of the first occurrence of `number` in `sentence`, as (year, period, claim_type)."""
    pos = sentence.index(number)
    c = claim_context(sentence, pos, kind, report_year, **kw)  # type: ignore[arg-type]
    assert isinstance(c, ClaimContext)
    return c.year, c.period, c.claim_type


CASES = [
    # what a project will do once built is a target, also in the review (blind audit, Hainan 2005)
    ("东方气田二期开发已经启动，建成后每年可向海南岛增加供气8亿立方米", "8", "review", 2005, (2004, None, "target")),
    ("电厂建成投产，新增装机60万千瓦", "60", "review", 2005, (2004, None, "actual")),
    # 年均 holds in its own clause only (blind audit, Guizhou 2016)
    ("规模以上工业增加值年均增长14.3%，形成6个千亿级产业", "6", "five_year_review", 2016, (2015, None, "actual")),
    ("地区生产总值年均增长10%，城镇登记失业率控制在4.2%以内", "4.2", "plan", 2016, (2016, None, "target")),
    ("地区生产总值年均增长10%", "10", "plan", 2016, (2016, "年均", "target")),
    # in a preamble (last year's results before any heading) only strong cues make a target
    # (blind audit, Shaanxi 2002)
    ("人口自然增长率控制在6‰以内", "6", "preamble", 2002, (2001, None, "actual")),
    ("列入国家破产计划的14户国有大中型企业完成破产程序", "14", "preamble", 2002, (2001, None, "actual")),
    ("今年我省国内生产总值预期增长9％", "9", "preamble", 2002, (2002, None, "target")),
    ("力争80%以上的县通沥青路", "80", "preamble", 2006, (2006, None, "target")),
    ("人口自然增长率控制在6‰以内", "6", "plan", 2002, (2002, None, "target")),
    # section defaults
    ("全区生产总值实现518.9亿元", "518.9", "review", 2025, (2024, None, "actual")),
    ("全区生产总值增长6%", "6", "plan", 2025, (2025, None, "target")),
    ("全区生产总值达到600亿元", "600", "five_year_review", 2022, (2021, None, "actual")),
    ("地区生产总值增长6%", "6", "five_year_plan", 2022, (2026, None, "target")),
    # cue words
    ("预计全年一般公共预算收入完成30亿元", "30", "review", 2025, (2024, None, "estimate")),
    ("预计全年一般公共预算收入完成30亿元", "30", "preamble", 2025, (2024, None, "estimate")),
    ("力争地区生产总值增长6%", "6", "plan", 2025, (2025, None, "target")),
    # periods
    ("前三季度,全区生产总值实现518.9亿元", "518.9", "review", 2025, (2024, "前三季度", "actual")),
    ("上半年,固定资产投资增长8%", "8", "review", 2025, (2024, "上半年", "actual")),
    ("1-11月份限上餐饮业营业额增长34%", "34", "review", 2025, (2024, "1-11月", "actual")),
    ("1—11月份限上餐饮业营业额增长34%", "34", "review", 2025, (2024, "1-11月", "actual")),
    ("地区生产总值年均增长7.5%", "7.5", "five_year_review", 2022, (2021, "年均", "actual")),
    ("五年累计完成投资800亿元", "800", "five_year_review", 2022, (2021, "五年累计", "actual")),
    ("2021年至2023年,累计完成投资500亿元", "500", "review", 2025, (2023, "2021-2023", "actual")),
    ("“十四五”期间,累计完成投资800亿元", "800", "five_year_review", 2026, (2025, "十四五", "actual")),
    ("截至目前,累计引进项目145个", "145", "review", 2025, (2024, "截至目前", "actual")),
    ("十八大以来,累计完成投资800亿元", "800", "review", 2018, (2017, "十八大以来", "actual")),
    # explicit years
    ("1994年建区之初,全区生产总值仅为3亿元", "3亿", "review", 2025, (1994, None, "actual")),
    ("到2027年,地区生产总值达到800亿元", "800", "five_year_plan", 2022, (2027, None, "target")),
    # a comparison base is not the year of the figure
    ("PM2.5平均浓度比2017年下降71%", "71", "review", 2025, (2024, None, "actual")),
    # ...nor is a year whose level a figure is compared with, in a clause before (blind audit, Anhui 2008)
    ("居民消费价格涨幅略低于2007年实际水平，城镇新增就业45万人", "45", "plan", 2008, (2008, None, "target")),
    ("增幅高于2010年水平，城镇新增就业45万人", "45", "plan", 2011, (2011, None, "target")),
]


@pytest.mark.parametrize(("sentence", "number", "kind", "report_year", "want"), CASES, ids=[c[0] for c in CASES])
def test_context(sentence: str, number: str, kind: str, report_year: int, want: tuple) -> None:
    assert ctx(sentence, number, kind, report_year) == want


def test_review_words_do_not_turn_a_review_into_a_target() -> None:
    # 力争 in the review is what was striven for and achieved last year
    assert ctx("力争地区生产总值增长6%", "6", "review") == (2024, None, "actual")


def test_news_article_takes_its_own_year() -> None:
    got = ctx("全区生产总值达到600亿元", "600", "review", 2025, is_report=False, article_year=2023)
    assert got == (2023, None, "actual")


def test_flow_in_five_year_review_is_a_five_year_total() -> None:
    assert ctx("累计完成投资800亿元", "800", "five_year_review", 2022, flow=True) == (2021, "五年累计", "actual")
    # a level (达到) is not summed over the five years
    assert ctx("全区生产总值达到600亿元", "600", "five_year_review", 2022, flow=True) == (2021, None, "actual")
    # a figure of each year, a year's amount and a network's total length are no sum either
    # (blind audit, Henan 2008)
    assert ctx("农村劳动力转移达到1974万人，年劳务收入1316亿元", "1316", "five_year_review", 2008, flow=True) == (2007, None, "actual")
    assert ctx("全部免除中等职业学校学生学费，每年惠及50万学生", "50", "five_year_review", 2008, flow=True) == (2007, None, "actual")
    assert ctx("路网结构更加完善，全省通车总里程4556公里", "4556", "five_year_review", 2008, flow=True) == (2007, None, "actual")
    assert ctx("新建农村公路10.1万公里", "10.1", "five_year_review", 2008, flow=True) == (2007, "五年累计", "actual")


def test_flow_in_five_year_plan_is_the_terms_total() -> None:
    """建设20处海外仓 in 今后五年的…重点任务 is the five years' total (blind audit, Shinan
    2022); named after the plan term ending in the part's last year (十三五 in 2016)."""
    assert ctx("建设20处海外仓", "20", "five_year_plan", 2022, flow=True) == (2026, "今后五年", "target")
    assert ctx("新增高速公路2000公里", "2000", "five_year_plan", 2016, flow=True) == (2020, "十三五", "target")
    # a level, and a figure of each year, are no total
    assert ctx("绿地面积达到600公顷", "600", "five_year_plan", 2022, flow=True) == (2026, None, "target")
    assert ctx("每年引进亿元以上项目20个", "20", "five_year_plan", 2022, flow=True) == (2026, None, "target")


def test_section_default() -> None:
    assert section_default("review", 2025) == (2024, "actual", None)
    assert section_default("plan", 2025) == (2025, "target", None)
    assert section_default("five_year_plan", 2022) == (2026, "target", None)
    assert section_default("plan", 2025, is_report=False, article_year=2023) == (2023, "actual", None)


def test_founding_year_as_comparison_base() -> None:
    assert ctx("全区生产总值达到1994年建区之初的60倍", "60", "review") == (2024, None, "actual")


def test_period_word_after_a_comparison_word_is_a_base() -> None:
    assert ctx("PM2.5平均浓度与上半年相比下降21.7%", "21.7", "review") == (2024, None, "actual")


def test_a_plan_term_a_multiple_is_said_of_is_its_base_not_its_period() -> None:
    """…累计1748.7亿美元，分别是“十一五”时期的1.9倍 in a 2016 report: the figure is the past
    term's, 2015, not 2010 (corpus: 26 claims of Heilongjiang, Henan, Xinjiang… 2016)."""
    s = "全省外贸进出口累计1748.7亿美元，分别是“十一五”时期的1.9倍、2倍"
    assert ctx(s, "1.9", "five_year_review", 2016) == (2015, None, "actual")
    # guards: a term or period after 是 that is no multiple's base still dates the claim
    assert ctx("二是前三季度全省规模以上工业增加值增长12%", "12", "review", 2012) == (2011, "前三季度", "actual")
    assert ctx("特别是“十五”期间，全省累计完成投资3万亿元", "3", "five_year_review", 2011) == (2005, "十五", "actual")
    s = "“十二五”时期的主要奋斗目标是：生产总值年均增长10%以上"
    assert ctx(s, "10", "five_year_plan", 2011) == (2015, "年均", "target")


def test_mu_qian_inside_xiang_mu_qian_qi_is_no_period() -> None:
    # 项目前期 holds 目前 but says nothing about "so far"
    assert ctx("加快项目前期工作,推进5个国铁", "5", "plan") == (2025, None, "target")
    assert ctx("目前,全区共有企业500家", "500", "review") == (2024, "截至目前", "actual")


def test_date_without_year_dates_the_claim_by_the_meeting_month() -> None:
    s = "截止6月1日,全市累计报告确诊病例512例"
    # a June meeting: 6月1日 is this year
    assert ctx(s, "512", "review", 2020, meeting_month=6) == (2020, "截止6月1日", "actual")
    # a January meeting (or none, read as February): 11月底 or 6月 is last year
    assert ctx(s, "512", "review", 2020, meeting_month=1) == (2019, "截止6月1日", "actual")
    assert ctx("截至1月10日,累计发放补贴300万元", "300", "review", 2020) == (2020, "截至1月10日", "actual")
    # in the plan a date is a deadline: the plan's year stands
    assert ctx(s, "512", "plan", 2020, meeting_month=1) == (2020, "截止6月1日", "target")


def test_running_year_cue_puts_the_claim_in_the_report_year() -> None:
    s = "年初以来,作为实际管理服务人口超过2200万的超大城市"
    assert ctx(s, "2200", "preamble", 2020) == (2020, None, "actual")
    assert ctx("今年以来,新增市场主体3万户", "3", "review", 2020) == (2020, None, "actual")


def test_five_year_sum_named_in_the_sentence_skips_levels() -> None:
    s = "五年共完成新建、改扩建工程80余项,中小学生人均校舍面积达到12.93平方米,比2010年增加4.65平方米"
    assert ctx(s, "80", "five_year_review", 2016, flow=True) == (2015, "五年累计", "actual")
    assert ctx(s, "12.93", "five_year_review", 2016, flow=True) == (2015, None, "actual")
    # a change stated against a base is read with the level before it
    assert ctx(s, "4.65", "five_year_review", 2016, flow=True) == (2015, None, "actual")
    # 五年共有: the 有 belongs to the period words, not a level (现有, 共有)
    assert ctx("五年共有29所学校晋级标准化学校", "29", "five_year_review", 2016, flow=True) == (2015, "五年累计", "actual")
    # 规模以上 names an industry, it is no level
    assert ctx("五年来,完成规模以上工业总产值745亿元", "745", "five_year_review", 2016, flow=True) == (2015, "五年累计", "actual")


def test_five_year_sum_words_reach_into_their_own_clause_only() -> None:
    # 五年共达 / 累计达: the level word is part of the sum
    assert ctx("全社会固定资产投资五年共达7.85万亿元", "7.85", "five_year_review", 2008, flow=True) == (2007, "五年累计", "actual")
    assert ctx("五年来,补助资金累计达671.7亿元", "671.7", "five_year_review", 2008, flow=True) == (2007, "五年累计", "actual")
    # 五年来 spans the term; a level in it is no sum
    assert ctx("五年来,粮食总产稳定在600亿斤左右", "600", "five_year_review", 2008, flow=True) == (2007, None, "actual")
    # without five years named, a running total (累计达到) is a level
    assert ctx("国内外航线累计达到60条", "60", "five_year_review", 2016, flow=True) == (2015, None, "actual")


@pytest.mark.parametrize(
    ("sentence", "carried"),
    [
        ("预计完成地区生产总值2500亿元，增长14%以上", "estimate"),
        # 预计 opening a later clause holds past the ; too (blind audit, Hebei 2009)
        ("城乡居民收入不断提高，预计城镇居民人均可支配收入13440元，增长15%", "estimate"),
        ("全省生产总值预计达到5600亿元，比上年增长14%", "estimate"),
        # 预计 deep inside a clause opens nothing
        ("城镇新增就业5.6万人，比原来的预计多出1万人", None),
        ("城镇新增就业5.6万人", None),
    ],
)
def test_cue_carried_past_the_semicolon(sentence: str, carried: str | None) -> None:
    assert carried_type(sentence) == carried


def test_a_growth_before_its_level_keeps_its_clauses_period() -> None:
    """地方财政收入年均增长14%，达到2000亿元 is one claim: its 年均 is the growth's."""
    sentence = "地方财政收入年均增长14%，达到2000亿元以上"
    assert ctx(sentence, "2000", "plan", 2011) == (2011, None, "target")
    assert ctx(sentence, "2000", "plan", 2011, growth_pos=sentence.index("14")) == (2011, "年均", "target")


def test_a_level_reached_by_a_decrease_is_no_five_year_sum() -> None:
    """省级行政许可事项减少到321项 in a five-year review is where it ended, not a sum (blind
    audit, Guizhou 2016); 五年新建学校321所 is a sum."""
    assert ctx("省级行政许可事项减少到321项", "321", "five_year_review", 2016, flow=True) == (2015, None, "actual")
    assert ctx("五年新建学校321所", "321", "five_year_review", 2016, flow=True) == (2015, "五年累计", "actual")


@pytest.mark.parametrize(
    ("sentence", "number", "kind", "report_year", "expected"),
    [
        # a past term named in the figure's clause gives its last year, actual (blind audit,
        # Xinjiang 2006)
        ("“十五”期间，全区生产总值年均增长9.8%", "9.8", "five_year_plan", 2006, (2005, "年均", "actual")),
        ("“十一五”期间，全区生产总值年均增长9%", "9", "five_year_plan", 2006, (2010, "年均", "target")),
        # ...but not as a base: 是“十五”时期的4.1倍, 高出“九五”时期…
        ("五年完成投资1515亿元，是“十五”时期的4.1倍", "1515", "five_year_review", 2011, (2010, None, "actual")),
        ("生产总值年均增长11.5%，高出“九五”时期年均增长速度0.7个百分点", "0.7", "five_year_review", 2006, (2005, "年均", "actual")),
    ],
)
def test_plan_terms(sentence: str, number: str, kind: str, report_year: int, expected: tuple) -> None:
    assert ctx(sentence, number, kind, report_year) == expected


def test_one_years_figures_in_a_five_year_review() -> None:
    """全年 says one year's figure, no five-year sum; 今后五年 is the coming term's last year
    (blind audit, Gansu 1998)."""
    assert ctx("全年城镇新增就业136.5万人", "136.5", "five_year_review", 1998, flow=True) == (1997, None, "actual")
    assert ctx("今后五年，新建成高速公路1500公里", "1500", "plan", 2003) == (2007, "今后五年", "target")
