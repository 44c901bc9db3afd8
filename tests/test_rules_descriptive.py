"""Planted cases for what an event's action, location and kind read, one rule each (ANNOTATION.md, "Event")."""

from __future__ import annotations

import pytest

from digestllm import extract
from digestllm.rules.kinds import kind_of
from digestllm.schemas import Event, EventKind


def only_event(text: str) -> Event:
    [event] = extract(text, reference_date="2023-09-30").events
    return event


NOT_CHECKED = "not checked"
# (what the case plants, the text, the action, the location, the kind)
CASES = [
    (
        "a bare 出席 takes the occasion the section convened",
        "9月23日,我县在政府二楼会议室召开巩固衔接重点工作调度会。副县长李晋平出席,各乡镇分管负责人参加会议。",
        "召开巩固衔接重点工作调度会",
        "政府二楼会议室",
        EventKind.MEETING,
    ),
    (
        "参加了视察活动 is the inspection told before",
        "12月12日,县人大常委会组织人大代表视察2024年全县重点工程和民生实事。县人大常委会主任李学良参加了视察活动。",
        "视察2024年全县重点工程和民生实事",
        None,
        EventKind.INSPECTION,
    ),
    (
        "what an occasion is held in is its place, suffix or not",
        "4月1日上午,襄阳市重大项目集中开工仪式在宜城举行。市委书记王祺扬出席并宣布开工。",
        "出席并宣布开工",
        "宜城",
        EventKind.CEREMONY,
    ),
    (
        "a time in the place's slot is no place",
        "9月25日,市委书记张三在随后召开的座谈会上讲话。",
        NOT_CHECKED,
        None,
        EventKind.MEETING,
    ),
    (
        "a stop list ending in 等地 is the place, the activity follows it",
        "9月26日,县长李四前往黄集镇、龙山镇等地调研秋收工作。",
        "调研秋收工作",
        "黄集镇、龙山镇等地",
        EventKind.INSPECTION,
    ),
    (
        "a place word before 的 describes the place it leads to",
        "9月26日,县长李四深入同为重点县的田林县、西林县调研。",
        NOT_CHECKED,
        "田林县、西林县",
        EventKind.INSPECTION,
    ),
    (
        "an action naming no kind takes the kind of the day's occasion",
        "3月1日上午,全县重点项目集中开工仪式隆重举行。县委书记张三出席并宣布:项目开工!",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.CEREMONY,
    ),
    (
        "a post (人大常委会主任) names no meeting",
        "2月18日,自治区党委书记、人大常委会主任梁言顺出席并宣布:宁夏重大项目集中开工!",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.CEREMONY,
    ),
    (
        "of one event told twice, the action with an object",
        "11月15日,省扶贫办主任史文斌一行到我县调研。史文斌一行先后来到儒里村、斜溪村等地调研脱贫攻坚工作。",
        "调研脱贫攻坚工作",
        NOT_CHECKED,
        EventKind.INSPECTION,
    ),
    (
        "a banquet for guests is a reception",
        "8月27日,清远市委市政府设宴欢迎考察团一行。清远市长江凌出席宴会。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.RECEPTION,
    ),
    (
        "a venue (主会场) names no kind: the day's occasion does",
        "2月18日上午,自治区举行重大项目集中开工。自治区领导雷东生在主会场参加。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.CEREMONY,
    ),
    (
        "talks with a visiting party are a reception",
        "1月22日,旗委书记姚宏刚与骐骥国际马术俱乐部有限公司董事长周坤一行座谈交流。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.RECEPTION,
    ),
    (
        "a post word running into a place name is no person (湖南省长沙市)",
        "6月8日晚,论坛在湖南省长沙市隆重开幕。云浮市委副书记、市长欧真志率领云浮市分团100多人参会。",
        "参会",
        "湖南省长沙市",
        EventKind.MEETING,
    ),
    (
        "what is done before an occasion is its time, not its place (在…后闭幕)",
        "12月27日,大会在圆满完成各项议程后胜利闭幕。区委书记孙章华主持大会闭幕式。",
        NOT_CHECKED,
        None,
        NOT_CHECKED,
    ),
    (
        "a time where a place would stand is none (在任期内)",
        "1月21日,政务司司长林郑月娥出席例会后说,在任期内会继续区访。",
        NOT_CHECKED,
        None,
        NOT_CHECKED,
    ),
    (
        "only a level's head runs into a place name: 部长高虎城 is a person",
        "4月26日,行政长官梁振英在北京与国家商务部长高虎城会面。",
        NOT_CHECKED,
        "北京",
        NOT_CHECKED,
    ),
    (
        "the body called on is the place, and calling on it talks with outsiders (拜会…政府)",
        "8月26日,山东省广饶县县长田和友拜会台南市政府。",
        "拜会台南市政府",
        "台南市政府",
        EventKind.RECEPTION,
    ),
    (
        "a numbered school is a site (桑植一中)",
        "12月20日,县委书记曹飞来到桑植一中,宣讲党的十九届六中全会精神。",
        "宣讲党的十九届六中全会精神",
        "桑植一中",
        EventKind.LECTURE,
    ),
    (
        "来 leads to the writer's own place (来我市), and to no other (今年以来全县)",
        "今年以来全县完成造林。8月4日,宁夏党政代表团一行来我市参观考察,市委书记杨根生陪同。",
        NOT_CHECKED,
        "我市",
        NOT_CHECKED,
    ),
    (
        "speaking at an occasion (在签约仪式上说) is taking part in the occasion told before",
        "1月14日,扬州广陵举行重大项目集中签约仪式。广陵区委书记张伟在签约仪式上说,全力支持保障重大项目顺利推进。",
        "举行重大项目集中签约仪式",
        None,
        EventKind.CEREMONY,
    ),
    (
        "开工项目 is the projects, not an activity",
        "3月2日,县长李明来到县城开工项目现场,调研项目建设。",
        "调研项目建设",
        NOT_CHECKED,
        EventKind.INSPECTION,
    ),
    (
        "a place may hold a parenthesis (高速公路沙洋(高阳)出口)",
        "1月31日晚,县委书记陈威一行先后来到高速公路沙洋(高阳)出口、官垱镇五星社区集中隔离医学观察点等地,慰问执勤公安干警。",
        "慰问执勤公安干警",
        "高速公路沙洋(高阳)出口、官垱镇五星社区集中隔离医学观察点等地",
        EventKind.VISIT,
    ),
    (
        "a parenthesis closing a place is part of it (县医院(新院区))",
        "3月2日,县长李明到县医院(新院区)检查。",
        "检查",
        "县医院(新院区)",
        EventKind.INSPECTION,
    ),
    (
        "参加活动 is taking part in the activity the item told before",
        "12月31日下午,人大代表和政协委员们集中视察参观循环产业园等重点项目,实地感受新成果。"
        "县人大常委会主任高明哲,副县长刘庆海参加活动。",
        "参观循环产业园等重点项目",
        NOT_CHECKED,
        EventKind.INSPECTION,
    ),
    (
        "落到实处 is no place",
        "2月1日,区委书记李吉龙入户慰问困难家庭,要求把各项政策落到实处。",
        NOT_CHECKED,
        None,
        EventKind.VISIT,
    ),
    (
        "每到一处 is no place",
        "2月1日,县委书记侯桂宁看望慰问困难群众。每到一处,侯桂宁都详细了解他们的生活状况。",
        "看望慰问困难群众",
        None,
        EventKind.VISIT,
    ),
    (
        "a place told in a later sentence of the same visit is its place (在县中心敬老院,…)",
        "1月20日,县委书记周锦政走访慰问困难党员。在县中心敬老院,周锦政看望慰问集中供养老人。",
        NOT_CHECKED,
        "县中心敬老院",
        EventKind.VISIT,
    ),
    (
        "a verb that begins a site's name does not end the place (检查点)",
        "1月31日,县长王明来到广安东高速路口检查点,慰问执勤人员。",
        "慰问执勤人员",
        "广安东高速路口检查点",
        EventKind.VISIT,
    ),
    (
        "a word that only ends like a place word is none, trimmed or not (深入定点帮扶的…)",
        "11月21日上午,县人大主任张孝木深入定点帮扶的部官乡调研指导脱贫攻坚工作。",
        "调研指导脱贫攻坚工作",
        None,
        EventKind.INSPECTION,
    ),
    (
        "talks with a company's chairman are a reception",
        "12月9日,县委书记王宏伟与来绛考察的苏州盛世十月软件技术有限公司董事长梅梅举行工作座谈。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.RECEPTION,
    ),
    (
        "the needy households visited are no place (走访慰问贫困户)",
        "3月2日,县长李明走访慰问贫困户。",
        "走访慰问贫困户",
        None,
        EventKind.VISIT,
    ),
    (
        "a place never holds a day (…3月21日、22日到滑县和安阳)",
        "3月2日,省委书记王国生3月21日、22日到滑县和安阳调研。",
        NOT_CHECKED,
        "滑县和安阳",
        EventKind.INSPECTION,
    ),
    (
        "瞻仰 is an activity of a field trip",
        "8月31日上午,安徽省委书记李锦斌专程来到金寨县鄂豫皖革命纪念园,瞻仰红25军军政机构旧址。",
        "瞻仰红25军军政机构旧址",
        "金寨县鄂豫皖革命纪念园",
        EventKind.INSPECTION,
    ),
    (
        "调度 is an activity",
        "4月9日,旗委常委、副旗长白洋调度旗级领导包联重大项目相关事宜。",
        "调度旗级领导包联重大项目相关事宜",
        None,
        NOT_CHECKED,
    ),
    (
        "a verb of calling on takes those 向 names before it (向…职工拜年)",
        "2月3日,政法委书记林宏坤来到伊春交警支队,向节日期间坚守一线的职工拜年。",
        "向节日期间坚守一线的职工拜年",
        "伊春交警支队",
        EventKind.VISIT,
    ),
    (
        "talks take those 与 names before them, and their kind is the verb's (与调研组一行座谈)",
        "3月2日,县长李明与调研组一行座谈。",
        "与调研组一行座谈",
        None,
        EventKind.RECEPTION,
    ),
    (
        "在…陪同下 is what another did; the activity follows",
        "8月18日,镇江市委常委李健在有关负责人陪同下考察澳门中华总商会。",
        "考察澳门中华总商会",
        NOT_CHECKED,
        NOT_CHECKED,
    ),
    (
        "a place written as its one-character short name (来勉考察)",
        "10日,原全国政协主席贾庆林来勉考察,县委书记马大勇陪同。",
        "考察",
        "勉",
        EventKind.INSPECTION,
    ),
    (
        "在滁 is a place; 来滁考察的 is the guest's journey",
        "11月7日下午,市长许继伟在滁亲切会见了来滁考察的晶科能源有限公司董事长李仙德一行。",
        NOT_CHECKED,
        "滁",
        EventKind.RECEPTION,
    ),
    (
        "来访 and 在此 are no places, nor 在港上市",
        "3月2日,县长李明在此接待来访群众,了解过百间企业在港上市情况。",
        NOT_CHECKED,
        None,
        NOT_CHECKED,
    ),
    (
        "the chamber a delegation visits is its place (访问…总商会)",
        "5月29日,聊城市委副书记、市长张百顺一行八人访问澳门中华总商会,受到该会副理事长莫志伟等的热情接待。",
        NOT_CHECKED,
        "澳门中华总商会",
        NOT_CHECKED,
    ),
    (
        "leaders named by a word (领导, 负责人) are no place; the place after them is",
        "3月2日,区委书记李明和区直相关单位负责人在我区分会场收看会议。",
        NOT_CHECKED,
        "我区分会场",
        NOT_CHECKED,
    ),
    (
        "a city written without its level word is a place (在济南会见)",
        "9月7日,山东省委副书记刘伟在济南会见了花莲县县长傅崐萁一行。",
        NOT_CHECKED,
        "济南",
        EventKind.RECEPTION,
    ),
    (
        "对 leads to the writer's own place (对我县进行视察)",
        "12月4日,县委书记李淑侠对我县进行年末集中视察。",
        NOT_CHECKED,
        "我县",
        EventKind.INSPECTION,
    ),
    (
        "a place may hold a quoted name (“2260”优质烟项目区)",
        "7月21日,县委书记吉向阳深入“2260”优质烟项目区调研烟叶生产工作。",
        "调研烟叶生产工作",
        "“2260”优质烟项目区",
        EventKind.INSPECTION,
    ),
    (
        "a word that ends like a place word is none (“十四五”开局)",
        "3月2日,县委书记申文霞主持召开常委会会议,指出全会是在“十三五”收官、“十四五”开局的关键节点召开的。",
        NOT_CHECKED,
        None,
        EventKind.MEETING,
    ),
    (
        "a light verb takes the topic 就 opened (就…情况进行检查)",
        "4月29日,县委书记曹文斌就“五一”节前安全生产情况进行检查。",
        "就“五一”节前安全生产情况进行检查",
        NOT_CHECKED,
        EventKind.INSPECTION,
    ),
    (
        "a guest's body and title stay inside the action (董事会主席 is no official)",
        "9月27日,市委书记王五会见香港新华集团董事会主席蔡冠深一行。",
        "会见香港新华集团董事会主席蔡冠深一行",
        None,
        EventKind.RECEPTION,
    ),
    (
        "转往 leads to a place, and a Hong Kong estate (邨) is one",
        "11月15日下午约4时,行政长官李家超转往观塘顺利邨探访住户。",
        "探访住户",
        "观塘顺利邨",
        EventKind.VISIT,
    ),
    (
        "a temple (宫) is a place",
        "2月3日,市长陈菊随后前往大寮保生宫参拜。",
        "参拜",
        "大寮保生宫",
        NOT_CHECKED,
    ),
    (
        "在场 is being there, no place",
        "5月4日,财政司司长曾俊华等莅临担任主礼嘉宾,在场亦有二百多名嘉宾及街坊出席。",
        NOT_CHECKED,
        None,
        NOT_CHECKED,
    ),
    (
        "颁发 is a ceremony",
        "3月23日,县长刘政鸿颁发三义乡长徐文达当选证书。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.CEREMONY,
    ),
    (
        "an official with his post after 会见了由 is the verb's object, and the action runs on through him",
        "3月16日,市委书记许宗衡会见了由扬州市委书记谢正义率领的扬州市党政代表团一行。",
        "会见了由扬州市委书记谢正义率领的扬州市党政代表团一行",
        NOT_CHECKED,
        EventKind.RECEPTION,
    ),
    (
        "发放 is an activity",
        "1月21日,镇长林嘉弘至虎尾分局发放过年红包。",
        "发放过年红包",
        "虎尾分局",
        NOT_CHECKED,
    ),
    (
        "a country is a place though no level word ends it",
        "6月17日,行政长官崔世安启程前往葡萄牙,展开官式访问。",
        NOT_CHECKED,
        "葡萄牙",
        NOT_CHECKED,
    ),
    (
        "a place runs to 和 when a person with his post follows",
        "1月16日,日光市长斋藤文夫在台南市政府和市长许添财举行签约仪式。",
        "举行签约仪式",
        "台南市政府",
        EventKind.CEREMONY,
    ),
    (
        "a council that holds a session today holds it in its own hall",
        "新竹县议会今天举行第20届第6次定期会,新竹县长杨文科率县府团队提出施政报告。",
        NOT_CHECKED,
        "新竹县议会",
        NOT_CHECKED,
    ),
    (
        "会勘 is an inspection",
        "12月10日,县长许淑华前往国姓乡会勘九件道路改善工程。",
        "会勘九件道路改善工程",
        "国姓乡",
        EventKind.INSPECTION,
    ),
    (
        "动土 is a ceremony",
        "4月2日,乡长江永和主持新建工程动土。",
        NOT_CHECKED,
        NOT_CHECKED,
        EventKind.CEREMONY,
    ),
    (
        "a verb before 之 names a thing, no activity (慰问之意)",
        "9月3日,县长翁章梁前往勘查修缮作业情形,并表达慰问之意。",
        "前往勘查修缮作业情形",
        NOT_CHECKED,
        NOT_CHECKED,
    ),
    (
        "巡视 is an inspection",
        "9月14日,市长黄敏惠再次巡视灾害应变中心,了解各地实际情形。",
        "巡视灾害应变中心",
        NOT_CHECKED,
        EventKind.INSPECTION,
    ),
    (
        "探访 is a visit",
        "9月27日,行政长官李家超探访居于钟屋村的侯婆婆。",
        "探访居于钟屋村的侯婆婆",
        NOT_CHECKED,
        EventKind.VISIT,
    ),
    (
        "a verb that begins a body's name (接待服务中心) is part of the place, not the action",
        "1月19日,县长胡玮来到县人民群众来访接待服务中心接待来访群众、研判信访案件。",
        "接待来访群众、研判信访案件",
        "县人民群众来访接待服务中心",
        EventKind.RECEPTION,
    ),
    (
        "a verb that begins a centre's name (研究中心) or ends a quoted title is no activity",
        "3月21日,城市学研究中心副主任陈跃就“城市群发展的对策研究”课题进行座谈。",
        "就“城市群发展的对策研究”课题进行座谈",
        NOT_CHECKED,
        EventKind.MEETING,
    ),
]


