"""Events and their days: year and month inferred, cut-offs and periods refused, cited people left out."""

from __future__ import annotations

import re
from datetime import date

import pytest

from digestllm import extract
from digestllm.rules.dates import DATE_PATTERN, DateResolver
from digestllm.schemas import EventKind


def events(text: str, reference: str | None = "2020-03-02") -> list[tuple[str | None, list[str]]]:
    return [
        (e.date and e.date.isoformat(), e.officials)
        for e in extract(text, reference_date=reference, mode="rules").events
    ]


def taking_part(text: str, reference: str) -> set[str]:
    """Everyone who takes part in any event of the text."""
    return {name for event in extract(text, reference_date=reference, mode="rules").events for name in event.officials}


def resolve(texts: list[str], reference: date | None = date(2020, 3, 2)) -> list[str | None]:
    resolver = DateResolver(reference)
    days = []
    for text in texts:
        match = DATE_PATTERN.search(text)
        assert match is not None, text
        day = resolver.resolve(text, match).day
        days.append(day.isoformat() if day else None)
    return days


def test_a_day_takes_its_month_from_the_previous_date() -> None:
    assert resolve(["2月27日,", "28日下午,"]) == ["2020-02-27", "2020-02-28"]


def test_a_day_alone_takes_the_reference_month_or_the_one_before() -> None:
    assert resolve(["1日上午"]) == ["2020-03-01"]
    assert resolve(["28日下午"]) == ["2020-02-28"]


def test_a_span_of_days_is_its_first_day() -> None:
    assert resolve(["2月26日至27日,"]) == ["2020-02-26"]


def test_relative_days_count_from_the_reference_date() -> None:
    assert resolve(["昨天下午", "前天"]) == ["2020-03-01", "2020-02-29"]


def test_a_month_after_the_reference_belongs_to_the_year_before() -> None:
    assert resolve(["12月30日"], reference=date(2021, 1, 3)) == ["2020-12-30"]


def test_an_explicit_year_wins() -> None:
    assert resolve(["2019年12月5日"]) == ["2019-12-05"]


def test_no_year_known_leaves_the_day_undated() -> None:
    assert resolve(["2月27日"], reference=None) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "截至3月1日,华蓥市已经连续30天无新增确诊病例。",
        "2月18日以来,我市坚持日调度。",
        "根据1月16日省委组织部发布的公告,市委书记孙永红为拟继续提名人选。",
        "他说,2月8日阿克苏气温开始下降。",  # a day in what someone said
        "2月15日是元宵节,市长林右昌上午探视长者。",  # the day a holiday falls on
        "市长对于5月17日疫情爆发以来里长们的协助表示感谢。",  # since what began that day
        "夏宝龙抵达澳门,展开六日考察行程。",  # a length of days
    ],
)
def test_cut_offs_and_period_starts_are_not_event_days(text: str) -> None:
    match = DATE_PATTERN.search(text)
    assert match is not None
    assert not DateResolver(date(2020, 3, 2)).resolve(text, match).is_event_day


def test_a_diarys_day_on_a_line_of_its_own() -> None:
    text = "卓越行脚\n4/25\n万人健检起跑,县长卓伯源出席。\n4/30\n县长卓伯源出席模范劳工表扬大会。\n"
    assert events(text, "2008-05-31") == [("2008-04-25", ["卓伯源"]), ("2008-04-30", ["卓伯源"])]


def test_a_day_in_parentheses_closing_the_line_is_the_lines() -> None:
    text = (
        "尋找商機: 財政司司長曾俊華在午宴上致辭。(4月22日)\n"
        "部長好: 行政長官梁振英在北京與國家商務部長高虎城會面。(4月26日)\n"
    )
    assert events(text, "2013-04-29") == [("2013-04-22", ["曾俊華"]), ("2013-04-26", ["梁振英", "高虎城"])]


def test_a_documents_number_is_no_day() -> None:
    assert DATE_PATTERN.search("副省长签发《意见》(鲁政发〔2011〕19号)。") is None
    assert DATE_PATTERN.search("会议于19号召开。") is not None


def test_the_day_carries_to_the_sentence_where_officials_act() -> None:
    text = (
        "2月27日,廣安區343名農民工乘坐專列抵達浙江省湖州市。他們從廣安出發時,市人大常委會副主任、廣安區委書記文建平,"
        "廣安區委副書記、區長劉永明為他們送行。\n\n28日下午,文建平又專題研究疫情防控工作。"
    )
    assert events(text) == [("2020-02-27", ["文建平", "劉永明"]), ("2020-02-28", ["文建平"])]


def test_the_team_a_leader_led_does_one_activity_with_him() -> None:
    text = "3月21日,省咨询委副主任王国平带队,杭州市人大常委会副主任徐祖萼、郑荣胜等赴杭州调研。"
    assert events(text, "2013-03-30") == [("2013-03-21", ["王国平", "徐祖萼", "郑荣胜"])]


def test_companions_join_the_event_of_the_day() -> None:
    text = (
        "3月5日,市委副書記李龍深入到我縣調研指導企業復工復產工作。縣委書記齊德旺,縣長龐大鵬,"
        "縣委常委、縣委辦公室主任肖建軍一同參加調研活動。"
    )
    assert events(text, "2020-03-10") == [("2020-03-05", ["李龍", "齊德旺", "龐大鵬", "肖建軍"])]


def test_an_activity_without_a_day_is_an_undated_event() -> None:
    text = "近段時間,鄰水縣委書記趙璞對廣鄰快速通道項目等省市重點項目建設復工情況進行了調研。"
    assert events(text) == [(None, ["趙璞"])]


def test_a_person_cited_as_the_source_of_instructions_takes_no_part() -> None:
    text = (
        "华蓥市委书记谢洋波:\n这一周,华蓥市成立了由谢洋波任组长的工作领导小组,细化落实市委书记李建勤“做好四篇文章”指示要求。"
        "\n3月18日上午,市长丁福浩主持召开会议,要深入贯彻落实习近平总书记重要讲话精神。"
    )
    assert events(text) == [(None, ["谢洋波"]), ("2020-03-18", ["丁福浩"])]


