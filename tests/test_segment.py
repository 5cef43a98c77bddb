"""segment: heading kinds, sections with paragraph switches, sentence splitting."""

from __future__ import annotations

from itertools import pairwise

import pytest

from govextract.segment import Section, classify_heading, sections, sentences

HEADINGS = [
    ("一、2024年工作回顾", "review"),
    ("二、2025年工作安排", "plan"),
    ("三、2022年主要工作安排", "plan"),
    ("二、今后五年的总体要求和重点任务", "five_year_plan"),
    ("一、第十八届人民政府工作回顾", "five_year_review"),
    ("一、过去五年工作回顾", "five_year_review"),
    ("名词解释", "glossary"),
    ("附件", "glossary"),
    ("二、2022年发展思路和工作重点", "plan"),
    ("各位代表：", None),
    ("一、“十二五”时期和2015年工作回顾", "review"),
    # a review heading naming the past term's 主要… is no 十四五 goal (blind audit, Fuping 2021)
    ("一、“十三五”时期和2020年主要工作回顾", "review"),
    ("一、“十一五”规划完成情况及2010年工作回顾", "review"),
    ("二、“十四五”时期主要目标任务", "five_year_plan"),
    ("三、关于《吉林省国民经济和社会发展第十二个五年规划纲要（草案）》的说明", "five_year_plan"),
    ("二、关于2017年工作", "plan"),
    ("名 词 解 释", "glossary"),
    ("二、2014年的形势和主要工作", "plan"),
    ("一、2013年主要工作回顾", "review"),
    # goals reached, not set (corpus: Heilongjiang 2005/2009, Shaanxi 2014, Anhui 2017, Fujian 2006)
    ("一、以振兴老工业基地为契机,全面完成了2004年的工作任务", "review"),
    ("一、十二届人大一次会议确定的目标任务完成情况", "review"),
    ("一、“十三五”实现良好开局", "review"),
    ("一、实施“十二五”规划实现良好开局", "review"),
    ("一、海峡西岸经济区建设全面展开 “十五”目标任务胜利完成", "review"),
    ("三、全面加大今年各项工作力度,实现“十一五”发展良好开局", "plan"),
    ("三、奋力实现“十三五”发展良好开局", None),  # a goal: its words decide
    ("一、抢抓机遇,开拓奋进的五年", "five_year_review"),
    ("一、向建设经济强省和现代化河北宏伟目标阔步前进的五年", "five_year_review"),
    ("四、政府自身建设切实加强", None),  # a result: no plan (Xinjiang 2009's review)
    ("四、加强政府自身建设", "plan"),
]


