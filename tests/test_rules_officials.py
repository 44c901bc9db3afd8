"""Officials: posts before the name, lists, titles after the name, and who is not an official."""

from __future__ import annotations

import pytest

from digestllm import extract


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in extract(text, reference_date="2020-03-02", mode="rules").officials}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("前鋒區委書記米亮主持研究疫情防控工作。", {"米亮": ["前鋒區委書記"]}),
        ("2月27日上午,嶽池縣委書記鄭鵬程前往炳德藥業公共藥廠。", {"鄭鵬程": ["嶽池縣委書記"]}),
        ("市委常委、常务副市长陈家本在六安分会场收看会议并讲话。", {"陈家本": ["市委常委", "常务副市长"]}),
        (
            "县委副书记、政法委书记张峰,县人大常委会副主任邵超,县扶贫办主任赵社会等先后随同调研。",
            {"张峰": ["县委副书记", "政法委书记"], "邵超": ["县人大常委会副主任"], "赵社会": ["县扶贫办主任"]},
        ),
        ("市政府秘书长孙鸿俊参加会议。", {"孙鸿俊": ["市政府秘书长"]}),
        ("棗山園區黨工委書記蔣波到園區各地檢查。", {"蔣波": ["棗山園區黨工委書記"]}),
        ("省委党校常务副校长王渊为全区党员讲课。", {"王渊": ["省委党校常务副校长"]}),  # a party school's head
        ("濠江中学校长尤端阳出席。", {}),  # a school's head holds no public post
    ],
)
def test_posts_before_a_name(text: str, expected: dict[str, list[str]]) -> None:
    assert officials(text) == expected


def test_several_posts_joined_by_a_pause_mark_belong_to_one_person() -> None:
    found = officials("市人大常委會副主任、廣安區委書記文建平,廣安區委副書記、區長劉永明為他們送行。")
    assert found == {"文建平": ["市人大常委會副主任", "廣安區委書記"], "劉永明": ["廣安區委副書記", "區長"]}


def test_a_region_inside_the_post_is_the_officials_region() -> None:
    result = extract("華鎣市委書記謝洋波要求各級各部門堅持目標導向。", mode="rules")
    assert [(o.name, o.region) for o in result.officials] == [("謝洋波", "華鎣市")]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("3月2日,马鞍山市博望区区委书记窦念华率党政代表团来我市考察。", "博望区"),
        ("3月2日,贵州省普安县县委副书记、县长高振敏一行来我市考察。", "普安县"),
        ("3月2日,广州市番禺区新造镇镇长郭小霞带队调研。", "新造镇"),
        ("3月2日,中共楚雄州委副书记、州长迟中华出席。", "楚雄州"),
    ],
)
def test_the_innermost_of_the_places_before_a_post_is_the_region(text: str, region: str) -> None:
    [official] = extract(text, reference_date="2023-03-05", mode="rules").officials
    assert official.region == region


def test_a_place_before_a_leadership_word_is_its_region() -> None:
    result = extract("3月2日,项目开工。襄阳市领导吕义斌、李诗出席。区领导陆秋明参加。", reference_date="2023-03-05")
    assert [(o.name, o.titles, o.region) for o in result.officials] == [
        ("吕义斌", ["襄阳市领导"], "襄阳市"),
        ("李诗", ["襄阳市领导"], "襄阳市"),
        ("陆秋明", ["区领导"], None),
    ]


def test_a_post_without_a_named_place_has_no_region() -> None:
    result = extract("细化落实市委书记李建勤指示要求。", mode="rules")
    assert [(o.name, o.titles, o.region) for o in result.officials] == [("李建勤", ["市委书记"], None)]


def test_names_listed_after_one_post_share_it() -> None:
    assert officials("副市長周秀成、劉偉,市政協副主席張永平分別參加相關檢查。") == {
        "周秀成": ["副市長"],
        "劉偉": ["副市長"],
        "張永平": ["市政協副主席"],
    }
    assert officials("市委副書記吳華欽,副市長關鵬及陳宣群,市屬各縣參加。") == {
        "吳華欽": ["市委副書記"],
        "關鵬": ["副市長"],
        "陳宣群": ["副市長"],
    }
    assert "相关单位" not in officials("县委常委徐正权及相关单位负责人陪同。")
    assert "股份" not in officials("副市长王月成、股份公司副总裁吕克俭出席仪式。")  # a company's name
    text = "办公室主任庄占彬、党群工作部副部长张建发等出席。"  # 工作 runs on where a name of three would end
    assert list(officials(text)) == ["庄占彬", "张建发"]


def test_names_listed_after_a_leadership_word() -> None:
    found = officials("县领导何晓建、孙永全、陈剑杰、陈文忠、林以玑参加调研。")
    assert list(found) == ["何晓建", "孙永全", "陈剑杰", "陈文忠", "林以玑"]
    assert set(map(tuple, found.values())) == {("县领导",)}


def test_a_title_after_the_name_gives_the_name_alone() -> None:
    assert officials("认真贯彻落实武国定副省长调研督导项城脱贫攻坚工作指示精神") == {"武国定": ["副省长"]}
    assert "习近平" in officials("要深入贯彻落实习近平总书记脱贫攻坚系列重要讲话精神。")


def test_every_post_once_in_its_fullest_form() -> None:
    text = "前鋒區委書記米亮:\n\n2月23日,前鋒區委召開會議,區委書記米亮主持研究。米亮書記要求抓好工作。"
    assert officials(text) == {"米亮": ["前鋒區委書記"]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县委书记孔阳轻车简从到平店调研。", "孔阳"),  # a two-character name before a verb
        ("县委书记张天明中午来到企业。", "张天明"),  # 天 can be part of a name; 中午 cannot
        ("市政府秘书长尤在晶出席。", "尤在晶"),  # 在 inside a name
        ("副市长周扬带队检查。", "周扬"),  # 周 is a surname, not only a week
        ("副市长罗宏签订了合作协议。", "罗宏"),  # 签订 follows a name
        ("县议员沈宗隆针对第一市场发言。", "沈宗隆"),  # 针对 follows a name
        ("州委副书记、州长苏嘎尔布主持。", "苏嘎尔布"),  # a minority name's last syllable after three characters
        ("1月8日,市长章周中主持召开会议。", "章周中"),  # 周 inside a name
        ("市长王明周一主持会议。", "王明"),  # 周一: a weekday after the name
        ("预算在议长陈宝缎及全体议员支持下通过。", "陈宝缎"),  # 支持: no 支持下 after 议员
        ("镇党委书记米厚章向村支部书记解释什么是软弱涣散村。", "米厚章"),  # 什么: no 解释什
    ],
)
def test_name_length_is_read_from_what_follows(text: str, name: str) -> None:
    assert list(officials(text)) == [name]


def test_name_length_is_read_from_the_rest_of_the_document() -> None:
    text = "2月26日,市委常委、常务副市长陈家本在六安分会场收看会议。陈家本要求抓好落实。"
    assert list(officials(text)) == ["陈家本"]