@pytest.mark.parametrize(("case", "text", "action", "location", "kind"), CASES, ids=[c[0] for c in CASES])
def test_planted_descriptive_fields(
    case: str, text: str, action: str | None, location: str | None, kind: EventKind | str
) -> None:
    event = only_event(text)
    if action != NOT_CHECKED:
        assert event.action == action
    if location != NOT_CHECKED:
        assert event.location == location
    if kind != NOT_CHECKED:
        assert event.kind is kind


def test_a_guest_body_is_no_official() -> None:
    result = extract("9月27日,市委书记王五会见香港新华集团董事会主席蔡冠深一行。", reference_date="2023-09-30")
    assert [official.name for official in result.officials] == ["王五"]


# (what the case plants, the text, the figure as written, its subject)
SUBJECT_CASES = [
    ("a noun after the figure", "全市共有343名农民工返岗。", "343名", "农民工"),
    ("一起 ends a subject", "刘建莉与26个单位负责人一起集中接待了来访群众。", "26个", "单位负责人"),
    ("人口: the unit's word is what is counted", "全县辖8镇2乡,30万人口。", "30万人", "人口"),
    (
        "a figure spaced from the words before it",
        "全市一般公共预算收入增长 6.8%,总量居前。",
        "6.8%",
        "一般公共预算收入",
    ),
    (
        "a project's figure measures what follows its name",
        "贵州大华科技有限公司建设项目总投资6600万元。",
        "6600万元",
        "总投资",
    ),
    (
        "以上 is the figure's own word; the subject is before it",
        "该合作社今年年产值预计能达100万元以上。",
        "100万元",
        "年产值",
    ),
    ("保持在 links the subject to the figure", "大豆产量保持在2000万吨以上。", "2000万吨", "大豆产量"),
    ("规模以上 inside a subject stays", "全市868户规模以上工业企业已复工。", "868户", "规模以上工业企业"),
    (
        "a count after a verb of doing counts those before it",
        "全市465家农业龙头企业已复工复产413家。",
        "413家",
        "农业龙头企业",
    ),
    ("an area after 收获 is of the crop before it", "全县玉米已收获56.48万亩。", "56.48万亩", "玉米"),
    ("the object of the verb before the figure", "省政协十二届一次会议共提出提案744件。", "744件", "提案"),
    ("支付 leads to what is paid", "该园去年为每个贫困村支付租金1.5万元。", "1.5万元", "租金"),
    ("带去了 leads to what is brought", "给每户群众带去了慰问金300元。", "300元", "慰问金"),
    ("the noun after 的 is what the figure measures", "区长李继龙将500元的慰问金亲手送到老人手中。", "500元", "慰问金"),
    ("于 after a figure begins no subject", "市长张百顺一行八人于五月二十九日访问澳门。", "八人", "一行"),
    ("a party led by a named official is counted as the party", "市长张百顺一行八人，访问澳门。", "八人", "一行"),
    ("a group named before 一行 is what is counted", "淄博考察团一行25人到台中参访。", "25人", "淄博考察团一行"),
    ("the next figure of a list has the first's subject", "两个项目总投资分别为2亿元和1.3亿元。", "1.3亿元", "总投资"),
    (
        "a count right after a count has its subject",
        "村内常住农牧民122户422人,均为哈萨克族。",
        "422人",
        "村内常住农牧民",
    ),
    ("a total before a figure and 的 is what it counts", "其中,总投资5.5亿元的牧原养殖项目开工。", "5.5亿元", "总投资"),
    ("投资 and 的: the project after it", "计划投资1.2亿元的台玻技改项目,已开工。", "1.2亿元", "台玻技改项目"),
    ("签约 stays in 签约项目", "此次共计12个签约项目,主要涉及木制品。", "12个", "签约项目"),
    ("a village is a subject of one character", "全镇三个村参加评比。", "三个", "村"),
    ("a level's other name in brackets stays", "全县21个乡镇（办事处）参加评比。", "21个", "乡镇（办事处）"),
    ("the bracketed level and its people", "表彰了11名优秀村(居)书记、主任。", "11名", "优秀村(居)书记"),
    ("由 begins a predicate after the subject", "一行八人代表团由副省长率领。", "八人", "代表团"),
    ("抵 begins a predicate after the subject", "市长率500人参访团抵台。", "500人", "参访团"),
    ("a bracket after no level ends the subject", "慰问82岁的刘奶奶（见图）。", "82岁", "刘奶奶"),
    ("an adverb after the subject ends it (先后)", "8家企业负责人先后发言。", "8家", "企业负责人"),
    ("开工建设 leads to what is built", "开工建设重庆天坤等项目20个。", "20个", "重庆天坤等项目"),
    ("a clause before 的 keeps its verb", "办理结果为:列入计划逐步解决的232件。", "232件", "列入计划逐步解决"),
]