@pytest.mark.parametrize(("heading", "kind"), HEADINGS, ids=[h for h, _ in HEADINGS])
def test_classify_heading(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


def kinds(text: str, report_year: int | None = None, initial: str = "preamble") -> list[tuple[str, str, str]]:
    return [(s.kind, s.heading, text[s.start:s.end]) for s in sections(text, initial=initial, report_year=report_year)]


def test_sections_of_a_report() -> None:
    text = (
        "政府工作报告\n"
        "一、2024年工作回顾\n全区生产总值增长5%。\n"
        "二、2025年工作安排\n地区生产总值增长6%。\n"
        "三、加强政府自身建设\n“三公”经费压减5%。\n"
        "名词解释\n1.“5+N”：指……\n"
    )
    assert kinds(text) == [
        ("preamble", "", "政府工作报告\n"),
        ("review", "一、2024年工作回顾", "一、2024年工作回顾\n全区生产总值增长5%。\n"),
        ("plan", "二、2025年工作安排", "二、2025年工作安排\n地区生产总值增长6%。\n"),
        ("plan", "三、加强政府自身建设", "三、加强政府自身建设\n“三公”经费压减5%。\n"),
        ("glossary", "名词解释", "名词解释\n1.“5+N”：指……\n"),
    ]


def test_a_review_part_on_government_building_stays_the_review() -> None:
    """六、加强政府自身建设 whose ordinal follows the review's 五、 is the review's next part
    (blind audit round 20, Gansu 2005); after a plan, or not next in order, it is the plan."""
    text = (
        "政府工作报告\n"
        "一、2004年工作回顾\n全省生产总值增长10%。\n"
        "五、关心群众生活\n新增就业10万人。\n"
        "六、加强政府自身建设，努力营造良好发展环境\n查处违法违纪案件1163件。\n"
        "**2005年政府工作的总体要求和主要任务**\n"
        "八、加强政府自身建设\n“三公”经费压减5%。\n"
    )
    assert [k for k, _, _ in kinds(text)] == ["preamble", "review", "review", "review", "plan", "plan"]
    # (review) not next in order, or with another plan word in the heading, it is the plan
    skipped = "政府工作报告\n一、2004年工作回顾\n增长10%。\n五、关心群众生活\n新增就业。\n七、加强政府自身建设\n查处案件。\n"
    assert [k for k, _, _ in kinds(skipped)] == ["preamble", "review", "review", "plan"]
    planned = "政府工作报告\n一、2004年工作回顾\n增长10%。\n二、加强政府自身建设，全面完成今年目标任务\n压减5%。\n"
    assert [k for k, _, _ in kinds(planned)] == ["preamble", "review", "plan"]


def test_sections_cover_the_text_without_gaps() -> None:
    text = "标题\n一、2024年工作回顾\n甲。\n二、2025年工作安排\n乙。\n"
    secs = sections(text)
    assert secs[0].start == 0 and secs[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(secs))


def test_initial_kind_for_a_fragment() -> None:
    text = "全区生产总值增长5%。\n二、2025年工作安排\n增长6%。\n"
    assert [s.kind for s in sections(text, initial="review")] == ["review", "plan"]


def test_paragraph_switches_in_a_combined_review() -> None:
    head = "一、“十二五”时期和2015年工作回顾"
    text = (
        f"{head}\n"
        "五年来，全区生产总值年均增长10%。\n"
        "各位代表，刚刚过去的2015年，全区生产总值增长8%。\n"
        "二、“十三五”时期的总体要求\n到2020年，地区生产总值达到1000亿元。\n"
    )
    assert kinds(text) == [
        ("review", head, f"{head}\n"),
        ("five_year_review", head, "五年来，全区生产总值年均增长10%。\n"),
        ("review", head, "各位代表，刚刚过去的2015年，全区生产总值增长8%。\n"),
        ("five_year_plan", "二、“十三五”时期的总体要求", "二、“十三五”时期的总体要求\n到2020年，地区生产总值达到1000亿元。\n"),
    ]


def test_paragraph_switches_to_the_running_year() -> None:
    """A mid-year report reviews last year and the running year (一、2019年和今年以来工作回顾)."""
    head = "一、2019年和今年以来工作回顾"
    text = (
        f"{head}\n"
        "过去一年，全市生产总值增长6.8%。\n"
        "新冠肺炎疫情发生后，日产口罩提升到3000多万个。\n"
        "我们崇尚科学，累计治愈出院506例。\n"
        "去年以来，我市经济社会发展取得的成绩来之不易。\n"
        "二、2020年主要目标\n"
    )
    assert [(k, t) for k, _, t in kinds(text)] == [
        ("review", f"{head}\n过去一年，全市生产总值增长6.8%。\n"),
        ("current_review", "新冠肺炎疫情发生后，日产口罩提升到3000多万个。\n我们崇尚科学，累计治愈出院506例。\n"),
        ("review", "去年以来，我市经济社会发展取得的成绩来之不易。\n"),
        ("plan", "二、2020年主要目标\n"),
    ]


def test_numbered_annex_is_no_claim_section() -> None:
    """附件1 at the end (a list of projects) is a top-level heading of the glossary kind."""
    text = "二、2022年发展思路和工作重点\n完成36个老旧小区改造。\n附件1\n1、市民文化中心项目地上三层。\n"
    assert [k for k, _, _ in kinds(text)] == ["plan", "glossary"]


def test_sentences_split_at_end_marks_and_newlines() -> None:
    text = "甲增长5%。乙增长6%；丙增长7%！丁？戊\n己;庚!辛?壬"
    sec = Section(0, len(text), "review", "")
    got = [(s.text, s.start, s.end) for s in sentences(text, sec)]
    assert got == [
        ("甲增长5%", 0, 5), ("乙增长6%", 6, 11), ("丙增长7%", 12, 17), ("丁", 18, 19),
        ("戊", 20, 21), ("己", 22, 23), ("庚", 24, 25), ("辛", 26, 27), ("壬", 28, 29),
    ]
    assert all(s.section is sec for s in sentences(text, sec))


def test_sentences_do_not_split_at_commas_and_trim_space() -> None:
    text = "  前三季度,全区生产总值实现518.9亿元、增长5.3%，位居前列。  "
    sec = Section(0, len(text), "review", "")
    assert [s.text for s in sentences(text, sec)] == ["前三季度,全区生产总值实现518.9亿元、增长5.3%，位居前列"]


def test_sentences_skip_spans() -> None:
    text = "甲。乙。丙。"
    sec = Section(0, len(text), "review", "")
    assert [s.text for s in sentences(text, sec, skip=[(2, 4)])] == ["甲", "丙"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("二、2012年的主要工作", "plan"),  # names the report's year: its plan
        ("一、2011年的主要工作", "review"),  # the year before: its review
        ("三、开拓创新，认真做好2012年的工作", "plan"),
        ("一、2011年工作回顾", "review"),  # kind words win over the year
        ("二、2010年的主要工作", None),  # an older year says nothing
        ("一、全面完成2011年各项预期目标", "review"),  # the year before the plan's words
        ("二、2012年经济社会发展目标", "plan"),
        ("二、今后五年总体思路和2012年的工作", "five_year_plan"),  # the term first; 今年… switches
        # last year named first, then the term: last year's review opens it (blind audit,
        # Xinjiang 2013); the term first stays the term's
        ("一、2011年及过去五年工作回顾", "review"),
        ("**一、2011年和“十一五”时期经济社会发展回顾**", "review"),
        ("一、2011年工作和“十一五”发展回顾", "review"),
        ("一、2011年及本届政府工作回顾", "review"),
        ("一、过去五年及2011年工作回顾", "five_year_review"),
        ("**2011年经济社会发展情况及本届政府工作回顾**", "review"),  # corpus: Sichuan 2008
    ],
)
def test_heading_naming_a_year(heading: str, kind: str | None) -> None:
    assert classify_heading(heading, report_year=2012) == kind