@pytest.mark.parametrize(
    "text",
    [
        "(本報記者站 廣安日報全媒體記者 劉定春 蔣師帥 整理)",
        "周口广电全媒体记者 李森 和畅",
        "公司总经理王大明介绍了生产情况。",
        "车间主任李小红带领工人加班。",
        "村民张大爷说,今年收成不错。",
        "县委书记强调,要抓好春耕生产。",
        "濰坊市長三角地區招商推介會在上海舉行。",
    ],
)
def test_not_officials(text: str) -> None:
    assert officials(text) == {}


def test_acting_posts_and_party_group_members() -> None:
    assert officials("市委副书记、代市长张三主持会议。") == {"张三": ["市委副书记", "代市长"]}
    assert officials("市政府党组成员李四出席。") == {"李四": ["市政府党组成员"]}


def test_posts_in_parentheses_after_a_name() -> None:
    assert officials("出席会议的有张三（市委常委、副市长）、李四（市政协副主席）等。") == {
        "张三": ["市委常委", "副市长"],
        "李四": ["市政协副主席"],
    }
    assert officials("公司负责人刘强（左一）介绍情况。") == {}


def test_city_names_ending_in_zhou_and_times_before_a_post() -> None:
    assert officials("鄂州市委书记、市人大常委会主任孙兵出席。") == {"孙兵": ["鄂州市委书记", "市人大常委会主任"]}
    assert officials("11月23日上午区委书记陈斌主持召开会议。") == {"陈斌": ["区委书记"]}


def test_names_listed_before_a_leadership_word() -> None:
    assert officials("县委书记吳澤桐,陳德志、林文建、古育輝等領導參加。") == {
        "吳澤桐": ["县委书记"],
        "陳德志": ["領導"],
        "林文建": ["領導"],
        "古育輝": ["領導"],
    }


def test_association_posts_count_only_beside_a_public_post() -> None:
    assert officials("受到該會會長馬有禮,副理事長余健楚的熱情接待。") == {}
    assert officials("县人大常委会副主任、县慈善总会监事长宋美荣带领一行人。") == {
        "宋美荣": ["县人大常委会副主任", "县慈善总会监事长"]
    }


def test_wei_and_he_inside_a_name() -> None:
    assert list(officials("区长姜永柱,副区长吴为东,以及相关部门负责人参加。")) == ["姜永柱", "吴为东"]


def test_zheng_inside_a_name() -> None:
    assert officials("江苏省委书记娄勤俭、省长吴政隆分别赶赴事故发生地。") == {
        "娄勤俭": ["江苏省委书记"],
        "吴政隆": ["省长"],
    }


def test_xiang_and_yu_after_a_post_are_surnames_when_the_name_is_closed() -> None:
    assert officials("縣委副書記、縣長向業順,縣政協主席周傳明出席。") == {
        "向業順": ["縣委副書記", "縣長"],
        "周傳明": ["縣政協主席"],
    }
    assert officials("劉偉區長向觀摩團介紹情況。") == {"劉偉": ["區長"]}


def test_cadre_ranks_are_posts() -> None:
    assert officials("區正縣級幹部阮長喜出席開工儀式。") == {"阮長喜": ["縣級幹部"]}


def test_rare_surnames_inside_a_leader_list_and_former_posts() -> None:
    assert list(officials("縣領導李高嶺、周哲、潤道宏、程琳出席開工儀式。")) == ["李高嶺", "周哲", "潤道宏", "程琳"]
    assert officials("原惠州市委常委、军分区政委肖红,县委书记杨昶出席。") == {"杨昶": ["县委书记"]}
    assert officials("历任前镇长石宪奇、黄炎明等人到场,镇长严鸿邦致辞。") == {"严鸿邦": ["镇长"]}  # 前: former
    assert officials("目前镇长严鸿邦正在调研。") == {"严鸿邦": ["镇长"]}  # 目前: now
    assert officials("太原市委书记张三出席。") == {"张三": ["太原市委书记"]}
    assert officials("区政协主席唐勇以及区相关单位负责人参加。") == {"唐勇": ["区政协主席"]}


def test_a_sentence_of_bare_names_attending_lists_officials() -> None:
    assert officials("吳麗鳴、衛祥玉、侯波、王軍霞出席活動。") == {"吳麗鳴": [], "衛祥玉": [], "侯波": [], "王軍霞": []}
    assert officials("王五、李四说了算。") == {}


def test_a_post_of_a_federation_before_a_name() -> None:
    assert officials("市政协副主席、工商联主席范更生出席签约仪式。") == {"范更生": ["市政协副主席", "工商联主席"]}


def test_a_one_character_verb_before_a_common_word_ends_the_name() -> None:
    assert officials("县委常委、常务副县长李放作项目情况介绍。") == {"李放": ["县委常委", "常务副县长"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市委副书记、市长张瑞书,常务副市长薛永纯出席。", {"张瑞书": ["市委副书记", "市长"], "薛永纯": ["常务副市长"]}),
        ("旗政协主席巴根那主持会议并讲话。", {"巴根那": ["旗政协主席"]}),
        ("县委书记张三书记调研。", {"张三": ["县委书记"]}),
        ("市委书记黄辉说，要抓好项目。", {"黄辉": ["市委书记"]}),
        ("区长亚迪卡尔·吐尔洪主持召开区政府常务会议。", {"亚迪卡尔·吐尔洪": ["区长"]}),
        ("村长亚尔麦提·如则麦麦提分别作了汇报。", {"亚尔麦提·如则麦麦提": ["村长"]}),  # no last part of one
        ("村党支部书记叶尔肯波力.吐尔森巴依表示感谢。", {"叶尔肯波力.吐尔森巴依": ["村党支部书记"]}),
    ],
)
def test_names_of_uncommon_shape(text: str, expected: dict[str, list[str]]) -> None:
    """Characters mostly found in words (书, 那) closing a name, middle-dot names, a name before 说."""
    assert officials(text) == expected


def test_a_list_item_may_hold_a_word_character_where_a_name_may() -> None:
    found = officials("县区领导肖红松、闵员根、付向宇出席。")
    assert list(found) == ["肖红松", "闵员根", "付向宇"]
    assert list(officials("自治区领导陈春平、买彦州、王立出席。")) == ["陈春平", "买彦州", "王立"]
    assert list(officials("区领导谢嘉、代江、王元其参加会议。")) == ["谢嘉", "代江", "王元其"]
    assert list(officials("市领导张三、李四出席。贵州、杭州等地代表参加。")) == ["张三", "李四"]


def test_bare_names_opening_a_clause_are_the_attending_officials() -> None:
    found = officials("3月18日,省人大常委会第28次主任会议召开,张光荣、马伟、高华出席。张光荣主持。")
    assert list(found) == ["张光荣", "马伟", "高华"]


def test_bare_names_attending_at_a_venue() -> None:
    found = officials("自治区领导雷东生在主会场参加,赵旭辉、吴秀章、冼国义在分会场参加。")
    assert list(found) == ["赵旭辉", "吴秀章", "冼国义", "雷东生"]
    assert officials("王村、李庄在全县排名第一。") == {}


