"""Metrics: values normalised, units kept, and what is never a metric."""

from __future__ import annotations

import pytest

from digestllm import extract
from digestllm.numbers import parse_number


def metrics(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in extract(text, reference_date="2020-03-02", mode="rules").metrics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月27日,廣安區343名農民工乘坐專列抵達湖州。", [(343, "名")]),
        ("申報貸款融資需求7600萬元,有效推動企業達產達效。", [(76_000_000, "元")]),
        ("全区83户规上企业全部有序复工复产。", [(83, "户")]),
        ("鄰水縣共包裝儲備項目150個、總投資235億元。", [(150, "個"), (23_500_000_000, "元")]),
        ("932户规模以上工业企业已复工868户,复工率93.1%。", [(932, "户"), (868, "户"), (93.1, "%")]),
        ("全市超1.5万家企业复工,返岗超25万人。", [(15_000, "家"), (250_000, "人")]),
        ("总投资近40亿元的项目开工。", [(4_000_000_000, "元")]),
        ("連續30天無新增確診病例,連續17天無新增疑似病例。", [(30, "天"), (17, "天")]),
        ("出臺十項激勵措施。", [(10, "項")]),
        ("共有一百二十名志愿者参与。", [(120, "名")]),
        ("完成投资百分之八十五。", [(85, "%")]),
        ("全区８３户规上企业复工。", [(83, "户")]),
        ("其中超亿元项目 287 个、增长 90%。", [(287, "个"), (90, "%")]),  # a figure spaced from its unit
        ("总计发放对象有1万3,773人。", [(13_773, "人")]),  # a magnitude and the rest
        ("项目总投资12亿5000万元。", [(1_250_000_000, "元")]),
        ("接待来访群众30件次。", [(30, "件次")]),
        ("龙港镇现有工业 2130 多家。", [(2130, "家")]),  # a space before 多
        ("率十位乡镇市长访问义大利。", [(10, "位")]),
        ("累计降雨量达170.7毫米,调运帐篷400顶、矿泉水2万瓶。", [(170.7, "毫米"), (400, "顶"), (20_000, "瓶")]),
        ("总经费4千余万元的工程。", [(40_000_000, "元")]),  # 4千多万元: some 4,000 万元
        ("投资3百多万元。", [(3_000_000, "元")]),
        ("工程经费1亿2000万,县府配合。", [(120_000_000, "元")]),  # money that leaves out its 元
        ("斥资1亿1,650万改善码头。", [(116_500_000, "元")]),
        ("拥有超过800亿的农业产值。", [(80_000_000_000, "元")]),
        ("全县有83万人民。", [(830_000, "人")]),  # a unit follows: no money
        ("他说要向上千万家庭宣传。", []),  # no word of money, none of value: no amount
    ],
)
def test_quantities_are_normalised(text: str, expected: list[tuple[float, str]]) -> None:
    assert metrics(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2月27日上午,28日下午,2018年4月以來。",  # dates and clock times
        "2020年是全面建成小康社会之年。",  # a year
        "召开第120次常务会议,十三届人大代表出席。",  # ordinals
        "調研廣鄰快速通道項目、省道208線等重點項目。",  # a road number
        "緊密結合“十四五”規劃,完成高灘園區“1123”規劃編制。",  # numbered names in quotes
        "堅持“三個一線”工作法,做到兩手抓、兩手硬,緊盯三大產業。",  # slogans
        "要认真落实“四个不摘”,户、卡、机三对照。",
        "千家万户受益,一手抓防控。",
        "召开103年第2次主管工作会报。",  # years of another calendar
        "发放对象为民国46年6月30日以前出生且于111年4月24日仍设籍者。",
        "研究了贯彻镇江市人民政府第 41 次专题会议纪要精神。",  # an ordinal spaced from its figure
    ],
)
def test_not_metrics(text: str) -> None:
    assert metrics(text) == []


def test_a_figure_repeated_for_the_same_subject_is_one_metric() -> None:
    text = "343名農民工抵達湖州\n\n2月27日,廣安區343名農民工乘坐專列抵達浙江省湖州市。"
    assert metrics(text) == [(343, "名")]