def test_the_author_of_a_report_under_review_takes_no_part_unless_made_for_others() -> None:
    text = "3月5日下午,山西代表团举行全体会议,审议李克强总理所作的政府工作报告。省委书记蓝佛安主持会议。"
    assert events(text, "2023-03-06") == [("2023-03-05", ["蓝佛安"])]
    text = "4月28日,县人大常委会举行会议,主任阚延平主持,审议了局长梁建文受县政府委托所作的报告。"
    assert events(text, "2015-04-29") == [("2015-04-28", ["阚延平", "梁建文"])]


def test_one_who_speaks_for_an_audience_takes_part_and_one_named_to_a_post_does_not() -> None:
    assert events("6月30日,镇党委书记张剑同志为大家讲党课。", "2021-07-01") == [("2021-06-30", ["张剑"])]
    text = "6月30日,县人大常委会举行会议,主任李明主持,会议任命王强同志为副县长。"
    assert events(text, "2021-07-01") == [("2021-06-30", ["李明"])]


def test_speech_alone_makes_no_event() -> None:
    assert events("米亮要求,要統籌抓好改革、發展、穩定各項工作。") == []


def test_a_headline_told_again_with_its_day_is_one_event() -> None:
    text = "丁福浩主持召开项城市脱贫攻坚问题交办会议\n3月18日上午,市长丁福浩主持召开项城市脱贫攻坚问题交办会议。"
    assert events(text, "2020-03-19") == [("2020-03-18", ["丁福浩"])]


def test_event_fields_point_at_the_text() -> None:
    text = "2月24日,棗山園區黨工委書記蔣波到園區各地檢查疫情防控工作。"
    event = extract(text, reference_date="2020-03-02", mode="rules").events[0]
    assert event.date_text == "2月24日"
    assert event.action is not None and event.action.startswith("檢查")
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert re.search("園區", event.location or "")


def test_weekdays_count_from_the_week_of_the_reference_date() -> None:
    # 2020-03-02 is a Monday.
    assert resolve(["上周五下午"]) == ["2020-02-28"]
    assert resolve(["本周一"]) == ["2020-03-02"]


def test_a_dateline_is_the_report_day_not_the_event_day() -> None:
    text = "四川新闻网自贡8月20日讯 2018年8月15日,市城乡管理行政执法局党组书记、局长黄万波带队慰问环卫工人。"
    assert events(text, "2018-08-20") == [("2018-08-15", ["黄万波"])]
    text = "中国台湾网8月28日清远消息 日前,台南市考察团一行到清远考察。清远市长江凌出席宴会。"
    assert events(text, "2012-08-28") == [(None, ["江凌"])]


def test_today_followed_by_a_comma_is_the_documents_day() -> None:
    assert events("今天,市委副書記、市長李亞平主持召開市政府常務會議。", "2019-08-20") == [("2019-08-20", ["李亞平"])]
    assert events("县长张三强调,今天的项目投入就是明天的效益产出。", "2021-03-17") == []


def test_a_session_held_today_is_on_the_documents_day() -> None:
    text = "省十三届人大常委会第九次会议今天在兰州召开,会议由省委书记、省人大常委会主任林铎主持。"
    assert events(text, "2019-03-27") == [("2019-03-27", ["林铎"])]
    assert events("县长张三说,今天我们要把项目抓紧。", "2021-03-17") == []


def test_of_several_days_the_last_before_the_officials_is_theirs() -> None:
    text = "5月22日至23日,500多名博士生来肥参观考察,并于23日上午,省委常委、市委书记虞爱华出席座谈会。"
    assert events(text, "2023-05-29") == [("2023-05-23", ["虞爱华"])]


def test_a_leader_cited_before_a_quotation_takes_no_part() -> None:
    text = "上周,省委书记张三主持会议,要深刻领会习近平总书记关于“新质生产力,新赛道”的重要论述。"
    assert events(text, "2023-05-29") == [(None, ["张三"])]


def test_a_numbered_name_is_no_date() -> None:
    text = "坚持招商引资“一号工程”不动摇。市委书记胡光怀出席签约活动。"
    assert events(text, "2026-01-10") == [(None, ["胡光怀"])]


def test_a_speaker_on_a_day_already_told_takes_part() -> None:
    text = "4月24日,省政府新闻办举行新闻发布会。省扶贫办副主任田志清介绍,全省18个县脱贫摘帽。"
    assert events(text, "2019-04-25") == [("2019-04-24", ["田志清"])]
    assert events("市扶贫办主任张三介绍,全市脱贫攻坚取得成效。", "2019-04-25") == []


def test_a_planned_day_is_no_event_day() -> None:
    text = (
        "10月11日,县委副书记、县长许健开展调研。小麦预计10月25日播种基本结束。"
        "县政府党组成员、办公室主任刘洪军参加活动。"
    )
    assert events(text, "2023-10-13") == [("2023-10-11", ["许健", "刘洪军"])]


def test_a_chronicles_month_heading_gives_the_days_below_it_their_month() -> None:
    text = (
        "2021年7-9月区政府大事记\n7月\n1日 区委副书记、代区长高伟出席防汛工作部署会并讲话。\n"
        "2日 高伟率队深入浏阳河街道调研。\n8月份\n3日 高伟主持召开政府常务会。\n"
    )
    assert events(text, "2021-10-11") == [("2021-07-01", ["高伟"]), ("2021-07-02", ["高伟"]), ("2021-08-03", ["高伟"])]


