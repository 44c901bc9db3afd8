"""Word lists the rules match against, all in Simplified script (matching runs on the t2s copy).

They describe the language of the genre — Chinese surnames, the shape of public posts, the words
that follow a name — not any particular document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).with_name("data")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (so that 主持召开 wins over 主持)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def read_table(name: str) -> list[tuple[str, ...]]:
    """The rows of a tab-separated table in `data/`; `#` lines and blank lines are comments."""
    rows = []
    with open(DATA / name, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(line.rstrip("\n").split("\t")))
    return rows


def read_words(name: str) -> list[str]:
    """The words of a one-column list in `data/` (`#` lines and blank lines are comments)."""
    return [row[0] for row in read_table(name)]


# The ~400 most frequent single-character surnames and the common compound ones.
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成"
    "苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费"
    "卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国"
    "狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢"
    "嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习郄郗佴逄仉邴隗冼缑"
)
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "令狐",
        "慕容",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "轩辕",
        "闻人",
        "澹台",
        "公冶",
        "申屠",
        "太史",
    ]
)

# Characters never found inside a personal name in this genre: organ, post and function characters.
NON_NAME_CHARS = frozenset(
    "的了是与及等对到从被把将也都又就并而或其这那个们我你他她它您市县区省州镇乡村委局厅部党办记"
    "组室院处科员领导书副主任席号年日时分午晚早周今昨前后内外各每该此某第级届"
    "，,。、；;：:！!？?“”‘’\"'（）()《》【】[] \t\r\n…—-·•0123456789０１２３４５６７８９"
)

# Function characters that are also surnames (和, 于, 都…): never a surname where they stand before a name.
FUNCTION_CHARS = frozenset("的了在是和与及等对到从为被把将也都又就并而或之其这那个们我你他她它您由向于於但")

# Of those, the ones that are common surnames too: right after a post they start a name (县长向业顺, 副市长于洋).
SURNAMES_AFTER_A_POST = frozenset("向于")

# Speech verbs: with a day already told, the speaker took part in that day's event (a briefing, a meeting).
SPEECH_VERBS = ("介绍", "表示", "指出", "强调", "要求", "说")

# Words that start right after a name: verbs of the genre, particles, accompanying words.
# A name candidate that begins with one of them is no name ("县委书记强调" has no official 强调).
FOLLOWING_WORDS = (
    "主持",
    "主讲",
    "出席",
    "参加",
    "参与",
    "陪同",
    "随同",
    "一同",
    "一行",
    "一起",
    "带队",
    "率队",
    "率领",
    "带领",
    "深入",
    "前往",
    "来到",
    "走进",
    "走访",
    "到",
    "赴",
    "在",
    "对",
    "就",
    "向",
    "与",
    "和",
    "及",
    "同",
    "为",
    "以",
    "先后",
    "分别",
    "亲自",
    "专门",
    "专题",
    "实地",
    "详细",
    "仔细",
    "认真",
    "现场",
    "轻车简从",
    "第一时间",
    "强调",
    "指出",
    "要求",
    "表示",
    "希望",
    "认为",
    "提出",
    "说",
    "讲话",
    "致辞",
    "发言",
    "介绍",
    "通报",
    "部署",
    "调研",
    "检查",
    "督导",
    "督查",
    "视察",
    "考察",
    "看望",
    "慰问",
    "听取",
    "召开",
    "会见",
    "会晤",
    "宣布",
    "签署",
    "任组长",
    "担任",
    "兼任",
    "挂帅",
    "牵头",
    "负责",
    "同志",
    "等",
    "又",
    "也",
    "还",
    "则",
    "便",
    "即",
    "更",
    "指示",
    "批示",
    "讲",
    "作",
    "做",
    "进行",
    "到会",
    "莅临",
    "接见",
    "会同",
    "召集",
    "组织",
    "带头",
    "率先",
    "高度",
    "充分",
    "全面",
    "深刻",
    "代表",
    "获悉",
    "了解",
    "察看",
    "查看",
    "询问",
    "主抓",
    "督促",
    "点评",
    "会议",
    "会上",
    "本人",
    "本次",
    "应邀",
    "以及",
    "还有",
    "同时",
    "开展",
    "先行",
    "首先",
    "随后",
    "带来",
    "上午",
    "下午",
    "中午",
    "晚上",
    "今天",
    "当天",
    "全程",
    "全力",
    "全体",
    "上门",
    "下乡",
    "天天",
    "月底",
    "月初",
    "中旬",
    # common words that begin with a surname character: never the start of a name
    "常务",
    "常委",
    "公开",
    "公布",
    "公司",
    "公共",
    "高质量",
    "高效",
    "高新",
    "方面",
    "方式",
    "方案",
    "安全",
    "安排",
    "成立",
    "成功",
    "成为",
    "成果",
    "任务",
    "明确",
    "明年",
    "时间",
    "时代",
    "平台",
    "平安",
    "关于",
    "关心",
    "关注",
    "金融",
    "文化",
    "文明",
    "文件",
    "项目",
    "管理",
    "龙头",
    "包括",
    "信息",
    "连续",
    "解决",
    "严格",
    "严防",
    "强化",
    "司法",
    "田间",
    "万元",
    "万人",
    "于是",
    "程序",
    "路线",
    "华侨",
    "应急",
    "宣传",
    "朱红",
    "江边",
)

# Punctuation and separators that close a name.
NAME_CLOSERS = frozenset("，,。、；;：:！!？?“”‘’\"'（）()《》【】 \t\r\n…—")

# Post titles, shortest unit that ends a post. Longer ones first where one is a suffix of another.
POST_CORES = (
    "总书记",
    "副书记",
    "书记",
    "常务副省长",
    "副省长",
    "省长",
    "常务副市长",
    "副市长",
    "市长",
    "常务副县长",
    "副县长",
    "县长",
    "常务副区长",
    "副区长",
    "区长",
    "副州长",
    "州长",
    "副镇长",
    "镇长",
    "副乡长",
    "乡长",
    "副旗长",
    "旗长",
    "副盟长",
    "盟长",
    "副主任",
    "主任",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "委员长",
    "副部长",
    "部长",
    "副局长",
    "局长",
    "副厅长",
    "厅长",
    "副处长",
    "处长",
    "副秘书长",
    "秘书长",
    "常委",
    "委员",
    "副组长",
    "组长",
    "副院长",
    "院长",
    "检察长",
    "副检察长",
    "政委",
    "司令员",
    "巡视员",
    "调研员",
    "专员",
    "主委",
    "督察长",
    "副署长",
    "署长",
    "监事长",
    "理事长",
    "副会长",
    "会长",
    "党组成员",
    "党委委员",
    "县级干部",
    "处级干部",
    "厅级干部",
    "局级干部",
)

# Posts written after the name ("孔阳书记", "武国定副省长").
TRAILING_TITLES = (
    "总书记",
    "副书记",
    "书记",
    "常务副省长",
    "副省长",
    "省长",
    "常务副市长",
    "副市长",
    "市长",
    "副县长",
    "县长",
    "副区长",
    "区长",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "委员长",
)

# What comes before a post core inside one post: organs and ranks.
ORGAN_TOKENS = (
    "人大常委会",
    "常委会",
    "人大",
    "政协",
    "人民政府",
    "政府",
    "党委",
    "党工委",
    "工委",
    "党组",
    "纪委",
    "监委",
    "政法委",
    "委员会",
    "管委会",
    "办公室",
    "办公厅",
    "办",
    "委",
    "局",
    "厅",
    "部",
    "署",
    "院",
    "处",
    "中心",
    "街道",
    "党支部",
    "支部",
    "总支",
    "法院",
    "检察院",
    "指挥部",
    "领导小组",
    "工会",
    "妇联",
    "团委",
    "科协",
    "文联",
    "残联",
    "工商联",
    "侨联",
    "台联",
    "社科联",
    "红十字会",
    "常务",
    "执行",
    "第一",
    "专职",
    "机关",
    "代",
)

# Topics of government bodies ("县扶贫办", "市商务局"): 2–8 characters before a body word.
BODY_TOPICS = (
    "扶贫",
    "扶贫开发",
    "乡村振兴",
    "组织",
    "宣传",
    "统战",
    "政法",
    "纪检",
    "监察",
    "发改",
    "发展改革",
    "发展和改革",
    "经信",
    "经济和信息化",
    "工信",
    "工业和信息化",
    "教育",
    "教体",
    "科技",
    "公安",
    "民政",
    "司法",
    "财政",
    "人社",
    "人力资源和社会保障",
    "自然资源",
    "自然资源和规划",
    "生态环境",
    "住建",
    "住房和城乡建设",
    "交通运输",
    "交通",
    "水利",
    "水务",
    "农业农村",
    "农业",
    "林业",
    "商务",
    "文旅",
    "文化和旅游",
    "文广旅",
    "卫健",
    "卫生健康",
    "卫生",
    "退役军人事务",
    "应急管理",
    "应急",
    "审计",
    "国资",
    "市场监管",
    "市场监督管理",
    "统计",
    "医保",
    "医疗保障",
    "信访",
    "城管",
    "综合执法",
    "行政审批",
    "投资促进",
    "招商",
    "大数据",
    "金融",
    "税务",
    "气象",
    "粮食",
    "编",
    "机关工委",
    "政研",
    "政策研究",
    "政务服务",
    "外事",
    "侨务",
    "台",
    "疫情防控",
    "防控",
    "经济",
    "网信",
    "机构编制",
    "老干",
    "档案",
    "史志",
    "党史",
    "信息",
    "能源",
    "体育",
    "旅游",
    "住房",
    "规划",
    "国土",
    "环保",
)

# Words that end a government body after its topic: 扶贫 + 办, 商务 + 局.
BODY_WORDS = ("办公室", "中心", "委员会", "办", "局", "委", "厅", "部", "署")

# Place suffixes: a named place ends in one of them ("广安区", "棗山园区", "湖州市").
PLACE_SUFFIXES = (
    "自治区",
    "自治州",
    "自治县",
    "经开区",
    "高新区",
    "开发区",
    "新区",
    "园区",
    "街道",
    "省",
    "市",
    "县",
    "区",
    "州",
    "镇",
    "乡",
    "旗",
    "盟",
)
# One-character administrative levels that stand for "this level's" body: 市委, 县政府.
LEVEL_CHARS = "省市县区州镇乡村旗盟"

# Characters that are not the first character of a place name in running text.
NON_PLACE_START = frozenset(
    "的了在是和与及等对到从为被把将也都又就并而或之其这那我他她它时日月年后午晚天周今昨全各每该本此某第"
    "由向于给让请经据按随陪任兼原和市县区省委"
)

# Two-character words that end in a place suffix's neighbour but are no place: 上午区委书记 is 区委书记.
NON_PLACE_NAMES = frozenset(
    [
        "上午",
        "下午",
        "中午",
        "晚上",
        "今天",
        "昨天",
        "当天",
        "当日",
        "近日",
        "日前",
        "目前",
        "当前",
        "同时",
        "随后",
        "会上",
        "会后",
        "此前",
        "其中",
        "以及",
        "并由",
        "分别",
    ]
)

# Characters a named place inside a post stands right after: 在广安区…, 、华蓥市…, 27日岳池县… (digits too).
BOUNDARY_BEFORE_PLACE = frozenset("在到赴从由向对与和及是的为于周日午晚时、，,。；;：:“”（）() \t\r\n")

# The basic block of unified ideographs: the officials rules' test for a Han character in a name, a place
# or a post. Narrower than digestllm.text.HAN_CLASS (which adds the rarer blocks) and kept so.
COMMON_HAN_CLASS = "\u4e00-\u9fff"
_COMMON_HAN_RUN = re.compile(f"[{COMMON_HAN_CLASS}]*")


def is_common_han(chars: str) -> bool:
    """True when every character of `chars` is in `COMMON_HAN_CLASS` (an empty string too)."""
    return _COMMON_HAN_RUN.fullmatch(chars) is not None


# Verbs before a person cited as a source of instructions, not a participant ("贯彻落实武国定副省长…指示精神").
CITING_VERBS = ("贯彻落实", "落实", "贯彻", "学习", "传达", "按照", "根据", "遵照", "遵循", "依照", "领会")
CITED_NOUNS = ("指示", "批示", "讲话", "重要论述", "精神", "部署", "要求", "论述", "思想")

# Bylines: who wrote, edited or photographed the piece.
BYLINE_WORDS = (
    "记者",
    "通讯员",
    "编辑",
    "责编",
    "责任编辑",
    "摄影",
    "摄",
    "整理",
    "来源",
    "供稿",
    "审核",
    "校对",
    "监制",
)

# Officials: the words around a name that make it an official's, or not.
# A leadership word heading a list of names: 区领导陆秋明、薛建忠, 市级领导, 县委领导同志.
LEADERSHIP_LABEL = re.compile(
    r"(?:[省市县区镇乡][厅局处科]?级|[省市县区]委|[省市县区]政府|[省市县区镇乡])?领导(?:干部|同志)?"
)
# 等领导 closing a list of names: 陈德志、林文建等领导, 等县级领导.
LEADERS_AFTER_NAMES = re.compile(r"等(?:[省市县区镇乡][厅局处科]?级|[省市县区])?领导")
# Words after the names that open a sentence saying they attended: 吴丽鸣、卫祥玉、侯波出席活动 (等 may come first).
ATTENDING_WORDS = ("出席", "参加", "陪同", "一同", "先后", "共同")
# 原 right before a post in its clause: a former post, held no more (原惠州市委常委); not 太原, 平原, 中原.
FORMER_POST = re.compile(f"(?:^|[^太平中])原[{COMMON_HAN_CLASS}]{{0,6}}$")
# Bodies whose posts are not public posts: 公司总经理, 车间主任 (a company's party secretary still holds one).
NON_OFFICIAL_BODIES = ("公司", "集团", "企业", "工厂", "车间", "合作社", "商会", "协会", "银行", "酒店", "超市", "门店")
# Words that name a public post without a post core (a model's claimed title must hold one or a core).
POST_WORDS_BESIDES_CORES = ("成员", "负责人", "领导")
# Characters that end a clause, where a post's byline, company or 原 is looked for.
CLAUSE_BREAKS = frozenset("，,。；;！!？?\n")

# Activity verbs: what officials do at a time. Speech verbs alone (要求, 强调) make no event.
ACTIVITY_VERBS = (
    "主持召开",
    "主持",
    "召开",
    "出席",
    "参加",
    "调研",
    "检查",
    "督导",
    "督查",
    "视察",
    "考察",
    "走访",
    "慰问",
    "看望",
    "察看",
    "查看",
    "会见",
    "会晤",
    "接见",
    "送行",
    "迎接",
    "研究",
    "部署",
    "收看",
    "听取",
    "座谈",
    "宣讲",
    "授课",
    "开展",
    "前往",
    "深入",
    "来到",
    "赴",
    "巡查",
    "暗访",
    "指导",
    "成立",
    "签约",
    "签署",
    "揭牌",
    "剪彩",
    "开工",
    "观摩",
    "点评",
    "接访",
    "约谈",
    "陪同",
    "随同",
    "带队",
    "率队",
    "进行",
    "举行",
    "参观",
    "谋划",
    "推进",
    "宣布",
    "致辞",
    "启动",
    "颁奖",
    "接待",
    "讲授",
    "作报告",
    "现场办公",
    "督办",
    "巡河",
    "拜访",
    "拜会",
    "拜见",
    "收听收看",
    "作重要讲话",
    "讲党课",
    "上党课",
    "座谈交流",
)

# Verbs of motion: they lead to the place of an activity, the activity itself comes after them.
MOTION_VERBS = ("前往", "来到", "深入", "赴", "走进", "带队", "率队", "陪同", "随同")

# Right after a list of names: they joined an activity told before (县长某某一同参加调研).
COMPANION_WORDS = ("一同", "陪同", "随同", "一起", "共同", "参加", "出席", "列席", "同行")

# Words that lead to an event's place: 在县会议中心举行, 前往…等地, 深入鸳鸯、高楼等乡镇.
PLACE_LEADS = (
    "在",
    "到",
    "赴",
    "前往",
    "来到",
    "走进",
    "深入",
    "莅临",
    "到达",
    "抵达",
    "奔赴",
    "先后到",
    "先后来到",
    "先后深入",
    "先后前往",
    "走访",
    "察看",
    "视察",
)

# Bare objects that stand for an occasion the text named before: 主持会议, 出席仪式, 参加活动.
GENERIC_OCCASIONS = ("会议", "大会", "仪式", "活动", "典礼", "会")

# Vague times: the activity happened, but the text gives no day.
VAGUE_TIMES = (
    "近段时间",
    "近段",
    "近日",
    "日前",
    "近期",
    "这一周",
    "这周",
    "本周",
    "上周",
    "过去一周",
    "连日来",
    "最近",
    "此前",
)

# Units and counters of metrics, longest first.
UNITS = (
    "个百分点",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "千克",
    "公斤",
    "公顷",
    "小时",
    "分钟",
    "个月",
    "人次",
    "户次",
    "家次",
    "台套",
    "万元",
    "亿元",
    "美元",
    "欧元",
    "元",
    "名",
    "人",
    "户",
    "家",
    "个",
    "项",
    "天",
    "%",
    "％",
    "亩",
    "吨",
    "次",
    "场",
    "条",
    "所",
    "座",
    "台",
    "辆",
    "套",
    "件",
    "批",
    "支",
    "位",
    "例",
    "只",
    "头",
    "株",
    "棵",
    "间",
    "栋",
    "张",
    "份",
    "篇",
    "处",
    "期",
    "轮",
    "趟",
    "岁",
    "倍",
    "米",
    "年",
    "周",
    "斤",
    "箱",
    "包",
    "盒",
    "万人",
    "笔",
    "宗",
    "类",
    "种",
    "村",
    "镇",
    "乡",
    "组",
    "片",
    "块",
    "口",
    "根",
    "部",
)
# Units a small Chinese numeral (一…十) must carry to count: slogans use 个/项/大 ("三个一线", "四个不摘").
# 天 and 年 are left out: "今明两天", "十年磨一剑" are ways of speaking, not figures.
SMALL_CHINESE_NUMERAL_UNITS = frozenset(
    {"名", "人", "户", "家", "万元", "亿元", "元", "次", "场", "项", "批", "个月", "亩", "吨", "人次"}
)
# Posts of associations: officials only when the same person also holds a public post ("县人大常委会副主任、县慈善总会监事长").
ASSOCIATION_CORES = ("副理事长", "理事长", "监事长", "副会长", "会长")
# A figure written after these is a prefix's, not its own: "近40亿元", "超1万人".
METRIC_PREFIXES = (
    "累计",
    "共计",
    "合计",
    "总计",
    "超过",
    "多达",
    "达到",
    "近",
    "超",
    "约",
    "逾",
    "共",
    "达",
    "计",
    "约合",
)