def test_the_same_figure_for_different_subjects_counts_twice() -> None:
    text = "篩選了30個重大項目。確保全年簽約落地項目30個。"
    assert metrics(text) == [(30, "個"), (30, "個")]


def test_a_statement_told_again_is_counted_once() -> None:
    text = "30个项目集中签约,计划总投资158.2亿元。张伟表示,此次签约的30个重大项目总投资158.2亿元。"
    assert metrics(text) == [(30, "个"), (15_820_000_000, "元")]


def test_subject_raw_and_evidence_point_at_the_text() -> None:
    text = "申報疫情防控重點保障企業4戶,申報貸款融資需求7600萬元。"
    result = extract(text, mode="rules")
    loan = result.metrics[1]
    assert (loan.raw, loan.subject) == ("7600萬元", "貸款融資需求")
    assert text[loan.evidence.start : loan.evidence.end] == "7600萬元"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("93.1", 93.1),
        ("一百二十", 120),
        ("1.5万", 15000),
        ("7600萬", 76_000_000),
        ("兩百", 200),
        ("１２", 12),
        ("1,234", 1234),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert float(parse_number(written)) == pytest.approx(value)


def test_parse_number_rejects_words() -> None:
    assert parse_number("abc") is None


def test_approximate_counts_keep_their_figure() -> None:
    assert metrics("共有2000余人参加,带动1.2万余人就业,三十余家企业入驻。") == [
        (2000, "人"),
        (12_000, "人"),
        (30, "家"),
    ]


def test_lone_hundreds_count_only_when_approximate_and_fixed_phrases_are_no_figures() -> None:
    assert metrics("百余名村党组织书记参加,千余人观看。") == [(100, "名"), (1000, "人")]
    assert metrics("县四家班子领导参加会议,百姓受益。") == []


def test_a_small_count_in_chinese_numerals_with_个_counts_things_not_slogans() -> None:
    assert metrics("坚持三个代表,做到两个确保。此次集中签约的十个项目投资大。") == [(10, "个")]


def test_an_anniversary_is_no_figure_but_weeks_are() -> None:
    assert metrics("庆祝中国共产党成立100周年大会召开。工期缩短了3周。") == [(3, "周")]


def test_a_figure_told_again_in_a_section_is_one_metric_when_the_subjects_agree() -> None:
    text = "21個重點項目開工建設,總投資22.3億元。此次集中開工的21個重點項目集中開工儀式隆重。"
    assert metrics(text) == [(21, "個"), (2_230_000_000, "元")]
    text = "新签约2个新能源类项目。另有2个新一代汽车技术项目落地。"
    assert metrics(text) == [(2, "个"), (2, "个")]  # 项目 alone is no shared subject


def test_a_session_number_is_no_figure() -> None:
    assert metrics("出席市七届人大五次会议福田代表团分组讨论。") == []


def test_a_headline_figure_is_the_bodys_figure_told_first() -> None:
    text = "達州集中開工73個項目 總投資308.9億\n3月26日,達州此次集中開工項目73個。"
    assert metrics(text) == [(73, "個"), (30_890_000_000, "元")]  # 308.9億: money that leaves out its 元


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("县长补助6千万元。", "6千万元", 60_000_000, "元"),  # 千万: ten million
        ("游客9万3千人。", "9万3千人", 93_000, "人"),  # the rest after 万 with its own 千
        ("总经费1亿620万余元。", "1亿620万余元", 106_200_000, "元"),  # the rest after 亿 in 万
        ("垫付预算总计5億3,882萬8千元。", "5億3,882萬8千元", 538_828_000, "元"),  # the rest in 万 and 千
        ("岁入为1,455 億 5,573萬3,000 元。", "1,455 億 5,573萬3,000 元", 145_555_733_000, "元"),  # spaced parts
        ("为期七天的官式访问。", "七天", 7, "天"),  # a span of days in a small Chinese numeral
        ("修缮2,217平方公尺。", "2,217平方公尺", 2217, "平方公尺"),  # Taiwan's square metre
        ("以3411票胜出。", "3411票", 3411, "票"),
        ("会勘十件野溪整治工程。", "十件", 10, "件"),  # 件 counts in a small Chinese numeral
        ("下匝道不需三分钟即可抵达。", "三分钟", 3, "分钟"),
        ("双方座谈3个小时。", "3个小时", 3, "小时"),  # 个小时: hours, not 3个
        ("新大楼地上4层,面积1647坪。", "4层", 4, "层"),
    ],
)
def test_figures_written_in_parts_and_taiwan_units(text: str, raw: str, value: int, unit: str) -> None:
    metric = extract(text, reference_date="2025-01-01", mode="rules").metrics[0]
    assert (metric.raw, metric.value, metric.unit) == (raw, value, unit)


