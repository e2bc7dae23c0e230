"""Write the binary tables of this folder (.xlsx, .docx) again from the text below (SOURCES.md says where each comes from).

    .venv/bin/python tests/data/tables/make_tables.py

The .html and .tsv tables are text and kept as they are; the workbooks and Word files are made here
so that a reviewer can read every cell in this file. A table is a title (the line above it in the
document), a header and rows; a cell ``None`` is covered by a merge, and ``merges`` lists each merged
range as (first row, first column, last row, last column), counted from 0 over header and rows.
Needs openpyxl (a dependency of mstrack) and python-docx (for the .docx files).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = (2024, 1, 1, 0, 0, 0)  # every part's time stamp, so that a file is written the same twice

TABLES: dict[str, dict] = {
    "cangnan-2022-jindu.xlsx": {
        "title": "2022年度市县民生实事未完成项目进度表(截至10月31日)",
        "header": ["序号", "项目内容", "当前进度", "牵头单位", "备注"],
        "rows": [
            ["1", "新(改、扩)建公办园5所,新增公办幼儿学位1000个。", "80%(新区实验幼儿园进度滞后)", "县教育局", "市民生实事"],
            ["2", "建设四好农村路55公里。", "95%", "县交通局", "县民生实事"],
            ["3", "完成农村公路大中修70公里。", "90%", "县交通局", "县民生实事"],
            ["4", "建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院", "98%", "县卫健局", "县民生实事"],
            ["5", "打通县城人民大道(苍南大道至山海大道)等12条断头路。", "88%(灵溪镇园区六路、金乡镇四好农村路推进缓慢)", "县住建局",
             "县民生实事"],
            ["6", "建成投用桥墩镇、赤溪镇、灵溪镇观美等3家中心敬老院。", "57%(赤溪、灵溪偏慢)", "县民政局", "县民生实事"],
            ["7", "开工建设矾山镇、马站镇等2家中心敬老院。", "50%(马站未开工", "县民政局", "县民生实事"],
            ["8", "推进县职业中专扩容提升。", "22%(严重滞后)", "县教育局", "县民生实事"],
            ["9", "建成投用中小学3所,新增学位3800位。", "95%", "县教育局", "县民生实事"],
            ["10", "完成上横河泵站和萧江水闸主体工程,开工建设萧江塘河控制闸。", "95%", "县水利局", "县民生实事"],
            ["11", "开工建设海塘安澜(南片海塘4.65公里)。", "70%", "县水利局", "县民生实事"],
            ["12", "完成县应急广播指挥中心、18个乡镇应急广播分控中心、376个村居广播室和752只可控IP化高音喇叭建设,"
                   "实现县级应急广播平台与省、市互联互通。", "98%", "县文广旅体局", "县民生实事"],
            ["13", "新增16个“文化驿站”。", "98.4%", "县文广旅体局", "县民生实事"],
        ],
        "merges": [],
    },
    "daxin-2024-shishi.xlsx": {
        # held out: added after the reader's last change (SOURCES.md)
        "title": "大新镇2024年民生实事项目公布",
        "header": ["序号", "类别", "项目名称", "具体内容及规模"],
        "rows": [
            ["1", "城市更新行动", "镇区积水点专项整治项目",
             "对全镇积水点进行集中专项整治,通过增加、连通排水管网、增加排水能力,减少暴雨后积水现象。"],
            ["2", None, "新湖公园古建廊亭修缮及栈桥等养护工程",
             "对大新湖公园的5座古建亭廊进行全面勘察,并统一进行修缮和油漆保养,对栈桥、围栏等基础设施进行养护维修。"],
            ["3", None, "全过程人民民主基层实践基地改造项目",
             "建设全过程人民民主基层实践基地海棠驿站”“残疾人之家”“养老+育幼服务阵地等功能板块,建设工程量为831.6平方硬装及软装。"],
        ],
        # the category over its three projects
        "merges": [(1, 1, 3, 1)],
    },
    "huainan-2023-3yue.xlsx": {
        "title": "2023年3月份暖民心行动各县区进展情况表",
        "header": ["县区", "项目名称", "年度目标任务", "完成进度"],
        "rows": [
            ["寿县", "一、就业促进行动\n(6项指标)", "*1.力争9个城市社区达到“三公里”充分就业社区标准", "完成9个,完成率100%"],
            [None, None, "2.募集青年就业见习岗位325个", "完成330个,完成率101.54%"],
            [None, None, "3.开发公益性岗位540个", "完成838个,完成率155.19%"],
            [None, None, "*4.新增技能人才4000人", "完成736人,完成率18.04%"],
            [None, None, "5.全年开展补贴性培训8000人次", "完成2579人,完成率32.24%"],
            [None, None, "6.开展农民工职业技能培训4300人次", "完成1429人,完成率33.23%"],
            [None, "二、“新徽菜·名徽厨”行动(2项指标)", "*1.开展徽菜师傅技能培训不少于240人次", "完成141人次,完成率58.75%"],
            [None, None, "*2.其中,新增徽菜师傅不少于180人次", "完成37人次,完成率20.5%"],
            [None, "三、老年助餐服务行动(2项指标)", "*1.新增城市老年食堂(助餐点)不少于6个", "完成1个,完成率16.7%"],
            [None, None, "*2.新增农村老年食堂(助餐点)不少于27个", "完成0个,完成率0%"],
            [None, "四、健康口腔行动\n(6项指标)", "*1.全市已设口腔科的二级及以上综合医院(含中医院)牙椅总数较2022年增加5%,新增牙椅12台",
             "完成2台,完成率16.67%"],
            [None, None, "*2.新增窝沟封闭6-9岁儿童7050人", "完成1826人,完成率26%"],
            [None, None, "3.90%的二级综合医院单独设置口腔科", "已完成"],
            [None, None, "4.30%以上的社区卫生服务中心、30%以上服务人口超过2万的乡镇卫生院配备专职口腔医师,每万人口口腔执业(助理)医师数"
             "达到1.6人,医护比达到1:1", "已完成(完成30%,完成率100%)"],
            [None, None, "5.推广口腔适宜技术不少于3项", "完成3项,完成率100%"],
            [None, None, "6.新增设立市级公立口腔专科医院", "无任务"],
        ],
        # the county over all its rows; each action over its indicators
        "merges": [(1, 0, 16, 0), (1, 1, 6, 1), (7, 1, 8, 1), (9, 1, 10, 1), (11, 1, 16, 1)],
    },
    "meishan-2017-1-11yue.xlsx": {
        "title": "2017年1—11月十大民生工程项目实施进度表",
        "header": ["工程\n名称", "序号", "项 目 内 容", None, "目标任务", "市级牵头\n责任单位", "进度", "完成目标\n(%)", "备注"],
        "rows": [
            ["就业促进工程", "1", "促进城乡劳动者就业创业", "城镇新增就业(人)", "26000", "市人力资源\n社会保障局", "32095", "123.4",
             "超额完成"],
            [None, "2", None, "城镇失业人员再就业(人)", "4000", None, "4934", "123.4", "超额完成"],
            [None, "3", None, "就业困难人员就业(人)", "2000", None, "2519", "125.9", "超额完成"],
            [None, "4", None, "城镇登记失业率低于(%)", "4.3", None, "4.17", "103.1", "超额完成"],
            [None, "5", None, "2014级民族地区“9+3”免费教育计划毕业生初次就业率(%)", "95", None, "100", "105.3", "超额完成"],
            [None, "6", None, "劳务品牌培训(人)", "2425", None, "2425", "100", "已完成"],
            [None, "7", None, "青年劳动者技能培训(人)", "3000", None, "3291", "109.7", "超额完成"],
            [None, "8", "对创业的在校大学生和毕业5年内的高校毕业生给予创业补贴创业担保贷款等政策扶持", None, "应补尽补",
             "市人力资源社会保障局、市教体局、\n团市委", "发放一次性创业补贴262万元,争取创业补贴、贷款537万元。", None, "达到时间进度"],
            [None, "9*", "促进大学生创业(人)", None, "260", "市人力资源\n社会保障局", "262", "100.8", "超额完成"],
            [None, "10*", "促进城乡劳动者就业创业", "妇女居家灵活就业培训(人)", "4000", "市妇联", "4856", "121.4", "超额完成"],
            [None, "11*", None, "开展农村青年技能培训(人)", "400", "团市委", "1876", "469", "超额完成"],
            [None, "12*", None, "开展现代畜牧业科技培训(人次)", "30000", "市畜牧局", "38120", "127.1", "超额完成"],
            [None, "13*", None, "电子商务人才培训(人)", "8000", "市商务局", "9200", "115", "超额完成"],
            [None, "14", "下岗失业人员再就业(人)", None, "400", "市总工会", "1008", "252", "超额完成"],
            [None, "15", "促进高校毕业生就业(%)", None, "78", "市教体局", "97", "124.4", "超额完成"],
        ],
        # the cells each row leaves out, read as merges: the area and the first project over their rows,
        # one-cell project texts over both project columns, row 8's progress text over 进度 and 完成目标
        "merges": [(0, 2, 0, 3), (1, 0, 15, 0), (1, 2, 7, 2), (1, 5, 7, 5), (8, 2, 8, 3), (8, 6, 8, 7), (9, 2, 9, 3),
                   (10, 2, 13, 2), (14, 2, 14, 3), (15, 2, 15, 3)],
    },
    "jiangshan-2023-jihua.docx": {
        "title": "2023年市政府民生实事项目实施计划表",
        "before": ["江山市人民政府关于公布2023年市政府民生实事项目实施计划的通知", "江政发〔2023〕1号",
                   "各乡、镇人民政府,街道办事处,市政府各部门:",
                   "2023年市政府民生实事项目已经市十七届人大二次会议投票表决确定,现予公布。各责任单位要切实把民生实事项目建设摆上重要"
                   "议事日程,严格按照建设时限要求,倒排时间,抓紧制定具体实施方案,加快推进项目建设;各级各有关部门要高度重视,明确责任分工,"
                   "强化协同配合,全力落实资金、土地等要素保障工作,确保把每件民生实事办好办实,不断增强群众的幸福感、获得感。",
                   "附件:2023年市政府民生实事项目实施计划表", "江山市人民政府", "2023年2月8日", "(此件公开发布)", "附件",
                   "2023年市政府民生实事项目实施计划表"],
        "header": ["序号", "项目名称", "项目建设规模及内容", "建设起\n止年限", "总投资\n(万元)", "当年投资\n\n(万元)", "2023年度\n\n计划",
                   "资金\n\n来源", "责任\n\n单位"],
        "rows": [
            ["1", "城市用气\n\n提升工程", "对听涛山庄、雅林西苑、雅林东苑、西城华庭等28个小区进行“液改气”改造,安装燃气安全装置13000套,"
             "对30个小区燃气调压设施进行安全提升,让更多市民用上清洁、安全、实惠的天然气。", "2023.01-2023.12", "1200", "1200", "完工投用",
             "国企投资", "城投集团"],
            ["2", "山塘水库综合整治工程", "完成峡口镇大坑等6座小型水库加固改造及石门镇江郎山村后垄等10座山塘综合整治工程,消除安全隐患,"
             "提升蓄水灌溉能力。", "2023.01-2023.12", "4600", "4600", "基本完工", "政府投资", "水利局"],
        ],
        "merges": [],
    },
    "zhonglou-2021-fenjie.docx": {
        "title": "2021年重大民生实事项目目标任务责任分解表",
        "header": ["序号", "项目名称", "主要内容", "区政府分管领导", "牵头单位", "配合单位"],
        "rows": [
            ["1", "增加教育资源供给", "实施新建、改扩建学校重点建设项目12个,计划竣工3个,其中幼儿园7个、小学4个、初中1个;增加学位5000个,"
             "其中幼儿园420个,中小学4580个。", "何海平", "教育局", "经开区\n高新园(邹区镇)\n各街道\n市国有公司"],
            ["2", "促进就业稳定增长", "落实就业优先战略。全区城镇新增就业15000人,失业人员再就业5800人,新增参保大学生5400人,城乡“零就业家庭”"
             "动态清零,城镇登记失业率控制在3%以内;支持成功自主创业2000人,支持大学生创业240人;开展职业技能补贴培训10000人次。",
             "何海平", "人社局", "高新园(邹区镇)\n各街道"],
            ["3", "老城厢复兴发展", "完成瞿秋白纪念馆整体提升工程对外开放,完成常州盛宣怀故居(本体)修缮展陈。", "何海平", "文体旅局",
             "晋陵公司\n轨道公司"],
            [None, None, "推进大庙弄核心区改造、瞿秋白纪念馆周边立面整治及三堡街、西横街、民元里、邮电路、北大街等老城厢道路整治。",
             "芮春祥", "住建局", "五星街道\n南大街街道\n荷花池街道"],
            ["4", "优化养老服务", "为全区23000名老年人提供居家上门服务。", "张菁", "民政局", "高新园(邹区镇)\n各街道"],
            [None, None, "提升改造8家城乡社区居家养老服务中心(站)。", None, None, None],
            [None, None, "对300户困难老人家庭进行居家适老化改造。", None, None, None],
            [None, None, "提升康复辅具社区租赁服务点建设水平,为IO(X)人提供康复辅具社区租赁服务。", None, None, None],
        ],
        # 序号 and 项目名称 of items 3 and 4 over their rows; item 4's leader and units over its four rows
        "merges": [(3, 0, 4, 0), (3, 1, 4, 1), (5, 0, 8, 0), (5, 1, 8, 1), (5, 3, 8, 3), (5, 4, 8, 4), (5, 5, 8, 5)],
    },
    # third held-out set (SOURCES.md): found, transcribed and read by hand without running mstrack on them
    "zhaoyuan-2022-1-9yue.xlsx": {
        "title": None,  # the excerpt starts at the header
        "header": ["类别", "民生事项名称", "2022年度任务目标", "责任单位", "分管市领导", "1-9月份工作完成情况", "1-9月份工作取得成效",
                   "监督电话"],
        "rows": [
            ["四、教育文化", "14.改扩建泉山学校及庙后吕家初级中学",
             "完成泉山学校一期2座教学楼建设,庙后吕家初级中学主体建设并投入使用。", "教育体育局", "刘福利",
             "泉山学校:完成主体建筑结构施工、平板浇筑,其中1号教学楼完成墙板安装,开始装饰装修;\n"
             "庙后吕家初级中学:食堂建成投用,教工宿舍楼完成主体钢结构施工,整体钢结构施工完成70%。",
             "两处学校改扩建项目目前正在加速推进施工进度。", "监督电话0535-8246306"],
            [None, "15.推进学校塑胶运动场地建设", "完成罗峰学校及13处农村学校塑胶运动场地建成并投入使用。", "教育体育局", "刘福利",
             "罗峰学校:9月份开始施工,完成基础施工30%;\n农村学校塑胶运动场地:完成基础施工,其中邵家初中塑胶运动场地完成人工草坪铺设正在进行篮球场"
             "硅PU施工,十字道初中开始人工草坪铺设。",
             "罗峰学校正在全力推进基础施工;13处农村学校塑胶运动场地已完成基础建设,两处学校开始铺设面层。", "监督电话0535-8246306"],
            [None, "16.推进义务教育课后服务",
             "对全市34所义务教育学校实行课后服务全覆盖,对有课后需求的学生实行全覆盖,稳步提高课后服务质量。", "教育体育局", "刘福利",
             "2022年9月23日对全市义务教育学校课后服务课程超市开设情况进行调度,督促学校开设多彩课程,丰富课后服务内容,促进课后服务提质增效。",
             "1-9月份全市有课后服务需求的学生32402人,实际参与课后服务的学生32402人,有课后服务需求的学生参与率100%,"
             "课后服务计划拨付700万元,占年度计划投资总额的75%。", "监督电话0535-8246336"],
        ],
        # the category over its three projects (rows 15 and 16 leave it out)
        "merges": [(1, 0, 3, 0)],
    },
    "ningbo-2014-1-6yue.xlsx": {
        "title": None,  # the page prints each item as labelled lines; the labels are the columns here (SOURCES.md)
        "header": ["", "牵头领导", "责任单位", "项目责任人", "配合单位", "实际完成情况"],
        "rows": [
            ["1.轨道交通1号线一期工程投入试运营。", "林静国", "市轨道交通工程建设指挥部", "尹文德", None,
             "轨道交通1号线一期工程已于2014年5月30日通车试运营。"],
            ["2.新增安装300套路口交通信息视频采集设备。", "王仁洲", "市公安局", "王伟标", "市城管局、市财政局",
             "中心设备调试、前端摄像机上杆安装,以及外场线路铺设、立杆基础浇筑、基础管道施工等工作整体进度已完成年度目标任务的55%,"
             "项目按预期计划扎实有序推进。"],
            ["3.新辟公交线路10条,优化调整20条。", "王仁洲", "市交通委", "劳可军", "市公安局、市城管局,各区政府",
             "鄞州 海曙、江东、江北 镇海 北仑 合计\n新辟线路年度目标 2 5 1 2 10\n实际完成 1 2 0 3 6\n优化调整线路年度目标 6 9 1 4 20\n"
             "实际完成 12 12 0 0 24"],
        ],
        "merges": [],
    },
    "wenzhou-2018-6yue.docx": {
        "title": "2018年省、市民生实事按时序推进的项目(截至6月20日)",
        "before": ["2018年6月民生实事进展情况", "发布日期:2018-06-27 10:35:00 来源:温州市人民政府办公室",
                   "截至6月20日,我市省、市民生实事52项指标中已有4项指标提前完成年度任务,分别为:市区公交车实现移动支付全覆盖、生态搬迁、"
                   "新增(优化)城乡公交线路、城镇生活垃圾资源化利用率和无害化处理率。14项指标完成进度在50%以上,实现时间过半任务过半。",
                   "2018年省、市民生实事按时序推进的项目(截至6月20日)"],
        "header": ["序号", "实事内容", "牵头单位", "进展情况"],
        "rows": [
            ["1", "市区公交车实现移动支付全覆盖。", "市交运集团", "已完成。"],
            ["2", "推进下山异地搬迁工程,完成生态搬迁1.5万人。", "市委农办(市农业局)", "已完成搬迁20612人,完成率137%。"],
            ["3", "全市新增(优化)城乡公交线路35条。", "市交通运输局", "已完成新增(优化)线路37条,完成率106%。其中新增11条,优化26条。"],
            ["4", "全市城镇生活垃圾资源化利用率达到92%以上、城镇生活垃圾无害化处理率达到100%。", "市综合行政执法局",
             "全市城镇生活垃圾资源化利用率已达到92%以上,城镇生活垃圾无害化处理率达到100%。"],
            ["5", "新增屋顶光伏装机5万千瓦, 家庭屋顶光伏1.2万户, 家庭屋顶装机容量2.4万千瓦。", "市发改委",
             "已新增屋顶光伏装机5.009万千瓦, 家庭屋顶光伏6232户, 家庭屋顶装机容量2.464万千瓦。"],
            ["6", "为7万名学龄儿童实施免费窝沟封闭。", "市卫计委", "已完成67290名学龄儿童免费窝沟封闭,完成率96.13%。"],
            ["7", "全市农村饮水安全提升工程新增受益人口17.85万人。", "市水利局",
             "完成工程投资7856万元,完成率54.7%,新增受益人口11.05万人,完成率61.9%。"],
        ],
        "merges": [],
    },
    "zhengzhou-2012-fenjie.docx": {
        "title": None,
        "before": ["今年政府承諾的為民“十大實事”怎么做實?如何務實惠民,將每件實事抓好具體落實?普通百姓如何監督呢?",
                   "昨日,市政府公布了2012年十大實事的任務分解表,還公布了主管領導、責任單位、任務責任人名字,甚至工期進度表等。據鄭州市督查室"
                   "負責人介紹,這也是我市首次公布十大實事主管市領導的名字,主要是為了加大對工作的督查力度,幫助相關責任單位把工作做實。",
                   "值得一提的是,往年的任務分解表列出了主辦、協辦單位、主要責任人的名字,而今年則列出了市里主管領導的名字,而且所有工程都有明確的"
                   "進度時間表及完成期限。",
                   "今年鄭州市公布的“十大實事”(草案),涉及社保、安全、教育等,共包含了60個具體事項,本報從中挑選了20項與我們密切相關的內容,"
                   "看看它們都是誰負責的,工期進度如何,也請您一起監督相關責任單位把工作做實。 記者 孫娟"],
        # the page prints each item as its text, then labelled lines; the labels are the columns here (SOURCES.md)
        "header": ["", "主管領導", "責任單位", "主要責任人", "進度安排"],
        "rows": [
            ["關鍵詞 教育", None, None, None, None],
            ["市區新增優質中小學招生學位2.36萬個。", "劉東", "市教育局", "毛杰", "6月底前基本完成基建任務;12月底前全部落實,實現招生。"],
            ["市區新建、改擴建中小學校30所,六縣(市)城區新建、改擴建中小學校10所以上。", "劉東", "市教育局", "毛杰",
             "6月底前,爭取在市區開工10所、六縣(市)開工4所;12月底前全部開工。"],
        ],
        # the key word over the table's width
        "merges": [(1, 0, 1, 4)],
    },
    "haicheng-2023-fengong.xlsx": {
        # held out (sixth set, helper a): the page prints each item as its text, then labelled lines; the labels are
        # the columns here, as ningbo-2014 and zhengzhou-2012 (SOURCES.md)
        "title": "海城市关于贯彻落实2023年《辽宁省政府工作报告》《鞍山市政府工作报告》《海城市政府工作报告》任务分解和责任分工方案",
        "header": ["", "牵头领导", "牵头单位", "责任单位"],
        "rows": [
            ["一、经济社会发展主要目标", None, None, None],
            ["1.地区生产总值增长6.5%以上。", "刘兴达", "市发展和改革局", "各有关部门,各开发区、镇(街道)"],
            ["2.一般公共预算收入增长8%以上。", "刘兴达", "市财政局", "各有关部门,各开发区、镇(街道)"],
            ["3.固定资产投资增长15%以上。", "刘兴达", "市发展和改革局", "各有关部门,各开发区、镇(街道)"],
            ["4.社会消费品零售总额增长10%以上。", "汪忠野", "市商务局", "各有关部门,各开发区、镇(街道)"],
            ["5.规模以上工业增加值增长7%以上。", "刘 哲", "市工业和信息化局", "各有关部门,各开发区、镇(街道)"],
            ["6.农村居民人均可支配收入增长与经济增长基本同步。", "王丽敏", "市农业农村局", "各有关部门,各开发区、镇(街道)"],
            ["7.其他主要经济指标增速不低于全市平均水平。", "刘兴达", "各主要经济指标牵头单位", "各有关部门,各开发区、镇(街道)"],
        ],
        # the heading over the table's width
        "merges": [(1, 0, 1, 3)],
    },
    "caidian-2023-fenjie.docx": {
        # held out (seventh set, helper b): the page prints each item as its text, then a labelled line 责任单位:…;
        # the label is the column here, as haicheng-2023 and zhengzhou-2012 (SOURCES.md)
        "title": None,
        "before": ["区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知",
                   "2023-01-05 10:00 区人民政府办公室",
                   "索 引 号 MB1534522/2023-05475 发文日期 2023-01-03",
                   "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号",
                   "分   类 政务公开 有 效 性 有效",
                   "各街道办事处、乡人民政府,区人民政府各部门、各直属机构:",
                   "2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已报经区人民政府同意,现印发给你们,并就有关事项通知如下:",
                   "一、各责任单位要高度重视,切实加强领导,对照2023年区《政府工作报告》确定的目标任务,制订工作方案,明确责任,明确措施,"
                   "明确时间节点,狠抓落实,并于2023年1月15日前将工作方案报区人民政府办公室。",
                   "二、区绩效考评机构要将2023年区《政府工作报告》确定的重要目标任务,纳入绩效管理考核范围,细化考核内容,加强过程考核,"
                   "确保各项工作落到实处。",
                   "三、从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前将本季度落实各项工作目标任务进展情况报区人民政府办公室,"
                   "区人民政府办公室将对各项工作目标任务的落实情况进行全程跟踪督办,并适时通报有关办理落实情况。",
                   "蔡甸区人民政府办公室",
                   "2023年1月3日",
                   "2023年区《政府工作报告》确定的主要目标任务责任分解方案"],
        "header": ["", "责任单位"],
        "rows": [
            ["一、2023年全区经济社会发展的主要预期目标", None],
            ["(一)地区生产总值增长7%以上", "区发展和改革局"],
            ["(二)规上工业增加值增长12%以上", "区科技和经信局"],
            ["(三)固定资产投资增长10%以上", "区发展和改革局"],
        ],
        # the heading over the table's width
        "merges": [(1, 0, 1, 1)],
    },
}


def _grid(table: dict) -> list[list[str | None]]:
    return [table["header"], *table["rows"]]


def write_xlsx(path: Path, table: dict) -> None:
    """One sheet: the title in A1 (merged over the table's width), the header in row 2, merges as merges.
    A table whose title is None (the document prints none above it) starts with its header in row 1."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    grid = _grid(table)
    width = max(len(r) for r in grid)
    first = 1  # the sheet row of the header, counted from 1
    if table["title"] is not None:
        sheet.cell(row=1, column=1, value=table["title"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        first = 2
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                sheet.cell(row=r + first, column=c + 1, value=value)
    for r1, c1, r2, c2 in table["merges"]:
        sheet.merge_cells(start_row=r1 + first, start_column=c1 + 1, end_row=r2 + first, end_column=c2 + 1)
    book.properties.creator = "mstrack"
    book.save(path)


def write_docx(path: Path, table: dict) -> None:
    """A title paragraph, then the table with real merged cells (vertical and horizontal)."""
    import docx

    document = docx.Document()
    for line in table.get("before", [table["title"]]):
        document.add_paragraph(line)
    grid = _grid(table)
    width = max(len(r) for r in grid)
    word = document.add_table(rows=len(grid), cols=width)
    word.style = "Table Grid"
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                word.cell(r, c).text = value
    for r1, c1, r2, c2 in table["merges"]:
        text = word.cell(r1, c1).text
        merged = word.cell(r1, c1).merge(word.cell(r2, c2))
        merged.text = text
    for line in table.get("after", []):
        document.add_paragraph(line)
    document.core_properties.author = "mstrack"
    document.save(path)


def _stable(path: Path) -> None:
    """Rewrite the zip with fixed time stamps and no creation dates, so the bytes do not change between runs."""
    import re

    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
            target.writestr(zipfile.ZipInfo(name, FIXED), data, zipfile.ZIP_DEFLATED)


def main() -> None:
    for name, table in TABLES.items():
        path = HERE / name
        (write_xlsx if name.endswith(".xlsx") else write_docx)(path, table)
        _stable(path)
        print(path.name)


if __name__ == "__main__":
    main()