@pytest.mark.parametrize(
    ("heading", "report_year", "kind"),
    [
        # a plan term named with no kind words: the coming one is the plan, the past one its
        # review (blind audit, Qinghai 2016)
        ("二、科学规划“十三五”,确保如期全面建成小康社会", 2016, "five_year_plan"),
        ("一、“十二五”圆满收官,青海发展站上了新的历史起点", 2016, "five_year_review"),
        ("三、着力抓好今年工作,实现“十三五”良好开局", 2016, "plan"),  # plan words first
        ("二、“十五”期间经济和社会发展目标", 2001, "five_year_plan"),
        ("一、关于“十五”时期全省经济社会发展的主要情况", 2006, "five_year_review"),
        ("一、“九五”时期政府工作回顾", 2001, "five_year_review"),
    ],
)
def test_heading_naming_a_plan_term(heading: str, report_year: int, kind: str) -> None:
    assert classify_heading(heading, report_year=report_year) == kind


def test_a_heading_that_says_nothing_takes_its_words_kind() -> None:
    """二、乘势而上,… tells no kind: a body of 要/力争/加快 is a plan, after a review too."""
    review = "一、2011年工作回顾\n全省生产总值增长12%，比上年提高了2个百分点，取得了明显成效。\n"
    plan_body = "要加快推进工业化，力争生产总值增长10%，确保完成任务，着力扩大内需，积极推进改革，进一步加强管理，坚持稳中求进。\n"
    text = review + "二、乘势而上,奋力开创新局面\n" + plan_body + "三、建设人民满意的政府\n要坚持依法行政。\n"
    assert [k for k, _, _ in kinds(text, 2012)] == ["review", "plan", "plan"]


def test_a_heading_that_says_nothing_keeps_the_kind_before_when_its_words_are_mixed() -> None:
    """Review parts under their own numbers (一、灾后恢复重建全力推进) read as neither: the
    kind before holds."""
    body = "扎实推进恢复重建，完成投资1000亿元，要加快推进的项目基本完成，取得明显成效，着力改善民生。\n"
    text = "一、2009年工作回顾\n全省生产总值增长14%。\n" + "一、灾后恢复重建全力推进\n" + body
    assert [k for k, _, _ in kinds(text, 2010)] == ["review", "review"]


def test_this_years_targets_start_the_plan_inside_a_review() -> None:
    """A heading read as a review (or none at all) gives way to the plan where a paragraph
    announces this year's targets; the plan then holds to the next heading."""
    head = "二、应对挑战、化危为机"
    text = (
        f"{head}\n"
        "过去一年，全省生产总值增长11%。\n"
        "综合考虑，今年全省经济社会发展的主要预期目标是：生产总值增长9%。\n"
        "去年以来，我们积累了经验。\n"
    )
    assert [(k, t) for k, _, t in kinds(text, 2009, initial="review")] == [
        ("review", f"{head}\n过去一年，全省生产总值增长11%。\n"),
        ("plan", "综合考虑，今年全省经济社会发展的主要预期目标是：生产总值增长9%。\n去年以来，我们积累了经验。\n"),
    ]