@pytest.mark.parametrize(("case", "text", "raw", "subject"), SUBJECT_CASES, ids=[c[0] for c in SUBJECT_CASES])
def test_planted_subjects(case: str, text: str, raw: str, subject: str) -> None:
    [metric] = [metric for metric in extract(text, reference_date="2023-09-30").metrics if metric.raw == raw]
    assert metric.subject == subject


def test_an_attending_verb_refers_to_its_own_digest_item() -> None:
    text = (
        "◆10月23日上午,我区召开校园安全建设工作座谈会。区委常委梁甲猛出席会议。\n"
        "◆10月24日,市统计局副局长李士营带队到曲堤街道开展执法检查,副区长陈潇参加活动。"
    )
    actions = {e.officials[0]: e.action for e in extract(text, reference_date="2023-10-30").events}
    assert actions["梁甲猛"] == "召开校园安全建设工作座谈会"
    assert "座谈会" not in (actions.get("陈潇") or actions["李士营"])


def test_an_attending_verb_stays_in_its_own_dated_line_of_a_chronicle() -> None:
    text = (
        "7月\n1日 开福区召开全区防汛工作部署会。代区长高伟出席并讲话。\n"
        "2日 代区长高伟率队深入浏阳河街道,实地调研街道经济发展情况。区领导朱江、杨光华参加。\n"
    )
    first, second = extract(text, reference_date="2021-10-11").events
    assert (first.action, first.kind) == ("召开全区防汛工作部署会", EventKind.MEETING)
    assert second.officials == ["高伟", "朱江", "杨光华"]
    assert (second.action, second.kind) == ("调研街道经济发展情况", EventKind.INSPECTION)