def test_a_colon_between_a_post_and_its_name() -> None:
    found = officials("胶州市委书记:张新竹\n胶州市代市长:于冬泉\n莱西市委书记:周强\n")
    assert list(found) == ["张新竹", "于冬泉", "周强"]
    assert officials("县委书记：要抓好项目。") == {}


def test_names_before_a_longer_leaders_label() -> None:
    found = officials("汪培欣、汪春萍等婺源县四套班子在家领导参加仪式。")
    assert sorted(found) == ["汪培欣", "汪春萍"]


def test_a_province_before_its_head_inside_a_book_title_is_no_name() -> None:
    found = officials("听取了省文物局局长马玉萍作的关于《甘肃省长城保护条例(草案)》的说明。")
    assert list(found) == ["马玉萍"]


def test_the_region_is_that_of_the_main_post_the_last_one_named() -> None:
    result = extract("江西省委常委、南昌市委书记李红军出席。", reference_date="2020-03-02", mode="rules")
    assert [(o.name, o.region) for o in result.officials] == [("李红军", "南昌市")]


@pytest.mark.parametrize(
    ("text", "title", "region"),
    [
        ("曹县县委书记赵福龙调研。", "曹县县委书记", "曹县"),
        ("广安市市长李明出席。", "广安市市长", "广安市"),
        ("七都镇镇长孙文敏出席。", "七都镇镇长", "七都镇"),
        ("县委书记张三调研。", "县委书记", None),
    ],
)
def test_a_place_before_its_levels_body_or_head(text: str, title: str, region: str | None) -> None:
    [official] = extract(text, reference_date="2020-03-02", mode="rules").officials
    assert (official.titles, official.region) == ([title], region)


@pytest.mark.parametrize(
    ("text", "title", "region"),
    [
        ("新乡市商务局局长李进陪同。", "新乡市商务局局长", "新乡市"),  # 乡 inside a city's name
        ("市南区委书记王锋出席。", "市南区委书记", "市南区"),  # 市 first in a district's name
        ("会议听取了嘉峪关市人大常委会主任王进平的报告。", "嘉峪关市人大常委会主任", "嘉峪关市"),  # no boundary before
        ("上饶市旅发委副主任汪汉新出席。", "上饶市旅发委副主任", "上饶市"),  # 旅发委, a body
        ("会上,习近平和市委副书记韩正讲话。", "市委副书记", None),  # 平和 is a county, but not here
        ("湖北黄石市委书记周先旺调研。", "湖北黄石市委书记", "黄石市"),  # a province's short name glued before
        ("在观塘民政事务专员谢凌骏陪同下。", "观塘民政事务专员", "观塘"),  # a Hong Kong district's officer
        ("率高雄市副市长李四川出席。", "高雄市副市长", "高雄市"),  # a Taiwan city, no boundary before
        ("东势乡代表会主席陈昭源致词。", "东势乡代表会主席", "东势乡"),  # a township council
        ("名间乡民代表会主席陈文德出席。", "名间乡民代表会主席", "名间乡"),
        ("阳江市委台港澳办主任陈国棣出席。", "阳江市委台港澳办主任", "阳江市"),  # 台港澳办, a body
        ("香港特区行政长官李家超出席。", "香港特区行政长官", "香港特区"),
    ],
)
def test_a_divisions_short_name_before_a_post_is_its_place(text: str, title: str, region: str | None) -> None:
    official = next(o for o in extract(text, reference_date="2020-03-02", mode="rules").officials if o.name != "习近平")
    assert (official.titles, official.region) == ([title], region)


@pytest.mark.parametrize("text", ["市政府秘书长远义彬出席。", "县人大常委会副主任竹学军出席。"])
def test_rarer_surnames_after_a_post(text: str) -> None:
    assert len(officials(text)) == 1


def test_a_state_companys_party_secretary_and_his_company_posts_are_public() -> None:
    found = officials("中核集团党组书记、董事长申彦锋,党组副书记、总经理张涛出席。")
    assert found == {"申彦锋": ["党组书记", "董事长"], "张涛": ["党组副书记", "总经理"]}
    assert officials("河南中城建设集团董事长陈林先生、公司总经理程毅出席。") == {}


def test_a_body_after_a_post_is_no_name() -> None:
    assert officials("陆晓延要求常委班子成员要积极投身于教育实践活动。县委书记陆晓延主持。") == {"陆晓延": ["县委书记"]}


def test_时_stands_in_the_middle_of_a_name_never_at_its_end() -> None:
    assert officials("县委副书记、常务副县长张时民列席会议。") == {"张时民": ["县委副书记", "常务副县长"]}
    assert officials("县长李明时强调,要抓好落实。") == {"李明": ["县长"]}


def test_a_commanders_post_and_a_civil_service_rank_are_posts() -> None:
    assert officials("市委书记、市防汛抗旱指挥部指挥长查俊出席会议。商务局办公室主任、一级主任科员王宗磊参加。") == {
        "查俊": ["市委书记", "市防汛抗旱指挥部指挥长"],
        "王宗磊": ["商务局办公室主任", "一级主任科员"],
    }


def test_a_list_of_chairs_after_是_and_a_note_and_a_colon_keeps_every_name() -> None:
    text = "本次大会的执行主席是(按姓名笔画排列):旷立伟、旷志军、戴立华(女)、周耀辉。"
    assert list(officials(text)) == ["旷立伟", "旷志军", "戴立华", "周耀辉"]


def test_leaders_who_came_to_a_place_name_no_one_but_a_listed_来_does() -> None:
    assert officials("7月22日下午,市领导来台江开展挂钩重点项目督导活动。") == {}
    assert officials("区领导来建华、王明出席。") == {"来建华": ["区领导"], "王明": ["区领导"]}


def test_a_verb_of_dispatching_ends_the_name_and_禄_is_a_surname() -> None:
    assert officials("4月9日旗委常委、副旗长白洋调度旗级领导包联重大项目。副省长禄智明陪同。") == {
        "白洋": ["旗委常委", "副旗长"],
        "禄智明": ["副省长"],
    }


def test_a_journey_to_a_province_after_a_post_is_no_name() -> None:
    assert officials("要深入学习贯彻习近平总书记来川视察重要指示精神。") == {"习近平": ["总书记"]}


def test_a_rare_name_character_may_close_a_name_before_its_title() -> None:
    assert officials("3月4日,栗战书委员长主持会议。") == {"栗战书": ["委员长"]}


def test_受_ends_a_name_and_科_may_close_one() -> None:
    assert officials("县经济委员会主任徐斌受县政府委托作报告。县农业委员会主任范育科受县政府委托作报告。") == {
        "徐斌": ["县经济委员会主任"],
        "范育科": ["县农业委员会主任"],
    }


def test_a_list_holds_names_of_four_and_names_with_a_middle_dot() -> None:
    listed = officials("全国人大常委会副委员长王晨、艾力更·依明巴海、王东明、白玛赤林、丁仲礼出席会议。")
    assert list(listed) == ["王晨", "艾力更·依明巴海", "王东明", "白玛赤林", "丁仲礼"]