def test_this_years_targets_in_the_preamble() -> None:
    text = "各位代表：\n去年全省生产总值增长8%。\n今年我省经济发展主要预期目标是：国内生产总值增长9％左右。\n"
    assert [k for k, _, _ in kinds(text, 2001)] == ["preamble", "plan"]


@pytest.mark.parametrize(
    ("kind", "paragraph", "switches"),
    [
        # the targets after 总的要求是:, with no year of their own
        ("review", "今年经济社会发展总的要求是：稳中求进。主要目标是：地区生产总值增长11%，财政总收入增长13%。", True),
        ("preamble", "宏观经济和社会发展的预期目标为，国内生产总值增长10%。", True),
        ("review", "今年全省经济增长的预期目标是9％，地方财政收入增长10％。", True),
        ("five_year_plan", "各位代表：今年是实施“十二五”规划的第一年。今年全省经济社会发展的主要预期指标是：地区生产总值增长11%。", True),
        # ...but without the year, a five-year part's 主要目标是: are the term's
        ("five_year_plan", "综合考虑，主要预期目标是：地区生产总值增长7.5%。", False),
        # a term's goals are no plan of this year (年均…, 今后五年…)
        ("review", "全省经济社会发展的主要目标是：地区生产总值年均增长11%，地方财政一般预算收入年均增长15%。", False),
        ("review", "今后五年经济社会发展的主要预期目标是：全省生产总值年均增长9%以上。", False),
        # this year opened as the year of the plan (做好今年工作)
        ("five_year_plan", "2009年是新中国成立六十周年，也是我省推进“两个加快”的关键一年。做好今年政府工作，意义十分重大。", True),
        ("preamble", "今年是实施“十一五”规划的开局之年，我代表省人民政府向大会报告“十五”计划完成情况。", False),
        ("review", "各位代表，今年是本届政府履行职责的最后一年。几年来，我们认真落实党的十六大精神。", False),
        # this year opened as a year of some kind, its goals after (no 做好今年工作)
        ("five_year_plan", "今年，是全面贯彻落实党的十八大精神的开局之年。要力争地区生产总值增长10%以上。", True),
        ("five_year_plan", "2009年是新一届政府的起步之年，也是关键一年。全省经济增长预期目标为9%以上。", True),
        ("five_year_plan", "今年是实施规划的关键一年。五年来，我们办成了几件大事。", False),
        ("review", "今年是本届政府履行职责的最后一年。要继续推进各项工作。", False),
        # the year's 主要安排 are its goals too; a year may be written with a space (1998 年)
        ("review", "今年全省国民经济和社会发展的主要安排是：国内生产总值增长 8% 以上。", True),
        ("five_year_plan", "2009 年全省经济社会发展的主要预期目标是：地区生产总值增长8%。", True),
    ],
)
def test_paragraphs_that_start_this_years_plan(kind: str, paragraph: str, switches: bool) -> None:
    text = "前文。\n" + paragraph + "\n"
    got = [k for k, _, _ in kinds(text, 2009, initial=kind)]
    assert got == ([kind, "plan"] if switches else [kind])


@pytest.mark.parametrize(
    ("paragraph", "switches"),
    [
        ("今后五年的发展目标是：", True),
        ("实现上述目标，今后五年的主要任务是：", True),
        ("未来5年工作的总体要求是：高举伟大旗帜。", True),
        # looking back, or the term named in passing, starts no plan
        ("五年来，全省生产总值年均增长12%。", False),
        ("这为今后五年的发展打下了坚实基础。", False),
    ],
)
def test_paragraphs_that_announce_the_coming_terms_goals(paragraph: str, switches: bool) -> None:
    """In a part whose heading tells no kind (二、励精图治,奋力开创…新局面 after the
    five-year review), 今后五年的发展目标是: opens the five-year plan (blind audit, Anhui 2008)."""
    text = "五年来，全省生产总值年均增长12%。\n" + paragraph + "\n"
    got = [k for k, _, _ in kinds(text, 2008, initial="five_year_review")]
    assert got == (["five_year_review", "five_year_plan"] if switches else ["five_year_review"])