def test_what_an_official_said_after_the_activity_is_not_its_action() -> None:
    text = (
        "近日,区委书记董可到明珠工业园调研。\n董可强调,要落实中央经济工作会议精神以及省、市工作部署要求。\n"
        "区领导谢钦伟、徐东川参加调研。"
    )
    [event] = extract(text, reference_date="2024-11-20").events
    assert (event.officials, event.action, event.location) == (["董可", "谢钦伟", "徐东川"], "调研", "明珠工业园")


def test_a_verb_before_会上_is_a_meeting_not_an_activity() -> None:
    text = "9月18日,普安县县长高振敏一行来我市学习考察。在座谈会上,市长阮建尧表示欢迎。"
    actions = [event.action for event in extract(text, reference_date="2014-09-19").events]
    assert actions and "座谈会上" not in actions


def test_the_place_an_occasion_is_held_in_holds_for_the_days_later_sentences() -> None:
    text = (
        "中国甘肃网3月27日讯 据甘肃日报报道(新甘肃·甘肃日报记者 尤婷婷)省十三届人大常委会第九次会议今天在兰州召开,"
        "会议由省委书记、省人大常委会主任林铎主持。\n省人大常委会副主任王玺玉、马青林,秘书长张建昌出席会议。"
    )
    events = extract(text, reference_date="2019-03-27").events
    assert {name for event in events for name in event.officials} == {"林铎", "王玺玉", "马青林", "张建昌"}
    assert {event.location for event in events} == {"兰州"}
    assert not any("报道" in (event.action or "") for event in events)  # no byline in an action