def test_a_chronicles_title_gives_the_days_below_it_their_year_and_month() -> None:
    text = (
        "济宁市人民政府2008年6月份大事记\n1日 市委副书记、市长张振川在城区检查重点项目。\n"
        "△ 副市长侯端敏深入北川县指导抗震救灾工作。\n2日 张振川主持召开市政府常务会议。\n"
    )
    assert events(text, "2009-08-25") == [
        ("2008-06-01", ["张振川"]),
        ("2008-06-01", ["侯端敏"]),
        ("2008-06-02", ["张振川"]),
    ]


def test_a_month_inside_a_sentence_is_no_heading() -> None:
    text = "10月5日，县长李明到林场调研。他说，全县7月\n已完成造林。\n6日，李明主持召开常务会议。"
    assert events(text, "2021-10-11") == [("2021-10-05", ["李明"]), ("2021-10-06", ["李明"])]


def test_those_who_sit_in_列席_take_part_and_their_names_end_before_it() -> None:
    text = "2月28日,县委书记陆晓延主持召开常委会议。县人大主任张阅农、县政协主席张萍列席会议。"
    assert events(text, "2013-03-01") == [("2013-02-28", ["陆晓延", "张阅农", "张萍"])]


def test_a_columns_week_on_a_line_of_its_own_is_no_events_day_and_its_items_stay_apart() -> None:
    text = (
        "要闻周报\n(5月20日—5月24日)\n●第六届洽谈会开幕。区委书记蒲彬彬参加开幕式。\n"
        "●区委书记蒲彬彬主持召开常委会会议。\n"
    )
    assert events(text, "2024-05-27") == [(None, ["蒲彬彬"]), (None, ["蒲彬彬"])]
    assert events("5月20日至24日,区委书记蒲彬彬到北京考察。", "2024-05-27") == [("2024-05-20", ["蒲彬彬"])]


def test_who_a_meeting_appoints_or_lets_resign_takes_no_part_in_it() -> None:
    text = "4月7日,县人大常委会主任许贞丽主持会议。会议决定接受庄稼祥同志辞去县长职务,任命黄育奇同志为代理县长。"
    assert events(text, "2025-04-08") == [("2025-04-07", ["许贞丽"])]


def test_whose_words_a_meeting_studies_takes_no_part_in_it() -> None:
    text = (
        "2月28日,县长王俊卿主持召开学习会议。会议传达学习了2月20日省委农村工作会议精神,"
        "市委许继伟书记在全市工作动员大会上的讲话精神;还传达学习了《条例》,以及吴贤德市长批示要求。会上,王俊卿强调。"
    )
    assert events(text, "2024-02-29") == [("2024-02-28", ["王俊卿"])]


def test_a_chronicles_lines_of_one_day_are_each_their_own_event() -> None:
    text = (
        "2022年7月大事记\n  1日 市委书记张祥安在安庆分会场出席全省重大项目开工动员会。\n"
        "  是日 张祥安主持召开市委常委会会议。\n"
    )
    found = extract(text, reference_date="2023-04-19").events
    assert [(str(e.date), e.officials, e.kind.value) for e in found] == [
        ("2022-07-01", ["张祥安"], "ceremony"),
        ("2022-07-01", ["张祥安"], "meeting"),
    ]
    assert found[0].location == "安庆分会场" and found[1].location is None  # the first line's place stays there


def test_an_official_doing_another_kind_of_thing_in_a_later_paragraph_is_another_event() -> None:
    text = "3月2日上午,区委书记王明主持召开常委会会议。\n随后,王明来到城关镇看望慰问困难群众。"
    assert [(e.kind.value, e.location) for e in extract(text, reference_date="2020-03-03").events] == [
        ("meeting", None),
        ("visit", "城关镇"),
    ]


def test_the_group_一行_of_a_later_paragraph_goes_on_with_its_activity() -> None:
    text = (
        "4月11日上午,区委书记王迎波带队开展社区治理观摩活动,区委副书记黄东明参加观摩。\n"
        "王迎波一行先后到明珠社区、鸿翔社区,详细听取社区工作情况汇报。"
    )
    [event] = extract(text, reference_date="2020-04-12").events
    assert event.officials == ["王迎波", "黄东明"] and event.location == "明珠社区、鸿翔社区"


def test_attending_the_activity_told_before_by_its_verb_joins_it() -> None:
    text = (
        "日前,省委副书记刘伟在济南会见了花莲县县长傅崐萁一行。\n"
        "会见中,刘伟表示欢迎。\n省台办主任倪明元和省直部门负责同志参加会见。"
    )
    [event] = extract(text, reference_date="2011-09-08").events
    assert event.officials == ["刘伟", "傅崐萁", "倪明元"] and event.location == "济南"


def test_leaders_seated_on_the_rostrum_take_part_in_the_occasion() -> None:
    text = (
        "今天下午,县政协十一届六次会议在县城隆重开幕。\n"
        "县政协主席董莉莉、县委书记龚德汉、县长唐汇诰在主席台前排就坐。\n开幕式由县政协副主席胡见可主持。"
    )
    assert taking_part(text, "2012-02-12") == {"董莉莉", "龚德汉", "唐汇诰", "胡见可"}
    assert extract(text, reference_date="2012-02-12").events[0].action == "县政协十一届六次会议"


def test_a_name_inside_a_title_takes_no_part() -> None:
    text = "7月2日,县人大常委会主任张教治主持会议,听取了《县人民法院副院长李普生同志个人履职情况的专项工作报告》。"
    assert events(text, "2014-07-03") == [("2014-07-02", ["张教治"])]


def test_officials_who_attend_visitors_activity_host_them() -> None:
    text = (
        "8月2日,海峡两岸商务协调会副会长兼秘书长黄旭昇一行3人来莒县考察交流。"
        "县委常委、统战部部长张维明,县政协副主席王晓强出席活动。"
    )
    [event] = extract(text, reference_date="2023-08-03").events
    assert event.officials == ["张维明", "王晓强"] and event.kind.value == "reception"