def test_the_report_year_in_a_switch_is_the_reports() -> None:
    """2009年是… opens the plan of a 2009 report, not of a 2010 one."""
    text = "前文。\n2009年是关键一年。做好今年政府工作，意义十分重大。\n"
    assert [s.kind for s in sections(text, initial="five_year_plan", report_year=2009)] == ["five_year_plan", "plan"]
    assert [s.kind for s in sections(text, initial="five_year_plan", report_year=2010)] == ["five_year_plan"]
    assert [s.kind for s in sections(text, initial="five_year_plan")] == ["five_year_plan"]


@pytest.mark.parametrize(
    ("year", "head", "paragraphs", "want"),
    [
        # 三、2016年政府工作总体安排 opens with 刚刚过去的2015年,…: that paragraph only
        (2016, "三、2016年政府工作总体安排",
         ["刚刚过去的2015年，全省生产总值比上年增长8%。\n",
          "2016年主要预期目标是：地区生产总值增长7.5%-8%。\n要加快推进改革。\n"],
         ["review", "plan"]),
        # …建区30周年。30年来,… and 五年来,…: looks back (blind audit, Laishan 2024); 今后五年 plans
        (2024, "二、2024年重点工作",
         ["各位代表，2024年我们迎来了建区30周年。30年来，工业企业累计达到1533家。\n",
          "五年来，我们制定政府规章53件。\n",
          "今后五年，新建学校10所。\n"],
         ["review", "review", "plan"]),
    ],
)
def test_a_plan_paragraph_looking_back_is_a_review(year: int, head: str, paragraphs: list[str], want: list[str]) -> None:
    text = f"{head}\n" + "".join(paragraphs)
    assert [(k, t) for k, _, t in kinds(text, year)] == [("plan", f"{head}\n"), *zip(want, paragraphs, strict=True)]


def test_a_bold_line_that_names_a_part_is_a_heading() -> None:
    """**关于“十一五”规划** after the numbered plan opens the five-year plan; a title
    (**2010年…政府工作报告**) and a line inside an annex are no headings (blind audit,
    Xinjiang 2006)."""
    text = (
        "**2006年新疆维吾尔自治区政府工作报告**\n"
        "十二、加快兵团经济社会发展\n要加快发展，力争增长10%，确保完成任务，着力扩大内需，积极推进改革，进一步加强管理。\n"
        "**关于“十一五”规划**\n“十一五”时期经济社会发展的主要目标是：生产总值年均增长9%。\n"
        "附件2\n**2005年十件实事完成情况**\n下调参保单位工伤保险缴费率30%。\n"
    )
    assert [k for k, _, _ in kinds(text, 2006)] == ["preamble", "plan", "five_year_plan", "glossary"]


def test_a_paragraph_opening_with_zai_and_last_year_is_the_review() -> None:
    """在刚刚过去的1997年,… inside a five-year review is last year's review (Gansu 1998)."""
    text = "一、五年来政府工作的回顾\n五年来，全省生产总值年均增长9%。\n在刚刚过去的1997年，全省生产总值增长9.5%。\n"
    assert [k for k, _, _ in kinds(text, 1998)] == ["five_year_review", "review"]


def test_a_paragraph_whose_second_sentence_looks_back_over_the_term() -> None:
    """…任务全面完成。五年来,… after a paragraph on last year is the five-year review (blind
    audit, Henan 2013); a later sentence saying 五年来 deep in a paragraph switches nothing."""
    text = (
        "一、过去五年的工作\n刚刚过去的2012年，全省生产总值增长10.1%。\n"
        "2012年各项目标的实现，标志着任务全面完成。五年来，新增城镇就业652万人。\n"
        "去年，粮食总产量1127.7亿斤。全省上下奋力拼搏，克服了种种困难，经济保持平稳较快增长，民生持续改善，社会和谐稳定，各项事业全面进步。五年来，新增就业600万人。\n"
    )
    assert [k for k, _, _ in kinds(text, 2013)] == ["five_year_review", "review", "five_year_review", "review"]