def test_names_before_等领导_may_follow_以及() -> None:
    listed = officials("县委副书记、县长李锋,以及罗运干、王立武、顾奕滨等副县以上领导在县会议中心集中收看开幕会。")
    assert set(listed) == {"李锋", "罗运干", "王立武", "顾奕滨"}


def test_任_and_年_stand_in_the_middle_of_a_name() -> None:
    assert set(officials("县委书记唐年初,副县长王太进、张任重参加视察。县长李明任组长。")) == {
        "唐年初",
        "王太进",
        "张任重",
        "李明",
    }


def test_bare_names_attend_beside_others_named_by_their_body() -> None:
    found = officials("6月2日,区委书记李明调研。王蛟、邱金来、黄建军及相关部门主要负责人陪同调研。")
    assert set(found) == {"李明", "王蛟", "邱金来", "黄建军"}


def test_names_before_等人大代表_are_deputies() -> None:
    assert set(officials("鲁霞霞、何得书、罗广田等人大代表做了交流发言。")) == {"鲁霞霞", "何得书", "罗广田"}


def test_a_place_before_县长_is_no_name_where_the_text_names_that_place() -> None:
    found = officials("夏邑县长检查指导城乡防汛工作\n8月21日,夏邑县长刘海鹰检查指导城乡防汛。夏邑县领导辛永礼陪同。")
    assert set(found) == {"刘海鹰", "辛永礼"}


def test_hong_kong_posts_and_a_list_after_a_leadership_word() -> None:
    found = officials("参与官员包括行政长官李家超、财政司司长陈茂波。县领导辛永礼、李建领、武静华陪同检查。")
    assert set(found) == {"李家超", "陈茂波", "辛永礼", "李建领", "武静华"}


def test_重点_after_a_name_ends_it() -> None:
    assert set(officials("海宁市商务局局长王赟重点介绍海宁产业经济。")) == {"王赟"}


def test_appointments_and_resignations_name_officials_with_their_posts() -> None:
    text = (
        "4月7日,会议决定接受庄稼祥同志辞去惠安县人民政府县长职务;决定任命黄育奇同志为惠安县人民政府副县长、代理县长。"
        "会议决定免去张三丰同志的区长职务。"
    )
    assert officials(text) == {
        "庄稼祥": ["惠安县人民政府县长"],
        "黄育奇": ["惠安县人民政府副县长", "代理县长"],
        "张三丰": ["区长"],
    }
    [official] = [o for o in extract(text).officials if o.name == "黄育奇"]
    assert official.region == "惠安县"  # 代理县长 names no place 代理县


def test_the_elected_hold_the_posts_they_were_elected_to_and_take_no_part() -> None:
    text = (
        "12月22日,县人大会议举行选举大会,主任邓泽佳主持。王某以190票的高票当选为县人民政府县长,"
        "雷树平、廖兴云和刘丹当选副县长;黎纲要当选为县人民法院院长。"
    )
    assert officials(text) == {
        "邓泽佳": ["主任"],
        "雷树平": ["副县长"],
        "廖兴云": ["副县长"],
        "刘丹": ["副县长"],
        "黎纲要": ["县人民法院院长"],
    }
    assert [e.officials for e in extract(text, reference_date="2012-12-23").events] == [["邓泽佳"]]
    text = "王云山、折睿、额尔登图、霍建强当选为政协鄂托克前旗第十一届委员会常务委员。"  # any name inside the list
    assert list(officials(text)) == ["王云山", "折睿", "额尔登图", "霍建强"]


def test_an_appointment_without_posts_or_同志_names_no_one() -> None:
    assert officials("会议任命了一批干部。会议选举产生了新一届委员会。") == {}


def test_率_ends_a_name() -> None:
    assert officials("长宁市委副书记李涛率长宁市党政代表团来启东考察。") == {"李涛": ["长宁市委副书记"]}


def test_a_town_after_a_county_names_its_secretarys_region() -> None:
    [official] = extract("12月3日,山东省莘县俎店镇党委书记张妍介绍。").officials
    assert official.region == "俎店镇"


def test_a_bureau_of_culture_radio_tourism_and_sport_is_one_organ() -> None:
    [official] = extract("8月29日,海宁市文化和广电旅游体育局局长张国华介绍。").officials
    assert official.titles == ["海宁市文化和广电旅游体育局局长"] and official.region == "海宁市"


def test_four_characters_before_a_word_are_no_listed_name() -> None:
    found = officials("参与官员包括财政司副司长黄伟纶、财经事务及库务局局长许正宇。")
    assert set(found) == {"黄伟纶", "许正宇"}


def test_names_before_等领导_may_follow_和_and_信访_is_no_name() -> None:
    found = officials("县委书记赵斌,县长张军和孟凡露、张飞等县上领导开展慰问活动。“区政府副区长信访接待日”活动举行。")
    assert set(found) == {"赵斌", "张军", "孟凡露", "张飞"}


def test_a_post_running_into_a_body_names_no_one_and_年_may_close_a_name() -> None:
    found = officials("省委常委、省委秘书长梁伟年,水利部长江水利委员会主任马建华参加调研。")
    assert set(found) == {"梁伟年", "马建华"}


def test_names_seated_on_the_rostrum_attend_and_共同_ends_a_name() -> None:
    found = officials("省委书记强卫共同为开幕式剪彩。刘莲玉、黄关春、杨维刚在主席台就座。")
    assert set(found) == {"强卫", "刘莲玉", "黄关春", "杨维刚"}


def test_a_post_after_a_reporters_credit_and_the_story_opening_is_an_officials() -> None:
    found = officials(
        "记者孟群舒由上海市委副书记、市长龚正率领的上海市代表团昨天来到三明市。市政协主席蒋以任,市委常委徐麟随同。"
    )
    assert found == {"龚正": ["上海市委副书记", "市长"], "蒋以任": ["市政协主席"], "徐麟": ["市委常委"]}


def test_a_reporters_credit_names_no_official() -> None:
    assert officials("本报记者 县融媒体中心 刘定春") == {}


def test_a_reporter_meeting_an_official_is_no_credit_and_时_may_follow_a_name() -> None:
    [official] = extract("记者见到河南三门峡市卢氏县委书记王清华时,他说。").officials
    assert (official.name, official.titles, official.region) == ("王清华", ["卢氏县委书记"], "卢氏县")


def test_热情_and_会面_end_a_name_and_主任_may_follow_one() -> None:
    found = officials("常务副县长李斌热情接待台湾客人。考察团亦与江苏省副省长方伟会面。郑光照带领我委王斌副主任督查。")
    assert set(found) == {"李斌", "方伟", "王斌"}


def test_an_election_and_a_station_head_name_officials() -> None:
    found = officials("4月7日,大会投票选举了曾英杰为金石桥镇人民政府副镇长。财政所所长刘忠作报告。")
    assert found == {"曾英杰": ["金石桥镇人民政府副镇长"], "刘忠": ["所长"]}