def test_visits_of_the_past_make_no_event_and_a_numbered_session_is_no_figure() -> None:
    text = (
        "1月28日,市长张工来到西青区代表团参加审议。张工指出,习近平总书记两次亲临天津视察指导。"
        "二届市委召开108次常委会会议。"
    )
    result = extract(text, reference_date="2026-01-29")
    assert [(str(e.date), e.officials) for e in result.events] == [("2026-01-28", ["张工"])]
    assert "108次" not in {metric.raw for metric in result.metrics}


def test_what_an_official_says_should_be_done_is_no_event_of_its_own() -> None:
    text = (
        "2月27日上午,县委书记郑鹏程前往炳德药业公司,开展“走基层、解难题、抓落实”活动。\n"
        "郑鹏程现场支招,要加强对疫情防控形势的研究,做到科学施策。"
    )
    [event] = extract(text, reference_date="2020-03-02").events
    assert event.action == "开展“走基层、解难题、抓落实”活动"


def test_whose_speech_is_led_in_a_study_takes_no_part() -> None:
    text = "5月25日,区党工委召开学习会,党工委副书记许俊丽领学了习近平总书记在福建考察调研时的重要讲话精神。"
    assert taking_part(text, "2021-05-26") == {"许俊丽"}


def test_a_name_in_a_doctrine_or_in_what_a_lecture_explains_takes_no_part() -> None:
    text = (
        "12月5日,省长王晓东赴黄冈市调研。他强调,要坚持以习近平新时代中国特色社会主义思想为指导。"
        "宣讲员从多角度阐述习近平总书记在福建工作期间的为民情怀和思想财富。"
    )
    assert taking_part(text, "2018-12-06") == {"王晓东"}


def test_officials_listed_as_there_too_join_the_days_first_event() -> None:
    text = (
        "市长张百顺一行于五月二十九日访问澳门中华总商会,受到该会副秘书长梁庆华的接待。\n"
        "近日国务院港澳办主任夏宝龙来澳考察。\n"
        "到访中总的还有副市长王刚,市政府秘书长郭守印。"
    )
    found = events(text, "2023-05-30")
    assert ("2023-05-29", ["张百顺", "梁庆华", "王刚", "郭守印"]) in found
    session = (
        "7月29日上午,县十四届人大三次会议开幕。本次大会的执行主席是:旷立伟、陈琛。县人大常委会主任旷志军主持会议。"
    )
    assert taking_part(session, "2022-07-30") == {"旷立伟", "陈琛", "旷志军"}


def test_those_who_come_to_the_meeting_or_sit_in_take_part() -> None:
    text = "4月12日上午,市长徐祥华主持召开常务会议。市人大常委会副主任尤泽勇、市政协副主席姚美学应邀到会。"
    assert events(text, "2005-04-13") == [("2005-04-12", ["徐祥华", "尤泽勇", "姚美学"])]
    talks = "8月2日,县委常委张维明出席活动。考察团深入座谈交流。张维明在座谈中对代表团表示欢迎。"
    assert [e.action for e in extract(talks, reference_date="2023-08-03").events] != []


def test_what_came_next_with_companions_after_由_is_the_first_officials_own_activity() -> None:
    text = (
        "国务院港澳办主任夏宝龙今日(六月二十日)在港会见工商金融界代表。\n"
        "下午,夏宝龙主任在行政长官李家超陪同下考察海洋公园。\n"
        "其后,夏宝龙主任由李家超、财政司副司长黄伟纶和发展局局长甯汉豪陪同,乘船前往南丫岛,考察石矿场用地的发展计划。"
    )
    found = extract(text, reference_date="2025-06-20").events
    assert [e.officials for e in found] == [["夏宝龙"], ["夏宝龙", "李家超"], ["夏宝龙", "李家超", "黄伟纶", "甯汉豪"]]


def test_a_date_spaced_from_its_words_is_read() -> None:
    assert events("1 月 30 日上午,市长陈志清作政府工作报告。", "2024-02-01") == [("2024-01-30", ["陈志清"])]


def test_a_surname_and_title_or_a_pronoun_stand_for_the_official_named_before() -> None:
    text = (
        "1月30日,在大牛村监测点,和兴镇党委书记刘世杰仔细检查登记排查情况。\n"
        "上午7时,她回到镇上,立即召集镇党委班子成员召开碰头会。\n"
        "中午12点,在赵陈村监测点,刘书记给值班人员带来了食品和亲切慰问。\n"
        "她指出,要守好每一关。"
    )
    found = extract(text, reference_date="2020-01-31").events
    assert [(e.officials, e.kind.value) for e in found] == [
        (["刘世杰"], "inspection"),
        (["刘世杰"], "meeting"),
        (["刘世杰"], "visit"),
    ]
    assert all(e.officials == ["刘世杰"] for e in found)


def test_a_surname_and_title_two_officials_answer_stands_for_neither() -> None:
    text = "3月2日,县委书记王明、县委副书记王强调研。3月3日,王书记主持召开常委会。"
    assert events(text, "2020-03-04") == [("2020-03-02", ["王明", "王强"])]


def test_a_day_something_may_happen_on_is_no_event_day() -> None:
    text = "16日上午,县长许淑华表示,副秘书长人选可望于1月16日原秘书长退休时宣布。"
    assert all(day != "2025-01-16" for day, _ in events(text, "2025-12-17"))


def test_a_hard_wrapped_page_keeps_its_sentences_whole() -> None:
    text = (
        "9月20日下午,曲靖市第四届少数民族传统体育运动会在罗平县隆重开幕。曲靖市市委常\n"
        "委、常务副市长许玉才,云南省民族宗教事务委员会党组成员、副主任郑建奇,曲靖市委常\n"
        "委、市委秘书长朱德光,曲靖市委常委、市委统战部部长顾琨,曲靖市政府副市长张向明等\n"
        "领导及罗平县四班子领导出席开幕式。\n"
    )
    assert taking_part(text, "2015-10-01") == {"许玉才", "郑建奇", "朱德光", "顾琨", "张向明"}
    prose = "3月2日,县长李明调研\n复工复产。\n县委书记王强主持会议。\n"  # short lines are no wrapped page
    assert len(extract(prose, reference_date="2020-03-03").events) == 2