def test_a_topic_is_no_place() -> None:
    [event] = extract("3月2日,区委书记李明调研,要求在现代农业、旅游业等方面加强与山东的合作。").events
    assert event.location is None


def test_a_city_made_a_slogan_is_no_place_but_a_city_named_so_is() -> None:
    [event] = extract("3月2日,市委书记李明在践行人民城市理念上作表率。", reference_date="2021-03-03").events
    assert event.location is None
    [event] = extract("3月19日,省长刘国中在白城市调研脱贫攻坚工作。", reference_date="2017-03-20").events
    assert event.location == "白城市"


def test_a_place_ends_before_对_and_what_is_done_to_whom_and_taiwan_schools_are_places() -> None:
    text = "6月27日,团县委书记郑巧来到江南乡连兴村对困难党员群众家庭进行走访慰问。"
    [event] = extract(text, reference_date="2019-06-28").events
    assert event.location == "江南乡连兴村"
    [event] = extract("今天(11月1日)乡长沈清山专程前往壮围国中颁发奖学金。", reference_date="2019-11-01").events
    assert event.location == "壮围国中"


def test_an_items_mark_is_no_part_of_its_occasion() -> None:
    text = "6月1日 副市长李明陪同考察。\n△ 全市电力设施保护工作会议召开,副市长陈颖出席会议并讲话。"
    actions = [event.action for event in extract(text, reference_date="2008-06-30").events]
    assert actions == ["考察", "全市电力设施保护工作会议"]