def test_a_military_units_number_is_no_figure() -> None:
    assert extract("驻罗源73127部队官兵。", reference_date="2013-01-30", mode="rules").metrics == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("市府持续招商,可望创造1万个以上就业职缺。", "就业职缺"),  # past the figure's 以上, what it counts
        ("协议投资总额人民币六十八点三亿元。", "协议投资总额"),  # the currency before a figure is no subject
        ("会议由主任戴骅主持,委员共24人出席。", "委员"),  # 出席 after the figure is what they did, not who they are
    ],
)
def test_subjects_past_a_qualifier_and_before_a_currency(text: str, subject: str) -> None:
    [metric] = extract(text, reference_date="2025-01-01", mode="rules").metrics
    assert metric.subject == subject


@pytest.mark.parametrize(
    "text",
    ["公所于108年完成规划,107年提报计划。", "赴2013台湾灯会参访。", "办好两件大事,奋力书写新篇章。"],
)
def test_years_of_taiwan_papers_and_a_slogans_count_are_no_figures(text: str) -> None:
    assert extract(text, reference_date="2022-07-13", mode="rules").metrics == []


def test_hong_kong_dollars_megawatts_square_metres_seats_lamps_and_pictures_are_units() -> None:
    text = "总投资9500亿港元,装机20兆瓦,面积2000平米,议会36席,安装150盏路灯,展出26幅作品。"
    found = [(m.raw, float(m.value), m.unit) for m in extract(text).metrics]
    assert found == [
        ("9500亿港元", 9.5e11, "港元"),
        ("20兆瓦", 20.0, "兆瓦"),
        ("2000平米", 2000.0, "平米"),
        ("36席", 36.0, "席"),
        ("150盏", 150.0, "盏"),
        ("26幅", 26.0, "幅"),
    ]


def test_a_small_chinese_numeral_and_元_running_into_a_word_name_a_thing_not_money() -> None:
    text = "副省长李小鹏在长治三元煤业公司检查煤矿安全。"
    assert extract(text, reference_date="2011-01-01").metrics == []
    text = "每人发放五元钱,共计二十元的补助,另发慰问金五百元。"
    assert [m.value for m in extract(text, reference_date="2011-01-01").metrics] == [5, 20, 500]


def test_cases_counted_with_起_things_counted_with_个_and_no_figure_in_五一期间() -> None:
    text = (
        "全市法院对704起执行案件采取了措施,十个接访小组下到基层,检查了五个在建工程,"
        "做好五一期间交通管控,五个必须要落实。"
    )
    assert [(m.value, m.unit) for m in extract(text, reference_date="2018-05-01").metrics] == [
        (704, "起"),
        (10, "个"),
        (5, "个"),
    ]
    text = "大家一起参加义务植树活动。"
    assert extract(text, reference_date="2018-05-01").metrics == []


def test_a_speed_keeps_its_unit_and_the_months_after_a_year_are_no_figure_of_their_own() -> None:
    text = "桥梁全长126.08米,设计行车时速20公里/小时。大桥历时三年零七个月实现全桥贯通。"
    assert [(m.raw, m.unit) for m in extract(text, reference_date="2024-01-01").metrics] == [
        ("126.08米", "米"),
        ("20公里/小时", "公里/小时"),
    ]


def test_a_year_written_with_a_white_circle_for_zero_gives_no_figure() -> None:
    text = "1月29日,行政长官贺一诚致辞时表示,踏入二○二四年,澳门经济持续发展。"
    assert extract(text, reference_date="2024-01-30").metrics == []