def test_a_span_of_days_written_with_one_日_is_its_first_day() -> None:
    assert events("23-24日,全国政协委员林武赴南江检查调研。", "2019-02-25") == [("2019-02-23", ["林武"])]
    assert events("3月23至24日,县长李明调研。", "2019-03-25") == [("2019-03-23", ["李明"])]
    assert events("2016年9月18-19,县长李明调研。", "2016-09-27") == [("2016-09-18", ["李明"])]  # no 日 after a month
    assert events("共有18-19,县长李明调研。", "2016-09-27") == [(None, ["李明"])]  # no month: no day


def test_a_press_releases_day_in_parentheses() -> None:
    text = "行政长官崔世安今(23)日中午在礼宾府设宴款待国民党荣誉主席吴伯雄一行。"
    assert events(text, "2010-10-23") == [("2010-10-23", ["崔世安", "吴伯雄"])]
    kinmen = "金门县长陈福海上周(十九)日率员到厦门市拜会。"
    assert events(kinmen, "2023-02-26") == [("2023-02-19", ["陈福海"])]


def test_days_listed_one_after_another_take_the_first() -> None:
    text = "7月28日、29日,鸡西市开展重点项目现场观摩活动,市委书记孙成坤带队观摩。"
    assert events(text, "2023-07-30") == [("2023-07-28", ["孙成坤"])]


def test_leaders_accompanying_by_the_activitys_verb_join_it() -> None:
    text = (
        "11月17日,市委常委、组织部部长吕松率队到融安县调研集体经济发展工作。\n"
        "当日,县委书记陈文敏,县委副书记、县长于福坚等领导陪同调研。"
    )
    found = extract(text, reference_date="2021-11-20").events
    assert [(e.officials, e.location) for e in found] == [(["吕松", "陈文敏", "于福坚"], "融安县")]


def test_a_report_to_the_session_is_a_part_of_its_own() -> None:
    text = (
        "2月14日,县人民代表大会第五次会议在县文化馆会议室隆重开幕。会议由县人大主任龙义立主持,"
        "付乐欣、杨胜林等在主席台前排就座。\n县长付乐欣代表县人民政府向大会作政府工作报告。"
    )
    found = extract(text, reference_date="2011-02-15").events
    assert [e.officials for e in found] == [["龙义立", "付乐欣", "杨胜林"], ["付乐欣"]]


@pytest.mark.parametrize(
    ("text", "reference", "day"),
    [
        ("盐城大事记202008\n1日  市长曹路宝在盐主持召开市政府党组会议。\n", "2020-09-30", "2020-08-01"),
        ("丽水市委、市政府2021年执政纪事(7-12月)\n7月1日,市委书记胡海峰在丽水接见代表。\n", "2022-02-23", "2021-07-01"),
        ("庆元县大事记\n1989年\n1月3日  县长徐培金主持会议。\n", "2013-09-23", "1989-01-03"),
    ],
)
def test_a_chronicles_year_stands_in_a_code_a_title_or_a_line_of_its_own(text: str, reference: str, day: str) -> None:
    assert [d for d, _ in events(text, reference)] == [day]


def test_a_republic_of_china_year_and_twenty_written_廿() -> None:
    assert events("民国113年5月9日,市长侯友宜出席记者会。", "2024-05-10") == [("2024-05-09", ["侯友宜"])]
    assert events("七月廿三日,县长邝丽贞率团访问意大利。", "2008-08-03") == [("2008-07-23", ["邝丽贞"])]


def test_today_is_opens_the_documents_day_but_not_in_a_quote() -> None:
    text = "(记者 杨一之) 今天是新春的第一个工作日。下午,兰溪市委书记朱瑞俊走访企业。"
    assert events(text, "2019-02-11") == [("2019-02-11", ["朱瑞俊"])]
    quoted = "2月16日,区委书记张国洪说:“我们今天是来听意见的。”"
    assert events(quoted, "2013-02-18") == [("2013-02-16", ["张国洪"])]


def test_a_dateline_with_its_place_and_讯_is_the_reports_day() -> None:
    text = "中国台湾网4月8日宜宾讯 日前,四川宜宾市委书记王铭晖率队到项目工地调研。"
    assert events(text, "2015-04-08") == [(None, ["王铭晖"])]


def test_watching_a_performance_is_an_activity() -> None:
    text = "4日\n△ 现代喜剧《清风扬帆》在人民剧院上演。市领导徐明、温祥华等观看演出。"
    assert events(text, "2009-08-31") == [("2009-08-04", ["徐明", "温祥华"])]