def test_a_verb_that_describes_the_next_official_is_not_the_first_ones_action() -> None:
    text = "10月16日,县委书记胡刚,在遂督查有关工作的省信访局二级巡视员董仁白在县会议中心集中收看开幕会直播。"
    actions = {event.action for event in extract(text, reference_date="2022-10-17").events}
    assert not any(action and action.startswith("督查") for action in actions)


def test_a_verbs_object_through_的_stays_at_a_lines_end() -> None:
    [event] = extract("3月2日,县长李明调研全县的重点项目建设情况\n下一行", reference_date="2023-03-03").events
    assert event.action == "调研全县的重点项目建设情况"


def test_what_a_cited_speech_was_given_at_is_no_action() -> None:
    text = (
        "5月25日,区党工委书记陈晓华主持会议。会上,区党工委副书记许俊丽领学了习近平总书记在福建、广西考察调研时的重要讲话精神,"
        "并就学习内容进行了研讨发言。"
    )
    actions = [event.action for event in extract(text, reference_date="2021-05-26").events]
    assert not any(action and "考察调研" in action for action in actions)
    doctrine = "9月7日,特区政府官员随市长访问广州,了解国家主席习近平亲自谋划、亲自部署、亲自推动的国家战略。"
    assert not any("部署" in (e.action or "") for e in extract(doctrine, reference_date="2018-09-10").events)


def test_where_a_session_closes_is_its_place() -> None:
    text = "1月8日,自治区人大常委会第七次会议于今天下午在拉萨闭幕。自治区人大常委会主任列确主持会议并讲话。"
    [event] = extract(text, reference_date="2009-01-08").events
    assert event.location == "拉萨"


def test_a_place_holds_no_people_and_an_occasion_held_somewhere_is_no_place() -> None:
    text = "3月26日,区委书记方丹青等区四套班子在家领导以及区直相关单位负责人在我区分会场参加视频连线。"
    [event] = extract(text, reference_date="2020-03-27").events
    assert event.location is None or "领导" not in event.location
    held = "8月20日,推介会在海口成功举办,民革中央社会服务部经济处处长何鹏带领企业家考察。"
    [event] = extract(held, reference_date="2024-08-21").events
    assert event.location == "海口"


def test_a_dated_going_takes_the_activity_told_undated_before() -> None:
    text = (
        "中秋来临之际,镇党委书记解治国带队走访慰问贫困户。\n"
        "9月29日下午3时,解治国同志来到郭庄村贫困户左运奎家中,送上米、面等慰问品。"
    )
    [event] = extract(text, reference_date="2020-09-30").events
    assert event.action == "走访慰问贫困户"
    assert event.kind is EventKind.VISIT


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("主持召开投资考察座谈会", EventKind.MEETING),  # the occasion's last word names it, not 考察 inside it
        ("主持召开汉台区人大常委会代表建议督办会", EventKind.MEETING),  # a light verb's 会
        ("主持签约仪式", EventKind.CEREMONY),
        ("主持召开全县防汛检查工作会议", EventKind.MEETING),
        ("出席开幕式", EventKind.CEREMONY),  # an opening ceremony, not a session's opening
        ("走访调研重点项目建设及企业生产运营情况", EventKind.INSPECTION),  # going to see work, not people
        ("走访慰问困难群众", EventKind.VISIT),
        ("宣布大会开幕", EventKind.MEETING),
        ("出席欢迎晚宴", EventKind.RECEPTION),  # a banquet receives its guests
        ("出席咨询会并致词", EventKind.MEETING),  # 咨询会, 茶话会, 团拜会, 推介会 …: meetings
        ("召开2024年全市对台工作推介会", EventKind.MEETING),
        ("赴三市镇一线督战防汛抗灾", EventKind.INSPECTION),
    ],
)
def test_a_light_verbs_occasion_is_named_by_its_last_word(action: str, kind: EventKind) -> None:
    assert kind_of(action, [(0, len(action))]) is kind


def test_a_government_work_report_is_the_sessions_business_and_holds_no_作报告() -> None:
    text = "1月30日上午,市人民代表大会在求是会堂开幕,市长陈志清在会上作政府工作报告。"
    [event] = extract(text, reference_date="2024-01-31").events
    assert (event.action, event.kind) == ("作政府工作报告", EventKind.MEETING)