def test_an_organ_before_a_title_is_no_name_and_助理_is_a_post() -> None:
    found = officials("10日 原全国政协主席贾庆林来勉考察。市长助理张序余陪同考察。")
    assert "国政协" not in found and found["张序余"] == ["市长助理"]


def test_deputies_listed_before_等代表发言_are_officials_whatever_their_surname() -> None:
    found = officials("朱财斌、王志平、候冬媚、毕红鸽等代表发言,张工认真听取发言。")
    assert set(found) == {"朱财斌", "王志平", "候冬媚", "毕红鸽"}


def test_a_list_item_between_marks_may_start_with_a_function_character() -> None:
    found = officials("赤壁市领导陈中山、但锐金、别华中、欧阳萍参加。副市长高书良来区督导学校疫情防控。")
    assert set(found) == {"陈中山", "但锐金", "别华中", "欧阳萍", "高书良"}


def test_a_removal_keeps_the_posts_among_its_words() -> None:
    found = officials("会议经表决,免去杨宇的广东省人民检察院副检察长、检察委员会委员、检察员职务。")
    assert found == {"杨宇": ["广东省人民检察院副检察长", "检察委员会委员"]}


def test_bare_names_may_end_with_和_and_党_may_close_a_listed_name() -> None:
    found = officials(
        "6月17日,副区长张超主持召开常务会议,王喜峰、韩纬达、苏祖翔和胡树杰参加会议。"
        "区委常委蒋罡、干利强、毛建党、何丹出席会议。宣讲队队长黄陈国作主题宣讲。"
    )
    assert {"王喜峰", "韩纬达", "苏祖翔", "胡树杰", "蒋罡", "干利强", "毛建党", "何丹", "黄陈国"} <= set(found)


def test_tibetan_names_need_no_surname_and_a_list_holds_them() -> None:
    text = (
        "自治区人大常委会主任列确主持会议并讲话。自治区人大常委会常务副主任土登才旺,"
        "副主任尼玛次仁、嘎玛、周春来、格桑次仁、阿登出席会议。"
    )
    found = officials(text)
    assert set(found) == {"列确", "土登才旺", "尼玛次仁", "嘎玛", "周春来", "格桑次仁", "阿登"}
    assert found["列确"][0].endswith("人大常委会主任") and found["嘎玛"] == ["副主任"]
    assert "会议" not in officials("县人大常委会主任会议召开。")


def test_a_list_item_between_marks_may_hold_a_character_of_words_but_not_end_like_a_body() -> None:
    found = officials("市领导陈淑雅、李应席、鲁武国参加会议;区政协副主席李良仲、武装部、法院的主要领导列席会议。")
    assert {"陈淑雅", "李应席", "鲁武国", "李良仲"} <= set(found)
    assert "武装部" not in found


def test_names_after_a_sessions_rostrum_label() -> None:
    text = (
        "1月11日,市人大会议开幕。会议由大会主席团常务主席马虎成主持。主席团成员秦素梅、黄爱菊、寇明春在主席台就座。"
        "在主席台就座的还有:李斌、陈金亮、吴丙申等。"
    )
    found = officials(text)
    assert found["秦素梅"] == ["主席团成员"] and found["李斌"] == []
    events = extract(text, reference_date="2016-01-12").events
    assert {"马虎成", "秦素梅", "黄爱菊", "寇明春", "李斌", "陈金亮", "吴丙申"} <= set(events[0].officials)


def test_members_named_before_等常委及委员_are_officials() -> None:
    found = officials("7月2日,区政协召开常委会议。尹建刚、高琳琳、潘辉等常委及委员提出了意见建议。")
    assert {"尹建刚", "高琳琳", "潘辉"} <= set(found)


def test_rarer_surnames_and_a_married_womans_two_surnames() -> None:
    assert set(officials("县长憨振强,副局长矫梅燕,市委书记丘永丰出席。")) == {"憨振强", "矫梅燕", "丘永丰"}
    assert "林郑月娥" in officials("行政长官林郑月娥今日在礼宾府会见湖北省省长王晓东。")
    assert "潘文忠" in officials("教育部长潘文忠曾任职于台中。")


def test_yi_and_tibetan_names_a_spaced_dot_and_leaders_listed_after_有() -> None:
    found = officials("乐山市政府副市长阿刘时布,州委副秘书长瓦西亚夫,副市长斯朗尼玛、洛桑旦巴出席。")
    assert {"阿刘时布", "瓦西亚夫", "斯朗尼玛", "洛桑旦巴"} <= set(found)
    assert "努尔兰 · 阿不都满金" in officials("区政协主席努尔兰 · 阿不都满金报告工作。")  # the name as written
    listed = officials("陪同调研、参加座谈会的州上领导有,毛生武、俞成辉、杨继军。")
    assert {"毛生武", "俞成辉", "杨继军"} <= set(listed)


def test_retired_leaders_named_before_等老领导_are_no_officials() -> None:
    found = officials("省委常委李锦斌主持报告会。张勃兴、安启元、李溪溥等老领导参加了报告会。")
    assert set(found) == {"李锦斌"}


def test_an_appointment_of_several_names_and_words_that_only_look_like_names() -> None:
    found = officials("会议决定任命徐加晔、付阳同志为射阳县人民政府副县长。")
    assert found == {"徐加晔": ["射阳县人民政府副县长"], "付阳": ["射阳县人民政府副县长"]}
    assert "国家" not in officials("传达学习中共中央总书记、国家主席、中央军委主席习近平的讲话。")
    assert "班子" not in officials("县长牛永福出席会议。县政府领导班子以及各乡镇乡镇长应邀参加。")


def test_a_court_division_head_a_section_chief_and_a_river_chief_hold_posts() -> None:
    found = officials("县法院行政审判庭庭长陈铁山、县检察院民行科科长袁卫东分别作了报告。")
    assert set(found) == {"陈铁山", "袁卫东"}
    chief = officials("12月8日,县委书记、县总河段长、东河县级河段长张世忠带队巡河。")
    assert chief["张世忠"][-1] == "东河县级河段长"
    assert "公示牌" not in officials("县委书记张三查看河长公示牌。")


def test_japanese_mayors_a_closed_dateline_and_thanks_to_a_title() -> None:
    found = officials("(中央社记者张荣祥台南13日电)日本山形市长佐藤孝弘等人昨天拜会台南市长黄伟哲。")
    assert set(found) == {"佐藤孝弘", "黄伟哲"}
    assert "齐藤启辅" in officials("余市町长齐藤启辅表示欢迎。")
    assert officials("齐藤町长感谢彰化市长回访余市町,也再次感谢林市长协促。") == {}


def test_names_after_班子成员_hold_that_label_as_their_post() -> None:
    text = "县政协党组书记、主席陈宗银主持召开党组会议。县政协党组和班子成员刘浦生、张志存、朱传旭出席会议。"
    found = officials(text)
    assert found["刘浦生"] == ["党组和班子成员"] and {"张志存", "朱传旭"} <= set(found)