def test_today_before_an_activity_is_the_documents_day() -> None:
    [event] = extract("高雄市長陳菊今天率市府團隊走訪林園興濟宮。", reference_date="2017-02-03", mode="rules").events
    assert (event.date, event.officials) == (date(2017, 2, 3), ["陳菊"])


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("律政司司长袁国强昨访问荃湾区。", date(2014, 5, 22)),  # 昨 alone: yesterday
        ("宜兰县政府今在县民大厅举办成果展,由代理县长林茂盛率领县府团队。", date(2014, 5, 23)),  # 今 alone: today
        ("镇长庄瑞麟在集集镇民生路104号举行开幕仪式。", None),  # 104号 is a house's number, no day
        ("县长王惠美12日下午前往关心工程状况。", date(2014, 5, 12)),  # 12日下午前往: a going, not 12日前
        ("政协主席李耿坚四月廿八及廿九日率团到访。", date(2014, 4, 28)),  # days listed with 及: the first
        ("港澳办主任夏宝龙前日到港开展考察调研。", date(2014, 5, 21)),  # 前日: the day before yesterday
        ("会议将于1月5日召开,1月8日结束,主任罗斌要求做好筹备。", None),  # both days of the plan are planned
        ("行政长官李家超明日(24日)率团前赴贵阳。", date(2014, 5, 24)),  # tomorrow, its day in parentheses
        ("行政长官崔世安今(23)晚启程前往葡萄牙。", date(2014, 5, 23)),  # today's evening
        ("行政长官李家超今天(23日)下午率领团队走访社区。", date(2014, 5, 23)),
        ("县长林明溱今天深入仁爱乡亲爱村。", date(2014, 5, 23)),  # 今天 before a going
        ("监察委员赖鼎铭今天起连续2天下乡,在新竹县进行巡察工作。", date(2014, 5, 23)),  # 今天起: from today on
        ("南投县长许淑华(十)日下午前往埔里镇会勘工程。", date(2014, 5, 10)),  # a Taiwan paper's day alone
        ("基隆捷运工程今天开工,市长谢国梁持铲动土。", date(2014, 5, 23)),  # 今天 before any activity
        ("考察团今日与南京市委常委、副市长邓智毅会面。", date(2014, 5, 23)),  # 今日与…: with whom, that day
        ("由于今年12月5日举行选举,镇长庄瑞麟成立服务处。", None),  # 今年, months ahead: a plan, not last December
    ],
)
def test_days_of_hong_kong_and_taiwan_papers(text: str, day: date | None) -> None:
    [event] = extract(text, reference_date="2014-05-23", mode="rules").events
    assert event.date == day


def test_a_taiwan_papers_year_and_a_period_that_will_start() -> None:
    """114年 is 2025 (民国 unsaid); 将自…起 starts a period, no day of the act told after it."""
    text = "工作将自114年1月20日起至2月3日举行,镇长林嘉弘特别于114年1月21日至虎尾分局发放红包。"
    [event] = extract(text, reference_date="2025-01-22", mode="rules").events
    assert (event.date, event.officials) == (date(2025, 1, 21), ["林嘉弘"])


def test_officials_named_right_after_an_activity_told_without_them_did_it() -> None:
    text = (
        "3月4日下午,区四套班子领导到各组讨论地点亲切看望了出席会议的政协委员们。\n"
        "区委书记陈晓,区委副书记、代区长王健,区人大常委会主任张菲菲等向委员们致以亲切的问候。"
    )
    [event] = extract(text, reference_date="2012-03-05", mode="rules").events
    assert (event.date, event.officials) == (date(2012, 3, 4), ["陈晓", "王健", "张菲菲"])
    assert (event.action, event.location) == ("看望了出席会议的政协委员们", "各组讨论地点")


def test_what_an_official_said_does_not_name_who_did_the_activity_told_before() -> None:
    text = "3月4日,各级各部门要抓紧分批次复工,加快开展调研。\n谢洋波要求,各级各部门要坚持目标导向。"
    assert extract(text, reference_date="2012-03-05", mode="rules").events == []


def test_today_before_a_verb_that_describes_a_noun_is_no_day() -> None:
    text = "8月8日上午,我区在淮安宾馆举行签约仪式。区委书记张笑在致辞中说,今天签约的四个项目是全区重点。"
    days = {event.date for event in extract(text, reference_date="2020-08-11", mode="rules").events}
    assert days == {date(2020, 8, 8)}  # 今天签约的项目 names no day of an act


def test_a_sentence_citing_a_recent_occasion_keeps_the_day_told() -> None:
    text = (
        "6月4日上午,区领导小组召开第三次会议。区委书记陈清参加会议。\n"
        "会议传达了近期中央及北京市会议精神。\n区领导唐海蛟、吕晨飞参加会议。"
    )
    events = extract(text, reference_date="2021-06-07", mode="rules").events
    assert {(event.date, name) for event in events for name in event.officials} == {
        (date(2021, 6, 4), "陈清"),
        (date(2021, 6, 4), "唐海蛟"),
        (date(2021, 6, 4), "吕晨飞"),
    }


def test_a_trips_third_day_is_no_day_of_the_month() -> None:
    text = "今日为访港行程的第三日,港澳办主任夏宝龙中午到西贡调研。"
    days = {event.date for event in extract(text, reference_date="2024-02-24", mode="rules").events}
    assert date(2024, 2, 3) not in days and days


def test_officials_who_all_went_along_join_the_activity() -> None:
    text = "29日上午,县长陈光复前往西屿乡进行勘灾。\n议员魏睿宏、白沙乡长宋万富均一同下乡关心地方。"
    [event] = extract(text, reference_date="2024-07-30", mode="rules").events
    assert (event.officials, event.kind) == (["陈光复", "魏睿宏", "宋万富"], EventKind.INSPECTION)


def test_those_attending_a_reception_join_the_reception_not_the_days_first_event() -> None:
    text = (
        "5月11日,考察团一行在省台办副主任杜春景的陪同下到焦作考察。"
        "焦作市委常委杨娅辉会见了考察团一行,市台办主任王玉柱、修武县长卢希望等参加会见。"
    )
    events = extract(text, reference_date="2014-05-13").events
    assert [e.officials for e in events if "会见" in (e.action or "")] == [["杨娅辉", "王玉柱", "卢希望"]]


def test_签订_is_a_signing() -> None:
    text = "1月10日,县委常委、副县长宋志军代表县政府与北京求德型材责任有限公司等4家企业法人代表签订了合作协议。"
    [event] = extract(text, reference_date="2010-01-11").events
    assert (event.officials, event.kind) == (["宋志军"], EventKind.CEREMONY)


def test_a_month_heading_in_parentheses_sets_the_month_of_the_days_below() -> None:
    text = "市政府工作要事记\n(2024年5月)\n1日,市长赵立香在高台县调研。\n2日,市长赵立香主持召开会议。"
    events = extract(text, reference_date="2024-08-10").events
    assert [e.date for e in events] == [date(2024, 5, 1), date(2024, 5, 2)]