def test_here_is_the_place_the_sentence_told_before() -> None:
    text = "2月14日,县文化馆会议室华灯璀璨,县第十五届人民代表大会第五次会议在这里隆重开幕。会议由县人大主任龙义立主持。"
    [event] = extract(text, reference_date="2019-02-15").events
    assert event.location == "县文化馆会议室"


def test_an_official_received_is_the_verbs_object_and_stays_in_the_action() -> None:
    text = "台中市副市长黄国荣率参访团到淄博交流。\n3月18日下午,淄博市委书记周清利在淄博齐盛宾馆亲切会见了黄国荣一行。"
    dated = [e for e in extract(text, reference_date="2014-03-21").events if e.date is not None]
    assert [(e.officials, e.action) for e in dated] == [(["周清利", "黄国荣"], "会见了黄国荣一行")]


def test_a_countys_short_name_before_an_activity_is_its_place() -> None:
    [event] = extract("8月12日,市长罗文江在吉水调研工业发展。", reference_date="2022-08-13").events
    assert event.location == "吉水"
    [event] = extract("9月28日,县委书记李景宽在独山与中科电力董事长会谈交流。", reference_date="2021-09-29").events
    assert event.location == "独山"


def test_who_only_went_along_did_so_where_the_activity_was() -> None:
    text = "7月8日,常宁市市委书记曾义国、市长李涛率党政代表团来我县考察调研重点项目工程。雷高飞、王燕等党政领导陪同。"
    events = extract(text, reference_date="2015-07-09").events
    assert [(e.action, e.location) for e in events] == [("考察调研重点项目工程", "我县"), ("陪同", "我县")]


def test_a_place_named_between_来_and_the_activity_is_its_place() -> None:
    text = "8月20日下午,上海市台协永续农业工作委员会副主委刘文裕一行来上饶县考察现代农业。"
    [event] = extract(text, reference_date="2016-08-30").events
    assert event.location == "上饶县"
    text = "3月2日,县长王明调研时指出,多年来全县调研成果丰硕。"  # 以来, 多年来: no journey
    assert [e.location for e in extract(text, reference_date="2016-03-03").events] == [None]


def test_a_hong_kong_or_macau_papers_假_before_a_place_and_举行_is_where_it_was_held() -> None:
    text = "1月26日,副局长龚志明出席欢迎宴会。宴会昨日中午十二时假凯旋门酒店凯旋轩举行,议员郑安庭出席。"
    events = extract(text, reference_date="2021-01-27").events
    assert "凯旋门酒店凯旋轩" in {e.location for e in events}
    text = "5月1日,校长王明说,学校放假举行活动。"  # 放假: a holiday, no place
    assert all(e.location is None for e in extract(text, reference_date="2021-05-02").events)


def test_the_site_a_tour_or_call_goes_to_is_its_place_and_a_topic_after_考察_is_none() -> None:
    text = "4月9日,市委书记陈明考察海洋公园。"
    assert [e.location for e in extract(text, reference_date="2012-04-10").events] == ["海洋公园"]
    text = "11月15日,局长林世雄探访钟屋村的长者。"  # the village of the people it calls on
    assert [e.location for e in extract(text, reference_date="2023-11-16").events] == ["钟屋村"]
    text = "4月9日,市委书记陈明考察乡村振兴工作。"  # a topic: no place
    assert [e.location for e in extract(text, reference_date="2012-04-10").events] == [None]


def test_the_subject_starts_after_a_verb_that_raised_cleared_or_handled_what_the_figure_counts() -> None:
    text = "针对村集体薄弱等困难,村党支部书记邓彦发想法设法筹措资金15万元。镇里共清理垃圾800余处。"
    subjects = {m.raw: m.subject for m in extract(text, reference_date="2012-05-01").metrics}
    assert subjects == {"15万元": "资金", "800余处": "垃圾"}


def test_regions_a_piece_of_work_was_done_on_are_its_place_but_a_topic_is_not() -> None:
    text = "5月28日,副主任吴峰枫带队第三执法检查组分别对锡山区、新吴区进行了水污染防治法执法检查。"
    assert [e.location for e in extract(text, reference_date="2019-06-01").events] == ["锡山区、新吴区"]
    text = "9月6日,副区长李延潮对汉台区创建全国科普示范区进行实地检查验收。"  # a campaign, not a region
    assert [e.location for e in extract(text, reference_date="2022-09-07").events] == [None]


def test_a_place_ends_before_就_and_the_matter_taken_up_there() -> None:
    text = "5月3日,副主任杜金卿到我市就《食品安全法》贯彻实施情况进行执法检查。"
    assert [e.location for e in extract(text, reference_date="2016-05-05").events] == ["我市"]


def test_a_road_section_is_a_place_and_a_stage_is_none() -> None:
    text = "7月30日,副县长王奎带领民警分别在301省道官桥段、311国道杜楼段设卡检查。"
    assert [e.location for e in extract(text, reference_date="2013-07-31").events] == ["301省道官桥段、311国道杜楼段"]
    text = "7月30日,副县长王奎在关键阶段召开会议。"
    assert [e.location for e in extract(text, reference_date="2013-07-31").events] == [None]