def test_a_credit_in_corner_brackets_ends_at_its_bracket() -> None:
    assert officials("〔记者张存薇、彭显钧/综合报导〕台东县长邝丽贞率团访问欧洲。") == {"邝丽贞": ["台东县长"]}


def test_deputies_and_a_deputies_delegations_head_hold_public_posts() -> None:
    text = (
        "出席宴会的有中联办主任白志健,澳区全国人大代表团团长刘焯华,副团长贺一诚、吴仕明,"
        "澳区全国人大代表刘艺良、李鹏翥等出席了宴会。"
    )
    assert {"白志健", "刘焯华", "刘艺良", "李鹏翥"} <= set(officials(text))


def test_a_military_rank_closes_a_name_and_a_counsellor_holds_a_post() -> None:
    found = officials("原福田区人民武装部部长周军上校调任盐田区人民武装部部长。外交部国际经济司副司级参赞张丹出席。")
    assert {"周军", "张丹"} <= set(found) and "周军上" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("監察委員賴鼎銘、鴻義章今天下鄉。", [("賴鼎銘", ["監察委員"]), ("鴻義章", ["監察委員"])]),  # 赖, a surname
        ("县议会议长张镇荣出席。", [("张镇荣", ["县议会议长"])]),  # 议长; 镇 in a name
        ("陳金德代理縣長29日出席龍舟賽。", [("陳金德", ["代理縣長"])]),  # an acting post after the name
        (
            "行政長官李家超、民政及青年事務局局長麥美娟出席。",  # a bureau whose name holds 及 is no list item
            [("李家超", ["行政長官"]), ("麥美娟", ["民政及青年事務局局長"])],
        ),
        ("行政长官林郑月娥于2日到访北区。", [("林郑月娥", ["行政长官"])]),  # 于 and a day close the name
        (
            "副县长何奎、蒋道成和县政府办主任李安模出席。",  # 和 and a level begin a new post: 蒋道成 stays a name
            [("何奎", ["副县长"]), ("蒋道成", ["副县长"]), ("李安模", ["县政府办主任"])],
        ),
        ("台灣很多縣市長來大陸訪問。", []),  # 来 opens no name
        ("市長韓國瑜偕社會局長探訪獨居長者。", [("韓國瑜", ["市長"])]),  # 偕 (with) follows a name
        ("会上镇党委书记王涛总结讲评节日值班情况。", [("王涛", ["镇党委书记"])]),  # 总结 follows a name
        ("市长卡文·琼斯先生一行。", [("卡文·琼斯", ["市长"])]),  # 先生 is no part of the name
        ("立委張花冠也到場致意。", [("張花冠", ["立委"])]),  # a legislator
        ("農委會王政騰副主委8月27日南下勘災。", [("王政騰", ["副主委"])]),  # a vice-chair after the name
        ("三级高级法官周继耐前往又兰镇。", [("周继耐", ["法官"])]),  # a judge
        ("区党委书记鹿心社、副主席陈帆亦出席。", [("鹿心社", ["区党委书记"]), ("陈帆", ["副主席"])]),  # 亦 is no name's
        ("美国副总统乔·拜登出席。", [("乔·拜登", ["副总统"])]),  # 副总统, a post
        ("力争开成委员满意、社会认可的大会。", []),  # 满意 is no name
        (
            "地委书记张金标、中共和田地委副书记葛标出席。",  # 中共 opens a post, no list item
            [("张金标", ["地委书记"]), ("葛标", ["地委副书记"])],
        ),
        (
            "補選鄉長謝昌年宣誓就職,補選鄉長宣誓暨交接典禮由副縣長鄧桂菊主持。",
            [("謝昌年", ["補選鄉長"]), ("鄧桂菊", ["副縣長"])],
        ),
        ("县长杨文科上任第一年。杨文科简报说，预算提升。", [("杨文科", ["县长"])]),  # 科 in a name closed elsewhere
    ],
)
def test_posts_and_names_of_taiwan_and_hong_kong_pages(text: str, expected: list[tuple[str, list[str]]]) -> None:
    officials = extract(text, reference_date="2023-06-08", mode="rules").officials
    assert [(o.name, o.titles) for o in officials] == expected


def test_a_hosts_post_after_a_visiting_associations_party_is_public() -> None:
    text = "5月11日,“中华两岸劳动关系发展协会”理事长姚江临一行在河南省台办副主任杜春景的陪同下到焦作考察。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2014-05-13").officials] == [
        ("杜春景", ["河南省台办副主任"])
    ]


def test_hong_kong_chief_executive_and_bureaus_whose_局_is_shared_with_局长() -> None:
    text = "特首梁振英昨午到港澳办与主任王光亚会面,陪同的还有财经事务及库务局长陈家强、商务及经济发展局长苏锦梁。"
    officials = {o.name: o.titles for o in extract(text, reference_date="2014-03-06").officials}
    assert officials == {
        "梁振英": ["特首"],
        "王光亚": ["主任"],
        "陈家强": ["财经事务及库务局长"],
        "苏锦梁": ["商务及经济发展局长"],
    }


def test_a_hong_kong_married_womans_two_surnames_stand_before_her_given_name() -> None:
    text = "行政长官林郑月娥明日(9月22日)率领特区政府代表团前赴成都。"
    assert [o.name for o in extract(text, reference_date="2021-09-21").officials] == ["林郑月娥"]


def test_heads_of_companies_the_state_owns_hold_public_posts_and_private_ones_do_not() -> None:
    text = "强卫拜会了港中旅集团董事长张学武、招商局集团总裁李建红,又会见了晶科能源有限公司总裁李仙德一行。"
    names = [o.name for o in extract(text, reference_date="2014-03-06").officials]
    assert names == ["张学武", "李建红"]
    text = "1月6日,中国银行董事长肖钢一行到经济区考察。"  # a state bank
    assert [o.name for o in extract(text, reference_date="2009-01-07").officials] == ["肖钢"]
    text = "出席的有四川立信中远投资集团总经理冯喻生。"  # 中远 inside a private company's name
    assert [o.name for o in extract(text, reference_date="2019-02-24").officials] == []


def test_the_whole_country_before_a_post_and_the_east_before_a_road_name_no_one() -> None:
    text = "夏德仁会见了日本长冈市市长、全国市长会会长森民夫。"
    assert "全国" not in [o.name for o in extract(text, reference_date="2009-11-22").officials]
    text = "市委书记关仕勋介绍了沿江防洪堤岸、东部长江路等河道整治。"
    assert [o.name for o in extract(text, reference_date="2019-11-28").officials] == ["关仕勋"]


def test_任_before_a_post_held_it_and_ends_no_name() -> None:
    text = "3月17日,市长赖清德回忆颜纯左顾问任副市长时,进入社区演讲。"
    assert [o.name for o in extract(text, reference_date="2017-03-17").officials] == ["赖清德"]


def test_所作_after_a_name_is_the_particle_not_the_names_end() -> None:
    text = "会议讨论并赞同区长徐明所作的政府工作报告。"
    assert [o.name for o in extract(text, reference_date="2020-01-13").officials] == ["徐明"]