def test_a_leader_whose_speech_is_revisited_takes_no_part() -> None:
    text = "1日,我市在高台县举行重温习近平总书记视察张掖重要讲话精神主题党日活动。卢小亨、王海峰等市领导出席。"
    [event] = extract(text, reference_date="2024-05-10").events
    assert event.officials == ["卢小亨", "王海峰"]


def test_the_same_officials_at_two_places_they_name_apart_are_two_stops_of_their_day() -> None:
    text = (
        "1月11日,财政司司长陈茂波到访东区,参观区内的小学和排档。\n"
        "陈茂波先到访爱秩序湾官立小学,与学生和家长交流。\n"
        "其后,他到访金华街排档区,与商贩代表会面。"
    )
    places = [e.location for e in extract(text, reference_date="2019-01-11").events]
    assert places == ["东区", "爱秩序湾官立小学", "金华街排档区"]
    text = "3月5日,县长李龙到我县企业调研指导复工复产工作。副县长齐德旺等在神州集团陪同调研。"  # others: one activity
    assert len(extract(text, reference_date="2020-03-06").events) == 1


def test_others_of_one_sentence_doing_their_own_thing_at_their_own_place_are_their_own_event() -> None:
    text = (
        "4月4日,政制及内地事务局长曾国衞到访黄大仙区;"
        "而劳工及福利局长罗致光亦到观塘区一幢旧式楼宇,向超过300个住户派发防疫服务包。"
    )
    events = extract(text, reference_date="2022-04-04").events
    assert [(e.officials, e.location) for e in events] == [
        (["曾国衞"], "黄大仙区"),
        (["罗致光"], "观塘区一幢旧式楼"),
    ]
    assert events[1].kind is EventKind.VISIT


def test_those_attending_the_activity_by_its_verb_join_it_wherever_the_verb_stands_in_it() -> None:
    text = (
        "9日上午,市委副书记张明体带领第二观摩组莅临我县进行实地调研观摩。\n"
        "县领导谷晔、刘九利、县产业集聚区管委会主任常松郁、观摩项目主要负责人参加观摩活动。"
    )
    [event] = extract(text, reference_date="2021-10-10").events
    assert (event.officials, event.action) == (["张明体", "谷晔", "刘九利", "常松郁"], "进行实地调研观摩")


def test_a_day_in_parentheses_after_昨_tells_the_writers_today_for_the_later_昨日() -> None:
    text = "副县长邱俐俐昨(四)日偕同镇长张可欣动土开工。\n昨日上午举行的动土典礼由社区演出,随后由副县长邱俐俐持铲动土。"
    events = extract(text, reference_date="2025-12-04").events
    assert {e.date for e in events} == {date(2025, 12, 4)}


def test_a_day_written_beside_昨日_is_the_events_day_where_the_paper_is_dated_that_day() -> None:
    text = "嘉義縣長張花冠於昨日(7日)上午視察布袋鎮吟海橋。"
    [event] = extract(text, reference_date="2010-04-07").events
    assert event.date == date(2010, 4, 7)
    [event] = extract(text, reference_date="2010-04-08").events
    assert event.date == date(2010, 4, 7)
    [event] = extract("嘉義縣長張花冠於昨日上午視察布袋鎮吟海橋。", reference_date="2010-04-07").events
    assert event.date == date(2010, 4, 6)


def test_今天_before_至_and_a_place_is_the_documents_day_and_a_pavilion_is_a_place() -> None:
    text = "台中市长胡志强于今天至大坑观音亭出席北屯区公所活动。"
    [event] = extract(text, reference_date="2011-09-04").events
    assert (event.date, event.location) == (date(2011, 9, 4), "大坑观音亭")
    text = "市长胡志强表示,活动自今天至明天举行。"  # a span, not a journey
    assert all(e.date is None for e in extract(text, reference_date="2011-09-04").events)


def test_officials_who_all_joined_in_a_township_offices_new_year_gathering_are_at_it() -> None:
    text = (
        "台中市中区公所于今天举行新春团拜,市长胡志强与公所同仁互道新年恭禧。"
        "民政局长王秋冬、中区区长林仲敏等人也都共襄盛举。"
    )
    [event] = extract(text, reference_date="2014-02-07").events
    assert (event.officials, event.location, event.kind) == (
        ["胡志强", "王秋冬", "林仲敏"],
        "台中市中区公所",
        EventKind.MEETING,
    )


def test_a_chronicles_title_of_its_month_names_its_days_month_whatever_it_calls_itself() -> None:
    text = "2020年1月大事要览\n6日\n市委副书记张宏伟到竹岛街道慰问困难劳模。"
    [event] = extract(text, reference_date="2020-02-10").events
    assert event.date == date(2020, 1, 6)


def test_今天和_and_a_person_is_the_documents_day() -> None:
    text = "台中市民政局长吴世玮今天和东势区长翁培真等人到东势区隆兴里视察修复完工情形。"
    [event] = extract(text, reference_date="2025-12-30").events
    assert (event.date, event.officials) == (date(2025, 12, 30), ["吴世玮", "翁培真"])


def test_a_press_releases_day_in_parentheses_may_be_spaced_from_今_and_日() -> None:
    text = "林边乡特于今 (16) 日举行动土典礼,县长曹启鸿出席。"
    [event] = extract(text, reference_date="2012-07-16").events
    assert event.date == date(2012, 7, 16)


def test_an_event_whose_kept_action_receives_guests_is_a_reception() -> None:
    text = (
        "3月18日,台中市副市长黄国荣率参访团一行25人到淄博市交流考察。"
        "18日下午,淄博市委书记周清利在淄博齐盛宾馆亲切会见了黄国荣一行。"
    )
    [event] = extract(text, reference_date="2014-03-21").events
    assert (event.action, event.kind) == ("会见了黄国荣一行", EventKind.RECEPTION)