def test_a_review_of_last_year_and_the_term_switches_where_the_term_is_looked_back_on() -> None:
    """一、2012年及过去五年工作回顾: last year's review, then the term's from the paragraph that
    closes last year (…标志着/随着…“十一五”胜利收官, 这五年,…) or opens the look back (各位代表！
    过去五年,…) (blind audit, Xinjiang 2013; corpus: Fujian 2016, Guangxi 2016, Jiangxi 2013)."""
    head = "一、2010年及过去五年工作回顾"
    last_year = "2010年，全区生产总值增长12%。\n一年来，我们主要抓了以下工作：完成投资2988亿元。\n"
    for turn in (
        "各位代表！过去五年，全区生产总值年均增长11%。\n",
        "2010年各项任务的完成，标志着“十一五”规划胜利实现。全区生产总值年均增长11%。\n",
        "随着2010年主要目标任务的完成，我区“十一五”胜利收官。全区生产总值年均增长11%。\n",
        "2010年各项任务的完成，标志着本届政府五年奋斗目标全面实现。这五年，全区生产总值年均增长11%。\n",
        "——这五年，是综合实力大幅提升的五年。全区生产总值年均增长11%。\n",
    ):
        text = f"{head}\n{last_year}{turn}二、2011年工作安排\n"
        assert [(k, t) for k, _, t in kinds(text, 2011)] == [
            ("review", f"{head}\n{last_year}"),
            ("five_year_review", turn),
            ("plan", "二、2011年工作安排\n"),
        ], turn
    # 2015年是完成“十二五”规划的收官之年: last year named as the term's last, no look back;
    # a good start is no completion (guards)
    for para in (
        "2010年是完成“十一五”规划的收官之年。全区生产总值增长12%。\n",
        "2010年各项任务的完成，标志着本届政府实现了良好开局。全区生产总值增长12%。\n",
        "2010年各项任务的完成，标志着第十二个五年规划实现良好开局。全区生产总值增长12%。\n",
    ):
        assert [k for k, _, _ in kinds(f"{head}\n{para}", 2011)] == ["review"], para


def test_a_plain_short_line_that_names_a_part_is_a_heading() -> None:
    """过去五年工作回顾 on a line of its own, unnumbered and not bold, heads the five-year
    review (blind audit, Guangdong 2008: all of it read as preamble); a short line stating a
    result, or one read as the plan (圆满完成全年目标任务), is no heading."""
    text = (
        "各位代表：\n过去五年工作回顾\n五年来，全省生产总值年均增长14.5%。\n"
        "民主法制和政府自身建设取得新进步\n依法行政深入推进。\n"
        "圆满完成全年目标任务\n全年完成投资2988亿元。\n"
        "今后五年的奋斗目标和主要任务\n到2012年，人均生产总值超过5万元。\n"
    )
    assert [(k, h) for k, h, _ in kinds(text, 2008)] == [
        ("preamble", ""),
        ("five_year_review", "过去五年工作回顾"),
        ("five_year_plan", "今后五年的奋斗目标和主要任务"),
    ]


def test_a_glossary_inside_a_report_pasted_as_one_line() -> None:
    """…作出新的更大贡献!名词解释4个300+:… on one line (a report inside a news page): the
    glossary runs from 名词解释 to the end (blind audit, Licang news)."""
    body = "全区生产总值增长8%。" * 80
    text = body + "新建学校5所,作出新的更大贡献!名词解释4个300+:院士港全年完成投资300亿元。\n"
    got = [(k, t) for k, _, t in kinds(text, 2020)]
    assert got == [
        ("preamble", body + "新建学校5所,作出新的更大贡献!"),
        ("glossary", "名词解释4个300+:院士港全年完成投资300亿元。\n"),
    ]


def test_a_report_on_one_line_ending_in_a_glued_glossary_heading() -> None:
    """A whole report on one line keeps its inline headings when its end holds 附件 too."""
    body = "全区生产总值增长8%。" * 80
    text = body + " 一、2019年工作回顾 新建学校5所。 二、2020年工作安排 新建学校6所，作出新的更大贡献！附件\n"
    assert [k for k, _, _ in kinds(text, 2020)] == ["preamble", "review", "plan", "glossary"]


def test_a_glossary_heading_glued_to_the_last_paragraph() -> None:
    """…实干兴赣的新局面！附件 opens the glossary (blind audit, Jiangxi 2014)."""
    text = "二、2014年工作安排\n新建学校5所。\n努力开创新局面！附件\n1.“财园信贷通”：银行按保证金的8倍放大贷款额度。\n"
    got = [(k, t) for k, _, t in kinds(text, 2014)]
    assert got == [
        ("plan", "二、2014年工作安排\n新建学校5所。\n努力开创新局面！"),
        ("glossary", "附件\n1.“财园信贷通”：银行按保证金的8倍放大贷款额度。\n"),
    ]