def test_a_japanese_mayor_surnamed_森_is_named() -> None:
    text = "夏德仁会见了日本长冈市市长、全国市长会会长森民夫。"
    assert [o.name for o in extract(text, reference_date="2009-11-22").officials] == ["森民夫"]


def test_长远_after_a_post_word_is_the_long_run_and_远_a_surname_elsewhere() -> None:
    text = "市长王明指出,这些都是关系我市长远发展的重大项目。"
    assert [o.name for o in extract(text, reference_date="2020-02-28").officials] == ["王明"]
    text = "市政府党组成员、秘书长远义彬在主会场出席。"
    assert [o.name for o in extract(text, reference_date="2020-02-28").officials] == ["远义彬"]


def test_a_commissioner_holds_a_post_and_a_delegation_received_from_a_chamber_is_led_by_an_official() -> None:
    text = "外交部驻澳门特别行政区特派员公署特派员胡正跃、副特派员蔡思平等一行七人昨日访问了澳门中华总商会。"
    assert [o.name for o in extract(text, reference_date="2014-01-08").officials] == ["胡正跃", "蔡思平"]
    text = "厂商会副会长戴泽良接待由湖南省邵阳市人民政府副市长晏丽君率领的一行6人代表团。"
    assert [o.name for o in extract(text, reference_date="2017-04-28").officials] == ["晏丽君"]


def test_和_before_a_leading_verb_stands_in_the_name() -> None:
    text = "神冈区公所今天由区长陈嘉和带领主任秘书出席会议。"
    assert [o.name for o in extract(text, reference_date="2013-05-13").officials] == ["陈嘉和"]
    text = "县长王明和副县长李四出席会议。"  # 和 joining two officials
    assert [o.name for o in extract(text, reference_date="2013-05-13").officials] == ["王明", "李四"]


def test_taiwan_ward_and_village_chiefs_hold_posts_in_their_ward_or_village() -> None:
    text = "游淑贞乡长偕同东昌村长魏锦添及公所团队探访。民政局长吴世玮和隆兴里长苏清泉等人视察。"
    officials = {o.name: (o.titles, o.region) for o in extract(text, reference_date="2020-01-01").officials}
    assert officials["魏锦添"] == (["东昌村长"], "东昌村")
    assert officials["苏清泉"] == (["隆兴里长"], "隆兴里")
    text = "他与当地里长施俊平亲自发送粽子。"  # 当地: the local ward, named by no name
    assert [(o.name, o.region) for o in extract(text, reference_date="2020-01-01").officials] == [("施俊平", None)]


def test_a_taiwan_page_writes_a_township_head_or_section_chief_after_the_name() -> None:
    text = "由林边乡郑信政乡长邀请屏东县曹启鸿县长、行政院重建会基础建设处蔡志昌副处长出席。"
    names = [(o.name, o.titles) for o in extract(text, reference_date="2012-07-16").officials]
    assert names == [("郑信政", ["乡长"]), ("曹启鸿", ["县长"]), ("蔡志昌", ["副处长"])]
    text = "县长由县政府建设处长蔡胜雄、原民处长方铭总等陪同。县府原民处长也出席。"  # 原民: a body, no name
    assert "原民" not in [o.name for o in extract(text, reference_date="2024-10-04").officials]


def test_a_head_written_after_the_name_right_after_a_body_or_a_date() -> None:
    text = "9月28日，市公路局余清华局长一行深入大红村开展帮扶调研。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2016-09-30").officials] == [("余清华", ["局长"])]
    text = "2020年10月7日李扬镇长调度秸秆禁烧工作。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2020-10-07").officials] == [("李扬", ["镇长"])]
    text = "季先峥秘书长赴澳门拜会司长。李伟农司长表示欢迎。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2022-01-13").officials] == [
        ("季先峥", ["秘书长"]),
        ("李伟农", ["司长"]),
    ]
    text = "县将增置副秘书长一人，原则上副秘书长将以现有同仁调任。"  # 原则上: no name
    assert extract(text, reference_date="2025-12-16").officials == []
    text = "民政局长吴世玮视察。他向这位局长报告。"  # 这位局长: no name before the title
    assert [o.name for o in extract(text, reference_date="2020-01-01").officials] == ["吴世玮"]


def test_a_council_speaker_or_councillor_written_after_the_name_and_a_korean_county_head_are_officials() -> None:
    text = "巫山縣參訪團昨日抵達桃園市議會進行參訪,邱奕勝議長親自接待,蘇家明議員陪同。"
    names = {o.name: o.titles for o in extract(text, reference_date="2018-11-28").officials}
    assert names["邱奕勝"] == ["議長"] and names["蘇家明"] == ["議員"]
    text = "2月7日,青松郡郡守韩东洙率领该郡代表团来宿。林市长已经陆续拜会许多议员。"
    assert {o.name for o in extract(text, reference_date="2018-02-08").officials} == {"韩东洙"}


def test_a_deputy_procurator_or_a_courts_chief_clerk_after_the_name_and_a_faculty_head_is_no_official() -> None:
    text = "6月9日下午,潘成刚副检察长来到12309检察服务中心控申接访室。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2020-06-10").officials] == [
        ("潘成刚", ["副检察长"])
    ]
    text = "北陆大学经济经营学部校务委员长胡光辉教授率学生一行参访,由院长及葛羽洪书记官长等人陪同。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2017-08-30").officials] == [
        ("葛羽洪", ["书记官长"])
    ]


def test_日_stands_inside_a_listed_name_and_at_its_end_but_not_before_a_time_word() -> None:
    text = "会议听取了汇报。龙志华、刘日炎、谭红日、李艳平参加会议。"
    assert [o.name for o in extract(text, reference_date="2020-10-20").officials] == [
        "龙志华",
        "刘日炎",
        "谭红日",
        "李艳平",
    ]
    text = "县长王明日前到乡镇调研。市长李强日夜坚守一线。"
    assert {o.name for o in extract(text, reference_date="2020-10-20").officials} == {"王明", "李强"}


def test_no_name_ends_where_顺利_努力_or_缺席_runs_on() -> None:
    text = "立法会议员全数缺席。议长说,祝官员和议员诸事顺利,感谢各议员齐心努力。"
    assert extract(text, reference_date="2019-02-18").officials == []


def test_说_ends_no_name_after_a_post() -> None:
    text = "4月15日,市政协主席杨长亚看望政协委员。杨长亚在看望委员时说,召开两会是全市的大事。"
    assert {o.name for o in extract(text, reference_date="2018-04-16").officials} == {"杨长亚"}


def test_a_leaders_label_lists_its_names_with_commas_where_the_list_closes_with_等_or_attending() -> None:
    text = "苍山县领导郑连胜,薛峰,王剑峰等陪同检查。"
    assert [o.name for o in extract(text, reference_date="2013-05-01").officials] == ["郑连胜", "薛峰", "王剑峰"]
    text = "县领导郑连胜,薛峰主持会议。"  # a clause's comma: 薛峰 is not read as a leader here
    assert [o.name for o in extract(text, reference_date="2013-05-01").officials] == ["郑连胜"]