def test_officials_listed_as_standing_on_the_stage_were_at_the_occasion() -> None:
    text = (
        "台中市长胡志强于今天至大坑观音亭出席北屯区公所活动。"
        "这项活动台上献艺的表演者非常特别;站在台上的包括台中市议员黄馨慧、洪嘉鸿以及台中市政府秘书长黄国荣。"
    )
    [event] = extract(text, reference_date="2011-09-04").events
    assert event.officials == ["胡志强", "黄馨慧", "洪嘉鸿", "黄国荣"]


def test_本月_and_a_day_after_the_references_is_this_month() -> None:
    text = "政制及内地事务局常任秘书长邓忍光本月15日访问浙江杭州及义乌。"
    [event] = extract(text, reference_date="2018-01-13").events
    assert event.date == date(2018, 1, 15)


def test_a_day_of_the_lunar_calendar_opening_a_clause_is_the_events_day() -> None:
    text = "农历正月初四,县委常委、统战部长马志民深入杜曲镇寿德老年公寓调研。"
    [event] = extract(text, reference_date="2012-01-27").events
    assert event.date == date(2012, 1, 26)
    text = "大年三十上午,市委书记阎立走访慰问中天钢铁。大年初一,市长费高云走访慰问天合光能。"
    assert [e.date for e in extract(text, reference_date="2017-02-03").events] == [date(2017, 1, 27), date(2017, 1, 28)]
    text = "除夕当天,县长王明看望值班人员。"  # the eve of 2022's new year, in a 腊月 of 29 days
    assert [e.date for e in extract(text, reference_date="2022-02-02").events] == [date(2022, 1, 31)]


def test_a_lunar_day_inside_a_clause_ahead_or_every_year_is_no_events_day() -> None:
    text = "2月20日,县长朱广治检查安全生产。他强调,要紧盯正月初五、元宵节等燃放高发期。"
    assert {e.date for e in extract(text, reference_date="2026-02-23").events} == {date(2026, 2, 20)}
    text = "重阳节为每年农历九月初九。乡长陈进光30日上午亲自前往长者家中致赠礼券。"
    assert [e.date for e in extract(text, reference_date="2016-09-30").events] == [date(2016, 9, 30)]


def test_a_span_of_days_joined_by_a_doubled_dash_is_its_first_day() -> None:
    text = "2018年1月29日--2月9日,坝河镇人大主席黄家山带领镇村干部走访慰问贫困户。"
    [event] = extract(text, reference_date="2018-01-29").events
    assert event.date == date(2018, 1, 29)


def test_明年_and_去年_move_the_year_and_今_with_a_day_in_parentheses_is_the_writers_month() -> None:
    text = "台东县关山镇公所今(2)日指出,明年1月4日到6日将发放防疫礼金。镇长戴文达今(2)日接受记者电话访问。"
    assert [e.date for e in extract(text, reference_date="2021-12-02").events] == [date(2021, 12, 2)]
    text = "去年12月5日,县长王明到乡镇调研。"
    assert [e.date for e in extract(text, reference_date="2021-03-02").events] == [date(2020, 12, 5)]


def test_今_before_也_is_the_papers_day_and_至于_leads_to_no_place() -> None:
    text = "台东市长陈铭风今也发送慰问金给百岁老人。至于与其他乡镇相比,陈铭风说,全市老人多。"
    [event] = extract(text, reference_date="2025-10-14").events
    assert (event.date, event.location) == (date(2025, 10, 14), None)


def test_a_pages_publication_stamp_is_no_events_day() -> None:
    text = "更新於 2024年06月25日10:24 • 發布於 2024年06月25日10:24\n縣長許淑華來到水里鄉興德宮前,聽取工程規畫簡報。"
    assert [e.date for e in extract(text, reference_date="2024-06-25").events] == [None]


def test_a_vague_time_inside_what_is_talked_about_leaves_the_talk_its_day() -> None:
    text = "9月26日,第一书记熊海滨表示。\n在上午的专题会议上,纪委书记王灏对近期通报的8起案例进行剖析。"
    assert {e.date for e in extract(text, reference_date="2022-09-27").events} == {date(2022, 9, 26)}
    text = "9月26日,第一书记熊海滨表示。\n纪委书记王灏近日对案例进行剖析。"
    assert [e.date for e in extract(text, reference_date="2022-09-27").events][-1] is None


def test_a_documents_number_in_small_brackets_is_no_day() -> None:
    text = "根据《通知》(黔东南党建办﹝2021﹞2号)文件精神,原第一书记傅开棋于9月15日深入帮扶村开展回访工作。"
    assert [e.date for e in extract(text, reference_date="2021-09-22").events] == [date(2021, 9, 15)]


def test_a_datelines_day_is_the_writers_today() -> None:
    text = "本报湖州12月16日电(记者 秦军) 今天,浙江大学、湖州市签订合作协议。省人大常委会副主任金德水出席会议并讲话。"
    assert [e.date for e in extract(text, reference_date="2011-12-17").events] == [date(2011, 12, 16)]


def test_a_numbered_bridge_is_no_day_and_解读_after_a_post_names_nobody() -> None:
    text = "9月14日上午,区政协主席李淑华视察了修复滨河路至柏南线2号桥路段的提案。副主席袁长青为参会委员解读了报告。"
    result = extract(text, reference_date="2017-09-15")
    assert {e.date for e in result.events} == {date(2017, 9, 14)}
    assert {o.name for o in result.officials} == {"李淑华", "袁长青"}


def test_a_recalled_day_with_its_year_leaves_the_month_of_later_days_and_a_roc_year_in_numerals() -> None:
    text = "新城乡公所二十九日表示,大楼工程一一三年十二月九日举行开工典礼后,三十日由乡长何礼台主持上梁祈福典礼。"
    assert [e.date for e in extract(text, reference_date="2025-11-30").events] == [date(2025, 11, 30)]