def test_meeting_someone_会面_or_见面_is_a_reception_and_a_见面会_a_meeting() -> None:
    text = "3月5日,行政长官梁振英与港区人大代表会面。"
    assert [e.kind for e in extract(text, reference_date="2014-03-06").events] == [EventKind.RECEPTION]
    text = "3月5日,市长王明出席企业家见面会。"
    assert [e.kind for e in extract(text, reference_date="2014-03-06").events] == [EventKind.MEETING]


def test_及_splits_what_is_counted_from_a_name_before_it_but_not_inside_a_word() -> None:
    text = "会议应到秘书长张建昌及委员54人。全县普及率达到98%。"
    subjects = {m.raw: m.subject for m in extract(text, reference_date="2019-03-28").metrics}
    assert subjects == {"54人": "委员", "98%": "普及率"}


def test_a_case_handled_levels_alone_and_the_front_line_are_no_places() -> None:
    text = "12月15日,检察长周士榆主持会议,他表示在各类刑案侦办上维持极高的正确性。"
    assert [e.location for e in extract(text, reference_date="2025-12-16").events] == [None]
    text = "1月6日,政法委书记孙起鹏深入一线慰问执勤民警。"
    assert [e.location for e in extract(text, reference_date="2022-01-07").events] == [None]
    text = "1月6日,区委书记黄伟深入重大项目一线调研。"
    assert [e.location for e in extract(text, reference_date="2024-01-07").events] == ["重大项目一线"]


def test_calling_on_someone_拜访_is_a_visit() -> None:
    text = "4月10日,县长周一岳拜访四川省卫生厅。"
    assert [e.kind for e in extract(text, reference_date="2012-04-11").events] == [EventKind.VISIT]


def test_a_comparison_with_the_same_period_before_a_rate_leaves_its_subject() -> None:
    text = "7月以来,全县降水量比正常平均同期偏少24%。"
    assert [m.subject for m in extract(text, reference_date="2013-08-07").metrics] == ["降水量"]


def test_the_guests_journey_after_a_verb_of_receiving_is_not_where_they_were_received() -> None:
    text = "6月23日,市侨办副主任陶国丰会见了来沪访问的三江公会代表团一行。"
    assert [e.location for e in extract(text, reference_date="2017-06-24").events] == [None]
    text = "6月23日,市侨办副主任陶国丰来沪考察。"
    assert [e.location for e in extract(text, reference_date="2017-06-24").events] == ["沪"]


def test_those_who_joined_in_together_are_not_part_of_the_action() -> None:
    text = "3月12日,县委书记王明与社区志愿者、幼儿园师生等500多人一起参加义务植树活动。"
    assert [e.action for e in extract(text, reference_date="2021-03-13").events] == ["参加义务植树活动"]


def test_a_line_of_thought_ending_in_路_is_no_place() -> None:
    text = "12月18日,区委书记施德林在座谈会上就存在问题和乡村振兴发展思路进行交流。"
    assert [e.location for e in extract(text, reference_date="2020-12-19").events] == [None]


def test_what_is_held_is_the_meeting_its_phrase_ends_with_but_not_a_union() -> None:
    text = "11月23日,县政协副主席袁长青开展党的二十大精神宣讲暨界别委员民情民智座谈会。"
    assert [e.kind for e in extract(text, reference_date="2022-11-24").events] == [EventKind.MEETING]


def test_an_opening_or_unveiling_ceremony_is_a_ceremony_not_a_sessions_opening() -> None:
    text = "9月12日,政务司司长林郑月娥出席相片展开幕礼。"
    assert [e.kind for e in extract(text, reference_date="2015-09-13").events] == [EventKind.CEREMONY]
    text = "5月1日,省委书记赵洪祝宣布杭州湾跨海大桥正式通车。"
    assert [e.kind for e in extract(text, reference_date="2008-05-02").events] == [EventKind.CEREMONY]


def test_a_talk_given_to_others_is_a_lecture() -> None:
    text = "3月5日,市委副书记王明作专题辅导,全体干部聆听。"
    assert [e.kind for e in extract(text, reference_date="2019-03-06").events] == [EventKind.LECTURE]


def test_gifts_handed_over_are_a_visit_and_a_launch_a_ceremony() -> None:
    text = "10月3日,乡长陈进光亲自前往长者家中致赠重阳敬老金及礼券。"
    assert [e.kind for e in extract(text, reference_date="2016-10-04").events] == [EventKind.VISIT]
    text = "5月1日,市长王明宣布文旅活动周正式启动。"
    assert [e.kind for e in extract(text, reference_date="2020-05-02").events] == [EventKind.CEREMONY]


def test_a_return_visit_回访_is_a_visit() -> None:
    text = "9月15日,原第一书记傅开棋深入帮扶村开展回访工作。"
    assert [e.kind for e in extract(text, reference_date="2021-09-16").events] == [EventKind.VISIT]


def test_the_subject_starts_after_what_has_it() -> None:
    text = "5月4日,县长王明了解到合作社现有社员300余名。"
    assert [m.subject for m in extract(text, reference_date="2020-05-05").metrics] == ["社员"]