def test_a_post_holders_residence_after_the_post_is_no_name() -> None:
    text = "10月3日,县议员张荣志质疑公所拿公款在镇长公馆旁兴建违章车库。"
    assert [o.name for o in extract(text, reference_date="2018-10-03").officials] == ["张荣志"]


def test_亲临_follows_a_name() -> None:
    text = "7月30日,县长王明亲临现场指导,副县长王奎亲临指挥。"
    assert [o.name for o in extract(text, reference_date="2013-07-31").officials] == ["王明", "王奎"]


def test_a_township_representative_on_a_taiwan_page_is_an_official() -> None:
    text = "乡代庄期文指出,满州需争取拓宽县道。乡代会主席熊志谋主持会议,镇民代表陈明辉列席。"
    assert {o.name for o in extract(text, reference_date="2021-08-19").officials} == {"庄期文", "熊志谋", "陈明辉"}


def test_a_field_of_government_between_a_place_and_its_bureau_or_court_stays_in_the_post() -> None:
    text = "永顺县公路局局长彭忠奎迎接检查。邯郸市中级人民法院院长戴景月坐镇指挥。"
    found = {o.name: (o.titles, o.region) for o in extract(text, reference_date="2018-05-01").officials}
    assert found["彭忠奎"] == (["永顺县公路局局长"], "永顺县")
    assert found["戴景月"] == (["邯郸市中级人民法院院长"], "邯郸市")


def test_a_korean_county_is_the_region_of_its_head() -> None:
    text = "2月7日,青松郡郡守韩东洙率领该郡代表团来宿访问。"
    [official] = extract(text, reference_date="2018-02-08").officials
    assert (official.name, official.region) == ("韩东洙", "青松郡")


def test_a_head_of_a_federation_the_state_runs_holds_a_post_and_an_associations_does_not() -> None:
    text = "市残联副理事长何永国、区政府副区长王社信等领导出席了活动。市书法家协会副理事长王明也到场。"
    assert [o.name for o in extract(text, reference_date="2017-05-19").officials] == ["何永国", "王社信"]


def test_a_common_word_after_a_post_is_no_name_of_two() -> None:
    text = "5月4日,由水利局代理局长简报,代理市长许立明听取。杜局长询问学校领导师生到校情况。"
    assert [o.name for o in extract(text, reference_date="2018-05-04").officials] == ["许立明"]


def test_a_name_opening_with_a_common_word_is_none() -> None:
    text = "县长林明溱将落实竞选县长时许下的承诺与理念。"
    assert [o.name for o in extract(text, reference_date="2014-12-25").officials] == ["林明溱"]


def test_a_presidiums_members_listed_after_or_before_their_label_are_officials() -> None:
    text = "大会主席团常务主席及成员李波、贺国琴在主席台前排就座。陈正斌、黄天俊、李娉等主席团其他成员在主席台就座。"
    found = [o.name for o in extract(text, reference_date="2016-03-02").officials]
    assert sorted(found) == sorted(["李波", "贺国琴", "陈正斌", "黄天俊", "李娉"])


def test_common_words_after_a_post_such_as_信心_or_曾经_name_nobody() -> None:
    text = "县委书记信心十足地说。县委书记曾经是一个神秘的群体。各市议员相互认识。"
    assert extract(text, reference_date="2020-01-01").officials == []


def test_names_listed_before_a_title_written_after_the_last_share_it() -> None:
    text = "程序委员会由郭信良议长主持,委员林炳利副议长、王家贞、赵昆原、邱莉莉、吕维胤及吴通龙议员出席。"
    found = {o.name: o.titles for o in extract(text, reference_date="2020-01-08").officials}
    assert found["郭信良"] == ["议长"]
    assert all(found[name] == ["议员"] for name in ("王家贞", "赵昆原", "邱莉莉", "吕维胤", "吴通龙"))


def test_a_department_head_written_after_the_name_is_an_official() -> None:
    text = "11月18日,省农业厅胡汉平厅长到都昌县调研粳稻生产情况。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2014-11-18").officials] == [("胡汉平", ["厅长"])]


def test_diplomats_hold_posts_and_a_charity_ambassador_does_not() -> None:
    text = "法国驻华大使顾山一行来访,公使程祥云陪同。市长韩国瑜偕同公益大使甄珍女士至三民区访视。"
    assert sorted(o.name for o in extract(text, reference_date="2019-01-20").officials) == sorted(
        ["顾山", "程祥云", "韩国瑜"]
    )


def test_边走边看_after_a_post_names_nobody() -> None:
    text = "12月18日,全区村党组织书记边走边看,在观摩学习中取长补短。县委领导边看边认真听取汇报。"
    assert extract(text, reference_date="2020-12-19").officials == []


def test_满怀_after_a_post_names_nobody() -> None:
    text = "2月28日,出席大会的人大代表满怀着全市人民的重托参加会议。市长张广智作政府工作报告。"
    assert [o.name for o in extract(text, reference_date="2006-03-01").officials] == ["张广智"]


def test_a_court_presidents_title_after_the_name_is_read_only_right_after_the_court() -> None:
    text = "11月10日,最后由本院李国增院长主持座谈会。4月22日,徐东华院长一行考察。"
    assert [(o.name, o.titles) for o in extract(text, reference_date="2023-11-10").officials] == [("李国增", ["院长"])]


def test_a_long_comma_list_after_a_label_is_read_whole() -> None:
    names = [f"{surname}{given}" for surname in "王李张刘陈" for given in ("明华", "建军", "海涛", "立新")]
    text = "3月5日,县领导" + ",".join(names) + "等出席会议。"
    assert [o.name for o in extract(text, reference_date="2020-03-06").officials] == names


def test_a_vice_minister_and_a_speaker_before_致词_are_officials() -> None:
    text = "4月25日,议长张镇荣致词时,肯定县府团队。农业部政务次长黄昭钦说,会尽速办理。"
    assert sorted(o.name for o in extract(text, reference_date="2019-04-25").officials) == ["张镇荣", "黄昭钦"]


def test_a_list_item_opening_with_a_body_and_its_heads_post_is_no_name() -> None:
    text = "3月24日,市长张国洲介绍清洁队队长赖允文、殡葬管理所所长梁裕佩、秘书温忠仁。"
    names = [o.name for o in extract(text, reference_date="2015-03-25").officials]
    assert "殡葬" not in names and "梁裕佩" in names


def test_a_common_word_opening_a_list_item_is_no_name() -> None:
    text = "3月5日,全县13个乡镇党委书记、党务副书记、108个村党组织书记参加会议。"
    assert [o.name for o in extract(text, reference_date="2020-03-06").officials] == []


def test_a_bare_里长_in_a_list_of_representatives_is_no_name() -> None:
    text = "3月5日,镇民代表黄小龙、赵美惠、里长、乡亲都到场。"
    assert sorted(o.name for o in extract(text, reference_date="2020-03-06").officials) == ["赵美惠", "黄小龙"]
