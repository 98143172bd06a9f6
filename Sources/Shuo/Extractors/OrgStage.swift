/// ORG: named organizations, longest span with sub-units (spec §3, Corpora/GUIDELINES.md §4).
///
/// Rules, in the `rule` field:
/// - `org-known`: a name listed in orgs.txt (or the user's ORG entries), on word boundaries,
///   widened over a place right in front (爱沙尼亚外交部) and an ordinal session (第九届…).
/// - `org-suffix`: a name ending in an organization suffix (org-suffixes.txt) at a word end. Its
///   start is found by walking back from the suffix over chunks: earlier organizations (sub-units
///   chain: 内蒙古自治区社会科学院|经济研究所), places, known names, bracketed parts (华润(集团)),
///   and ordinary words, stopping at punctuation, function words, common verbs and counted
///   phrases. The name starts at the nearest *anchor* (place, known organization, inner
///   organization, 国家/中央/全国 …) and takes further anchors only when they touch it
///   (中国驻南非研究中心 via 驻); words never join across an anchor (美国队下场打败伊朗队).
///   With no anchor, a `strong` suffix takes at most a few characters of name and only when they
///   look like a proper name (ICU splits names it does not know into single characters: 广|汽集团;
///   Latin letters, digits, brackets count too); a `weak` one (部, 局, 网 …) needs an anchor,
///   except a team (全兴队). A place plus a generic two-character weak word is a description
///   (广东省企业); a unit word alone is not an ORG (市委, 省政府: TitleStage keeps 市委书记 whole).
/// - `org-before-title`: a name with no anchor right before a TITLE (宣传部[部长]).
/// - `org-media`: a short media name (网, 客户端, 日报 …) with no anchor, coordinated with another
///   ORG (内蒙古日报、草原客户端联动南方网).
/// - `org-word-suffix`: a name ICU keeps as one word before a naming suffix, with no anchor
///   (剑桥|大学, 昆仑|出版社, 飞利浦|公司, 公牛|队), after a clause start or 从/与/及 …, and not a
///   generic description (贸易公司, 医疗队) or a counted phrase (四家银行).
/// - `org-media-title`: a newspaper or journal named in 《》 (《中华读书报》), without the brackets.
/// - `org-quoted`: a name in quote marks ending in a strong suffix, whole
///   (“深圳专业服务业机构服务内蒙古企业出海联盟”).
/// The walk back also stops at words ending in a function character or starting with a negation
/// or demonstrative (还有|联想集团, 这时|威立队), at dates (8日) and "vs"; a verb used as a noun
/// (监督, 管理) stays in an agency name when an anchor is close before it (国家质量技术监督局).
/// Never ORG: a place alone (纽约州[州长]), events and meetings (全国两会, 蒙粤大会), anything
/// overlapping a TITLE or inside a listed fixed compound title (两位全国人大代表), a name cut by a
/// title word (外交|部长), 会 as a verb (一定会成为), sectors and members (银行业, 共产党人).
public struct OrgStage: Stage {
    public let name = "orgs"

    let orgs: Lexicon
    let userOrgs: Lexicon
    let suffixes: Lexicon
    let places: Lexicon
    let cues: Lexicon
    let titlesLex: Lexicon
    let forbidden: Set<String>

    // Character sets the rules below test, built once: `TitleOrgChars.set` builds and hashes
    // a new Set on every call, which in the per-offset loops was a measurable share of the stage.
    /// Aspect particles: a one-character weak suffix before one is a verb (办了).
    static let aspectParticles = TitleOrgChars.set("了着过")
    /// Numerals and quantifiers that cannot start a named organization.
    static let quantityStarts = TitleOrgChars.set("一二三四五六七八九十两几多数每各")
    /// Adverbs and modals before which 会 is the verb "can/will".
    static let adverbsBeforeHui = TitleOrgChars.set("不也将就都才还又能可必总")
    /// One-character suffixes that may be followed by a further word.
    static let unitSuffixChars = TitleOrgChars.set("会联办站校系")
    /// Characters that make 处 part of an ordinary word (地处, 到处, 之处 …).
    static let wordsBeforeChu = TitleOrgChars.set("地到之各此住去好难相益长短")
    /// Characters that make 部 part of an ordinary word (东部, 内部, 全部 …).
    static let wordsBeforeBu = TitleOrgChars.set("东南西北中内外上下前后全局总本")
    /// Quantifiers that start a classifier phrase (多家, 这个, 一名 …).
    static let quantifierStarts = TitleOrgChars.set("多几每各这那一两")

    /// Longest name part (before the suffix) the walk back considers.
    static let window = 22
    /// With no anchor, how many characters of name a strong suffix may take.
    static let bareLimit = 6

    /// Single-character words that end the walk back (function words, pronouns, classifiers,
    /// common one-character verbs).
    static let stopChars = TitleOrgChars.set("开设告地讯率领带份年月要能可应需须再靠令叫电即付干入上下盖买卖送交拿回进出比建当两大小新老原前多几数诸兼的了是在和与及或同跟对向从由把被给让使将为以于到去来说也都又还就才已曾并而但等之其该此这那各每某我你他她它们个家位名任当有无不没很最更赴往至据经请帮找做看称即则若如因所")
    /// Last characters of words that end the walk back (还有, 已是, 现在, 位于, 来到, 随着).
    static let functionEnds = TitleOrgChars.set("是有在了着过把被于到给让从的入与")
    /// First characters of words that end the walk back (不顾, 没想到, 这时, 那里, 此后).
    static let functionStarts = TitleOrgChars.set("不没这那此")
    /// Numerals of ordinals and dates.
    static let numerals = TitleOrgChars.set("一二三四五六七八九十百零〇两0123456789０１２３４５６７８９")
    /// Classifiers that end counted phrases (多个, 这家).
    static let classifiers = TitleOrgChars.set("个名位家项种批次件条座份支")
    /// Words that end the walk back (time words, verbs that introduce an organization, …).
    static let stopWords = TitleOrgChars.words("""
    我们 他们 她们 你们 咱们 目前 今天 昨天 明天 今年 去年 明年 近日 日前 当天 此前 近年 近期 以来 已经 正在 以及 \
    通过 担任 出任 曾任 现任 历任 兼任 来自 位于 参加 参与 包括 其中 由于 同时 作为 成为 加入 进入 支持 推动 联合 \
    联动 携手 发起 成立 举办 召开 主办 承办 协办 根据 按照 对于 关于 这个 那个 这些 那些 一个 所有 全部 许多 很多 \
    多家 各地 各级 有关 相关 前往 访问 会见 会晤 委托 获得 荣获 创办 创建 组建 建立 设立 批准 宣布 认为 表示 指出 \
    介绍 强调 希望 要求 进行 开展 实施 负责 领导 带领 率领 邀请 应邀 国内 国外 其他 其它 这家 那家 一家 该公司 \
    毕业 就读 就职 工作 任职 供职 当选 受聘 聘为 聘任 还是 但是 如果 因为 所以 并且 而且 或者 以及 向着 随着 隶属 \
    所属 旗下 下属 直属 投资 收购 入股 控股股东 股东 分别 共同 一起 一道 之一 本报 日电 \
    持有 授予 一是 二是 三是 影响 遵守 击败 打败 战胜 负于 对阵 迎战 不会 没有 可以 应该 需要 必须 能够 提供 给予 \
    购买 涉及 遍及 回到 再到 规定 指控 接受 要求 号召 帮助 协助 配合 面向 依靠 服务 赞助 赞助商 出资 派出 派遣 \
    看到 听到 得到 受到 遭到 来到 走进 走访 视察 考察 参观 慰问 看望 批评 表扬 感谢 赞扬 称赞 祝贺 欢迎 反对 \
    控制 管理 监督 检查 调查 处理 解决 落实 贯彻 研究 讨论 审议 通报 发布 公布 宣传 报道 报告 举行 出席 \
    主持 签署 签订 达成 决定 同意 拒绝 呼吁 敦促 警告 谴责 起诉 逮捕 捐赠 捐助 资助 创立 开办 开设 兴办 经营 \
    生产 销售 出口 进口 引进 建设 组成 构成 属于 来源 当地 本地 全市 全省 全县 全区 全村 全国各地 \
    下周 上周 本周 本月 上月 下月 每年 每月 当年 明年初 年底 年初 一些 某些 部分 有些 许多 \
    报讯 了解 知道 认识 愿意 针对 毅然 重新 曾经 不断 继续 进一步 积极 认真 大力 努力 全面 首次 再次 开始 \
    主要 直接 专门 统一 多次 一直 始终 无论如何 不会 不能 不要 可能 已 也 都 虽然 尽管 即使 当时 当初 \
    大多数 多数 少数 个别
    """)
    /// Words that anchor an organization name as well as a place does (国家统计局, 中央军委).
    static let anchorWords = TitleOrgChars.words("国家 全国 中央 中华 中共 国际 世界 亚洲 欧洲 非洲 省 市 县 区 州 乡 镇 村 旗 盟 自治区")
    /// Single-character anchors: they need a name word after them (省委宣传部, not 州政府).
    static let shortAnchors = TitleOrgChars.set("省市县区州乡镇村旗盟")
    /// Words that end events and meetings, which are not organizations (全国两会, 蒙粤大会).
    static let eventEnds = TitleOrgChars.words("大会 两会 运会 奥运会 博会 年会 峰会 会议 研讨会 座谈会 晚会 招待会 发布会 交易会 展览会 洽谈会 联欢会 音乐会 演唱会 茶话会 报告会 表彰会 见面会 动员会 推进会 现场会 运动会 博览会 展会 盛会 例会 全会 常会 酒会 舞会 庙会 集会 聚会 宴会 社会 机会")
    /// Media suffixes: they do not chain onto an earlier organization across a gap.
    static let mediaSuffixes = TitleOrgChars.words("网 报 日报 晚报 早报 晨报 时报 商报 周报 客户端 电视台 电台 卫视 杂志 杂志社 报社 广播电台 融媒体中心 通讯社")

    public init(context: StageContext) throws {
        let lex = context.lexicons
        orgs = lex.named("orgs")
        userOrgs = lex.user.lexicon(of: .org)
        suffixes = lex.named("org-suffixes")
        places = lex.named("places")
        cues = lex.named("speech-cues")
        titlesLex = lex.named("titles")
        forbidden = lex.user.forbidden
    }

    struct Candidate {
        var span: Span
        var rule: String
        var score: Double
        var strongEnd: Bool
    }

    public func process(_ document: inout Document) {
        let sc = document.scalars
        let n = sc.count
        guard n > 1 else { return }
        let bounds = TitleOrgBoundaries(document)
        let titles = document.entities.filter { $0.type == .title }.map(\.span)
        var blocked = [Bool](repeating: false, count: n)
        var titleStarts = Set<Int>()
        for e in document.entities {
            for i in e.span.range where i < n { blocked[i] = true }
        }
        // A fixed compound title keeps its organization words even when it is not tied to a
        // person (两位全国人大代表): no ORG inside it.
        var k = 0
        while k < n {
            if bounds.isStart[k], let l = titlesLex.longestMatch(sc, at: k), l >= 4,
               titlesLex.entry(sc, k..<(k + l))?.tag == "fixed" {
                for j in k..<(k + l) { blocked[j] = true }
                k += l
            } else {
                k += 1
            }
        }
        for t in titles { titleStarts.insert(t.start) }

        // Accepted organization spans by end offset, so later suffixes chain onto them.
        var byEnd: [Int: Int] = [:]
        var found: [Candidate] = []
        var pendingMedia: [Candidate] = []

        var i = 0
        while i < n {
            let s = sc[i]
            guard TitleOrgChars.isIdeograph(s) || TitleOrgChars.isAlnum(s) else { i += 1; continue }
            // Known organizations.
            var known = orgs.longestMatch(sc, at: i) ?? 0
            if let u = userOrgs.longestMatch(sc, at: i), u > known { known = u }
            if known > 0 {
                let e = i + known
                let aligned = bounds.isStart[i] && bounds.isEnd[e]
                if (aligned || (known >= 4 && (bounds.isStart[i] || bounds.isEnd[e])))
                    && !(i..<e).contains(where: { blocked[$0] })
                    && !places.contains(sc, i..<e) && !endsInsideTitle(sc, i, e) && !sectorFollows(sc, bounds, e) {
                    // A place right before a known name is part of it (爱沙尼亚外交部, 菲律宾国会).
                    var start = i
                    if let l = places.longestMatch(sc, endingAt: i, lowerBound: max(0, i - 8)),
                       l >= 2 || bounds.isStart[i - l], !blocked[i - l] {
                        start = i - l
                    }
                    start = ordinalStart(sc, start, blocked)
                    let c = Candidate(span: Span(start, e), rule: "org-known", score: Double(e - start), strongEnd: true)
                    found.append(c)
                    byEnd[e] = max(byEnd[e] ?? -1, found.count - 1)
                }
            }
            // Suffixes starting here (shortest first, so 公司 before 公司 + more is fine).
            for len in suffixes.matchLengths(sc, at: i) {
                let e = i + len
                guard bounds.isEnd[e] || (e < n && !TitleOrgChars.isIdeograph(sc[e])) || titleStarts.contains(e) else { continue }
                guard !(i..<e).contains(where: { blocked[$0] }) else { continue }
                let strong = suffixes.entry(sc, i..<e)?.tag == "strong"
                var midToken = false
                if !strong, len == 1 {
                    // A one-character weak suffix that ends a two-character word is that word
                    // (签署, 全局, 干部, 情报) unless it ends a sub-unit of a known organization
                    // (checked in suffixCandidate); one followed by an aspect particle is a verb (办了).
                    midToken = !bounds.isStart[i] && i >= 1 && bounds.isStart[i - 1]
                    if e < n, Self.aspectParticles.contains(sc[e].value) { continue }
                }
                if isEvent(sc, end: e) { continue }
                if !plausibleEnd(sc, bounds, suffixStart: i, end: e, strong: strong) { continue }
                guard let c = suffixCandidate(sc, bounds, suffixStart: i, end: e, strong: strong, midToken: midToken,
                                              found: found, byEnd: byEnd, blocked: blocked,
                                              titleStarts: titleStarts) else { continue }
                if c.rule == "org-media" {
                    pendingMedia.append(c)
                    continue
                }
                found.append(c)
                if let prev = byEnd[e], found[prev].span.count >= c.span.count { continue }
                byEnd[e] = found.count - 1
            }
            i += 1
        }

        // A newspaper or journal named in 《》 is a media outlet (spec: 《[人民日报]》, the span without
        // the brackets): 《中华读书报》, 《印度教徒报》, 《时代》周刊 is left to the suffix rules.
        var q = 0
        while q < n {
            guard sc[q] == "《" else { q += 1; continue }
            var r = q + 1
            while r < n, r - q <= 11, sc[r] != "》", sc[r] != "《", TitleOrgChars.isIdeograph(sc[r]) || TitleOrgChars.isAlnum(sc[r]) { r += 1 }
            if r < n, sc[r] == "》", r - q - 1 >= 2, isPeriodicalTitle(sc, q + 1, r), !(q + 1..<r).contains(where: { blocked[$0] }) {
                found.append(Candidate(span: Span(q + 1, r), rule: "org-media-title", score: Double(r - q) + 2, strongEnd: true))
            }
            q = r
        }

        // A name in quote marks that ends in a strong suffix is an organization as a whole (spec:
        // “[深圳专业服务业机构服务内蒙古企业出海联盟]”), however many ordinary words it holds.
        q = 0
        while q < n {
            guard sc[q] == "“" || sc[q] == "「" else { q += 1; continue }
            let close: Unicode.Scalar = sc[q] == "“" ? "”" : "」"
            var r = q + 1
            while r < n, r - q <= 31, sc[r] != close,
                  TitleOrgChars.isIdeograph(sc[r]) || TitleOrgChars.isAlnum(sc[r]) || TitleOrgChars.isOpenBracket(sc[r]) || TitleOrgChars.isCloseBracket(sc[r]) { r += 1 }
            if r < n, sc[r] == close, r - q - 1 >= 4, !(q + 1..<r).contains(where: { blocked[$0] }),
               let l = suffixes.longestMatch(sc, endingAt: r, lowerBound: q + 1), l >= 2, r - l > q + 1,
               suffixes.entry(sc, (r - l)..<r)?.tag == "strong", !isEvent(sc, end: r) {
                found.append(Candidate(span: Span(q + 1, r), rule: "org-quoted", score: Double(r - q) + 3, strongEnd: true))
            }
            q = r
        }

        // Media names without an anchor count when coordinated with an accepted organization.
        // Coordination gaps are at most three characters, so look only that far (a scan over
        // every candidate made a long document quadratic).
        if !pendingMedia.isEmpty {
            var starts = Set<Int>(), ends = Set<Int>()
            for o in found {
                starts.insert(o.span.start)
                ends.insert(o.span.end)
            }
            for m in pendingMedia {
                let coordinated = (0...3).contains { g in
                    (ends.contains(m.span.start - g) && gapIsCoordination(sc, m.span.start - g, m.span.start))
                        || (starts.contains(m.span.end + g) && gapIsCoordination(sc, m.span.end, m.span.end + g))
                }
                if coordinated { found.append(m) }
            }
        }

        // Keep the longest, then the best, non-overlapping spans.
        found.sort { a, b in
            a.span.count != b.span.count ? a.span.count > b.span.count : a.score > b.score
        }
        // Offsets already covered by a kept span: checking against a list of kept spans made a
        // long document quadratic.
        var taken = [Bool](repeating: false, count: n + 1)
        var added: [Entity] = []
        for c in found {
            if c.span.range.contains(where: { taken[$0] }) { continue }
            if (c.span.range).contains(where: { blocked[$0] }) { continue }
            // A place alone is not an organization (广东省, 纽约州).
            if places.contains(sc, c.span.range) && c.rule != "org-known" { continue }
            if !forbidden.isEmpty, forbidden.contains(document.text(c.span)) { continue }
            for j in c.span.range { taken[j] = true }
            added.append(Entity(.org, c.span, rule: c.rule, confidence: c.rule == "org-known" ? 0.9 : 0.75))
        }
        document.entities.append(contentsOf: added)
        document.entities.sort { $0.span < $1.span }
    }

    /// Suffixes that take a name ICU knows as one word with no anchor in front (剑桥大学,
    /// 昆仑出版社, 飞利浦公司, 自由党): companies, schools, institutes, associations, media, parties.
    static let namingSuffixes = TitleOrgChars.words("""
    公司 有限公司 股份有限公司 集团 大学 学院 协会 研究所 研究院 研究中心 出版社 俱乐部 基金会 \
    商会 联合会 促进会 报社 杂志社 电视台 歌舞团 艺术团 律师事务所 \
    会计师事务所 通讯社 日报 时报 晚报 周报 商报 药业 实业 科技大学 师范大学 医科大学
    """)
    /// Common words that describe rather than name an organization before such a suffix
    /// (贸易公司, 保险公司, 重点大学, 执政党): not a name.
    static let genericOrgWords = TitleOrgChars.words("""
    中介 贸易 外贸 外资 合资 独资 国有 国营 私营 民营 个体 集体 跨国 保险 投资 建筑 房地产 上市 航空 石油 电力 \
    科技 高科技 网络 信息 电子 汽车 化工 医药 物流 能源 金融 证券 信托 咨询 服务 管理 工程 建设 开发 商业 \
    工业 农业 运输 通信 通讯 电信 旅游 广告 传媒 文化 影视 娱乐 教育 培训 餐饮 地产 物业 软件 游戏 专业 大型 \
    小型 中型 中小 地方 当地 本地 外国 国外 国内 海外 境外 境内 知名 著名 重点 名牌 一流 民办 公立 私立 综合 \
    执政 反对 在野 参政 政 航运 船舶 钢铁 煤炭 纺织 服装 食品 烟草 贸易 进出口 出口 进口 制药 生物 环保 \
    新闻 电视 广播 出版 图书 音乐 艺术 体育 医疗 卫生 人民 附属 专科 职业 技术 师范 理工 财经 政法 \
    商业银行 儿童 妇女 老年 青年 少年 大学生 学生 社会 民间 公共 公益 慈善 非营利 合作 联合 股份 控股 \
    母 子 新 老 原 前 该 本 各 每 两家 三家 多家 这家 那家 其他 其它 同类 类似 相关 有关 主要 最大 最佳 \
    大 小 好 坏 一流 顶尖 世界级 国际化 现代 现代化 传统 普通 一般 特大 超大 优秀 先进 合格 骨干 龙头 \
    骗子 皮包 空壳 黑 假 冒牌 山寨 中外 中资 外商 港资 台资 日资 美资 欧资 韩资 国企 民企 央企 私人 \
    家族 家庭 个人 全资 独立 第三方 承包 施工 设计 监理 审计 评估 担保 租赁 拍卖 典当 期货 基金 理财 \
    房产 中外合资 高校 院校 学校 大中专 高等 中等 初等 成人 函授 网络 电视 广播 夜 业余 干部 军事 \
    国防 警察 公安 司法 法律 会计 律师 医学 药学 农业 林业 水利 交通 铁道 铁路 邮电 石化 冶金 地质 \
    矿业 电机 机械 纺织 轻工 外语 外国语 语言 美术 音乐 戏剧 电影 舞蹈 体育 民族 华侨 侨务 宗教 影业 博彩 \
    彩票 快递 外卖 电商 互联网 手机 家电 家具 装修 装饰 广电 有线 无线 演艺 经纪 猎头 中介 物资 供销 粮食
    """)

    /// Words that describe a team or squad rather than name it (医疗队, 考察队, 足球队).
    static let genericTeamWords = TitleOrgChars.words("""
    医疗 考察 施工 工作 突击 救援 消防 代表 巡逻 护卫 仪仗 志愿 服务 宣传 勘探 测量 科考 登山 探险 篮球 足球 \
    排球 冰球 手球 棒球 垒球 网球 游泳 田径 体操 射击 举重 青年 少年 女子 男子 地质 运输 维和 搜救 抢险 民兵 \
    游击 侦察 宣讲 文艺 演出 主场 客场 对手 参赛 集训 国奥 国青 国少 梯 联合 专业 职业 业余 地方 城市 农村 \
    建筑 工程 钻井 采油 测绘 扫雷 防暴 特警 武警 交警 刑警 巡警 民警 稽查 执法 纠察 联防 保安 护林 打捞 探测 \
    攻坚 应急 医护 卫生 防疫 扶贫 支教 援藏 援疆 慰问 调查 督查 巡视 检查 工程兵 铁道兵 冠军 亚军 强 弱 \
    全 本 该 我 他 对方 双方 两 各 敌 友 后备 预备 梯 先遣 后勤 运动 体育 棋 围棋 象棋 乒乓 羽毛 羽毛球 \
    乒乓球 桥牌 拔河 龙舟 舞龙 舞狮 腰鼓 秧歌 军乐 乐 鼓乐 合唱 舞蹈 啦啦 拉拉 车 船 舰 马 骑兵 步兵 炮兵
    """)
    /// Single characters after which a bare organization word may start (从剑桥大学, 与飞利浦公司).
    static let nameIntroducers = TitleOrgChars.set("从与及和同由据在的向对把被给让")

    /// Whether the single word `s..<suffixStart` before a naming suffix names the organization:
    /// one ICU word of 2–4 ideographs, not a generic description, a title, a place or a verb.
    func wordNamesOrg(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries, _ s: Int, _ suffixStart: Int, _ end: Int) -> Bool {
        let len = suffixStart - s
        guard len >= 2, len <= 4, bounds.isStart[s], bounds.isEnd[suffixStart], bounds.isStart[suffixStart] else { return false }
        // What stands before the word must end a clause or be a preposition or conjunction that
        // introduces a name (从剑桥大学, 及飞利浦公司, 李松梅译，昆仑出版社), not a verb or a
        // counted phrase (利用银行, 四家银行).
        if s > 0 {
            let prev = sc[s - 1]
            if TitleOrgChars.isIdeograph(prev) || TitleOrgChars.isAlnum(prev) {
                guard bounds.isStart[s - 1], Self.nameIntroducers.contains(prev.value) else { return false }
            }
        }
        let team = end - suffixStart == 1 && sc[suffixStart] == "队"
        guard team || Self.namingSuffixes.contains(sc, suffixStart..<end) else { return false }
        if team, end < sc.count, sc[end] == "员" || sc[end] == "长" { return false }
        for j in s..<suffixStart where !TitleOrgChars.isIdeograph(sc[j]) { return false }
        // A counted phrase (四家公司, 两所大学, 几个协会) is not a name.
        if Self.quantityStarts.contains(sc[s].value) { return false }
        if Self.genericOrgWords.contains(sc, s..<suffixStart) || titlesLex.contains(sc, s..<suffixStart)
            || places.contains(sc, s..<suffixStart) || cues.contains(sc, s..<suffixStart)
            || Self.stopWords.contains(sc, s..<suffixStart) { return false }
        return true
    }

    /// Stop words that are also nouns inside agency names (监督局, 管理中心, 研究所).
    static let nominalVerbs = TitleOrgChars.words("监督 管理 检查 调查 研究 控制 服务 建设 开发 发展 生产 销售 监察 监管 审计 宣传 处理 投资")

    /// Whether an anchor (state prefix, place, organization) is reached from `p` going left over
    /// at most three ordinary words.
    func anchorWithin(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries, from start: Int, found: [Candidate],
                      byEnd: [Int: Int], blocked: [Bool], floor: Int) -> Bool {
        var p = start
        for _ in 0..<4 {
            switch chunk(endingAt: p, sc, bounds, found: found, byEnd: byEnd, blocked: blocked, floor: floor) {
            case .stop: return false
            case .anchor(let s, let kind):
                if kind == .prefix { return Self.statePrefixes.contains(sc, s..<p) }
                return true
            case .word(let s):
                if Self.nominalVerbs.contains(sc, s..<p) || p - s > 3 { p = s; continue }
                p = s
            }
        }
        return false
    }

    /// Prefixes of national agencies, and the weak suffixes that end agency names.
    static let statePrefixes = TitleOrgChars.words("国家 中央 全国 国务院")
    static let agencySuffixes = TitleOrgChars.words("局 部 署 办 委 厅 处 中心 指挥部 机构 小组 组")

    /// Endings of newspaper and journal names inside 《》.
    static let periodicalEnds = TitleOrgChars.words("报 日报 晚报 时报 早报 晨报 商报 周报 画报 导报 邮报 学报 周刊 月刊 杂志 半月刊 旬刊")
    /// Endings of documents and reports that end in 报 but are not periodicals (《…通报》, 《…公报》).
    static let reportEnds = TitleOrgChars.words("通报 公报 简报 汇报 情报 举报 预报 电报 海报 申报 年报 喜报 捷报 战报 报告 月报 快报 季报 黑板报 墙报 手抄报")

    /// Whether `a..<b` (the inside of 《》) names a newspaper or journal: it ends in 报, 周刊 …
    /// and not in a report word (通报, 公报), and is short (a title of a work is usually longer).
    func isPeriodicalTitle(_ sc: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 2, b - a <= 8 else { return false }
        var end = false
        for l in 1...3 where b - l > a {
            if Self.periodicalEnds.contains(sc, (b - l)..<b) { end = true }
            if l >= 2, Self.reportEnds.contains(sc, (b - l)..<b) { return false }
        }
        if b - a >= 3, Self.reportEnds.contains(sc, (b - 3)..<b) { return false }
        return end
    }

    /// Checks on the suffix itself and what follows it.
    func plausibleEnd(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries, suffixStart i: Int, end e: Int, strong: Bool) -> Bool {
        let n = sc.count
        let next: Unicode.Scalar? = e < n ? sc[e] : nil
        let suffixChar = sc[i]
        if sectorFollows(sc, bounds, e) { return false }
        // 会 as a modal verb (一定会成为): an association name ends before a boundary,
        // a function word or a title (学会的, 商会会长).
        if e - i == 1, suffixChar == "会", let x = next, TitleOrgChars.isIdeograph(x), !Self.stopChars.contains(x.value),
           titlesLex.longestMatch(sc, at: e) == nil {
            return false
        }
        // 也不会, 就会, 将会: a modal verb, not an association.
        if e - i == 1, suffixChar == "会", i >= 1, Self.adverbsBeforeHui.contains(sc[i - 1].value) { return false }
        if e - i == 1, !strong {
            // 联赛, 会上, 所作: the suffix character starts another word.
            if let x = next, TitleOrgChars.isIdeograph(x) {
                if x == "赛" || x == "议" { return false }
                // The suffix character and a lone character after it are one word ICU did not
                // know (新闻联|播, 一定会|成): not an ending.
                if bounds.isStart[i], e + 1 <= n, bounds.isEnd[e + 1], !Self.stopChars.contains(x.value),
                   titlesLex.longestMatch(sc, at: e) == nil, Self.unitSuffixChars.contains(suffixChar.value) {
                    return false
                }
                if suffixChar == "会", x == "上" || x == "后" || x == "前" || x == "期" { return false }
                // 所 before a title is an institute (中科院高能物理所副所长), else a particle (所作).
                if suffixChar == "所" && x != "长" && titlesLex.longestMatch(sc, at: e) == nil
                    && !(e + 1 < n && (x == "副" || x == "总") && titlesLex.longestMatch(sc, at: e + 1) != nil) { return false }
            }
            // 地处, 到处, 之处: not an office.
            if suffixChar == "处", i >= 1, Self.wordsBeforeChu.contains(sc[i - 1].value) { return false }
            // 西北部, 中部: a direction, not a department.
            if suffixChar == "部", i >= 1, Self.wordsBeforeBu.contains(sc[i - 1].value) { return false }
            if suffixChar == "报", i >= 1, sc[i - 1] == "本" { return false }
        }
        // The suffix must not be the start of a title (研究所|所长 read as 所所).
        if let t = titlesLex.longestMatch(sc, at: i), i + t > e { return false }
        // The name must not end inside a place name (新华社莫斯科).
        if let l = places.longestMatch(sc, endingAt: e, lowerBound: max(0, e - 8)), e - l < i { return false }
        return true
    }

    /// 共产党人, 银行业, 新闻界: a member or a sector follows, not the organization itself.
    func sectorFollows(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries, _ e: Int) -> Bool {
        guard e < sc.count, e + 1 <= sc.count, bounds.isEnd[e + 1] else { return false }
        let x = sc[e]
        return x == "人" || x == "业" || x == "界"
    }

    /// Whether a listed title word starts inside `i..<e` and runs past `e` (外交|部长: the ORG
    /// would cut the title word 部长).
    func endsInsideTitle(_ sc: [Unicode.Scalar], _ i: Int, _ e: Int) -> Bool {
        for j in max(i, e - 2)..<e {
            if let t = titlesLex.longestMatch(sc, at: j), j + t > e { return true }
        }
        return false
    }

    /// Widens a name start over an ordinal session in front (第六届全国人民代表大会, 第九届).
    func ordinalStart(_ sc: [Unicode.Scalar], _ start: Int, _ blocked: [Bool]) -> Int {
        guard start >= 2, sc[start - 1] == "届" else { return start }
        var j = start - 2
        while j >= 0, Self.numerals.contains(sc[j].value), !blocked[j] { j -= 1 }
        guard j < start - 2 else { return start }
        if j >= 0, sc[j] == "第", !blocked[j] { return j }
        return j + 1
    }

    /// Whether a meeting or event word ends at `end`.
    func isEvent(_ sc: [Unicode.Scalar], end: Int) -> Bool {
        if end >= 4, sc[end - 4] == "代", sc[end - 3] == "表" { return false }  // 人民代表大会
        for l in 2...3 where end - l >= 0 {
            if Self.eventEnds.contains(sc, (end - l)..<end) { return true }
        }
        return false
    }

    /// Whether the text between `a` and `b` is a coordinating 、 和 与 及 or nothing, optionally
    /// with a short verb in between (联动, 携手: at most 2 characters).
    func gapIsCoordination(_ sc: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard a <= b, b - a <= 3 else { return false }
        if a == b { return true }
        let gap = sc[a..<b]
        if gap.count == 1 { return "、和与及".unicodeScalars.contains(gap.first!) }
        return gap.allSatisfy { TitleOrgChars.isIdeograph($0) } && gap.count <= 2
    }

    /// One chunk of the walk back: its start and whether it anchors an organization name.
    enum AnchorKind { case org, place, prefix }

    enum Chunk {
        case anchor(Int, AnchorKind)
        case word(Int)
        case stop
    }

    func chunk(endingAt p: Int, _ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries,
               found: [Candidate], byEnd: [Int: Int], blocked: [Bool], floor: Int) -> Chunk {
        guard p > floor, !blocked[p - 1] else { return .stop }
        let s = sc[p - 1]
        if let k = byEnd[p] { return .anchor(found[k].span.start, .org) }
        if TitleOrgChars.isCloseBracket(s) {
            // A bracketed part: 华润(集团), 妮维雅（上海）.
            var j = p - 2
            while j >= max(floor, p - 10), !TitleOrgChars.isOpenBracket(sc[j]) {
                if !(TitleOrgChars.isIdeograph(sc[j]) || TitleOrgChars.isAlnum(sc[j])) { return .stop }
                j -= 1
            }
            guard j >= floor, j < p - 2, TitleOrgChars.isOpenBracket(sc[j]) else { return .stop }
            return .word(j)
        }
        if s == "》" {
            // A named publication inside the name: 美国《科学》杂志.
            var j = p - 2
            while j >= max(floor, p - 16), sc[j] != "《" { j -= 1 }
            guard j >= floor, sc[j] == "《" else { return .stop }
            return .word(j)
        }
        if TitleOrgChars.isAlnum(s) {
            var j = p - 1
            while j > floor, TitleOrgChars.isAlnum(sc[j - 1]) { j -= 1 }
            // "vs" between two teams (梅塔利斯特vs奥林匹亚科斯) is not part of a name.
            if p - j == 2, sc[j] == "v" || sc[j] == "V" || sc[j] == "ｖ" || sc[j] == "Ｖ",
               sc[j + 1] == "s" || sc[j + 1] == "S" || sc[j + 1] == "ｓ" || sc[j + 1] == "Ｓ" { return .stop }
            return .word(j)
        }
        guard TitleOrgChars.isIdeograph(s) else { return .stop }
        if let l = places.longestMatch(sc, endingAt: p, lowerBound: floor), bounds.isStart[p - l] || (l >= 2 && !bounds.isEnd[p]) {
            // A place must start a word: 山西|亚宝 is not 山[西亚]宝, 新英格兰 not 新[英格兰]
            // (unless ICU glued the place to what follows it).
            return .anchor(p - l, .place)
        }
        var known = orgs.longestMatch(sc, endingAt: p, lowerBound: floor) ?? 0
        if let u = userOrgs.longestMatch(sc, endingAt: p, lowerBound: floor), u > known { known = u }
        if known >= 2 { return .anchor(p - known, .org) }
        // The rest of the ICU word that ends here.
        var start = p - 1
        while start > floor, !bounds.isStart[start] { start -= 1 }
        if p - start >= 2, Self.classifiers.contains(sc[p - 1].value), !TitleOrgChars.isIdeograph(sc[start]) || Self.quantifierStarts.contains(sc[start].value) {
            // A counted phrase (多个, 几家, 这位): not part of a name.
            return .stop
        }
        if p - start == 1 {
            if Self.stopChars.contains(sc[start].value) { return .stop }
            // A date (4月8日国会, ５号): not part of a name.
            if sc[start] == "日" || sc[start] == "号", start > floor,
               TitleOrgChars.isAlnum(sc[start - 1]) || Self.numerals.contains(sc[start - 1].value) { return .stop }
        } else if Self.stopWords.contains(sc, start..<p) || cues.contains(sc, start..<p) {
            return .stop
        } else if Self.functionEnds.contains(sc[p - 1].value) || Self.functionStarts.contains(sc[start].value) {
            // A word ending in a function character (还有, 已是, 位于) or starting with a negation or
            // demonstrative (不顾, 这时, 没想到) is not part of a name: 还有|联想集团, 这时|威立队.
            return .stop
        }
        if Self.anchorWords.contains(sc, start..<p) { return .anchor(start, .prefix) }
        if let l = suffixes.longestMatch(sc, endingAt: p, lowerBound: start), l >= 2,
           suffixes.entry(sc, (p - l)..<p)?.tag == "strong" {
            // A bare strong suffix (省委, 总局) in front of a sub-unit anchors it.
            return .anchor(start, .prefix)
        }
        return .word(start)
    }

    func suffixCandidate(_ sc: [Unicode.Scalar], _ bounds: TitleOrgBoundaries, suffixStart: Int, end: Int,
                         strong: Bool, midToken: Bool, found: [Candidate], byEnd: [Int: Int], blocked: [Bool],
                         titleStarts: Set<Int>) -> Candidate? {
        let floor = max(0, suffixStart - Self.window)
        let isMedia = Self.mediaSuffixes.contains(sc, suffixStart..<end)
        var p = suffixStart
        var leftmostAnchor: Int?
        var knownEnd = orgs.longestMatch(sc, endingAt: end, lowerBound: floor) ?? 0
        if let u = userOrgs.longestMatch(sc, endingAt: end, lowerBound: floor), u > knownEnd { knownEnd = u }
        if knownEnd > end - suffixStart {
            // A known name ends here (国际足联, 国家队): it is the nearest anchor.
            leftmostAnchor = end - knownEnd
            p = end - knownEnd
        }
        var leftmostKind = AnchorKind.org
        var placeEnd = suffixStart
        var leftmostEnd = suffixStart
        var firstWordStarts: [Int] = []
        var lastWordLength = 0
        while p > floor {
            var c = chunk(endingAt: p, sc, bounds, found: found, byEnd: byEnd, blocked: blocked, floor: floor)
            if case .stop = c, leftmostAnchor == nil, p - 2 >= floor, bounds.isStart[p - 2], bounds.isEnd[p],
               Self.nominalVerbs.contains(sc, (p - 2)..<p),
               anchorWithin(sc, bounds, from: p - 2, found: found, byEnd: byEnd, blocked: blocked, floor: floor) {
                // A verb used as a noun inside an agency name (国家质量技术监督局, 国家药品监督管理局):
                // part of the name when a state prefix, place or organization stands close before it.
                c = .word(p - 2)
            }
            if case .stop = c, leftmostAnchor == nil, !firstWordStarts.isEmpty, p - 1 > floor,
               sc[p - 1] == "和" || sc[p - 1] == "与", bounds.isStart[p - 1],
               case .word(let ws) = chunk(endingAt: p - 1, sc, bounds, found: found, byEnd: byEnd, blocked: blocked, floor: floor),
               p - 1 - ws >= 2, !titlesLex.contains(sc, ws..<(p - 1)) {
                // A sub-unit named with 和 (环境健康和安全部): go on while no anchor was found yet
                // and a whole word stands on the left of 和.
                c = .word(p - 1)
            }
            if case .word(let ws) = c, !firstWordStarts.isEmpty, p - ws >= 2, titlesLex.contains(sc, ws..<p) {
                // A title word away from the suffix ends the name: 北京博爱医院院长吴弦光代表医院
                // is not one name (but 中国体育记者协会, 人民日报代表团 are).
                c = .stop
            }
            switch c {
            case .stop:
                p = floor
            case .anchor(let s, let kind):
                if kind == .place { placeEnd = p }
                leftmostEnd = p
                // Media names do not chain onto an earlier name across a gap (草原客户端联动南方网).
                if isMedia, leftmostAnchor == nil, !firstWordStarts.isEmpty, kind == .org, byEnd[p] != nil {
                    p = floor
                    continue
                }
                leftmostAnchor = s
                leftmostKind = kind
                p = s
            case .word(let s):
                if leftmostAnchor == nil {
                    firstWordStarts.append(s)
                    lastWordLength = p - s
                    p = s
                    if firstWordStarts.count > 5 { p = floor }
                } else {
                    // Once an anchor is found, ordinary words end the name (美国队下场打败伊朗队,
                    // 台湾同胞享受世界卫生组织), except the place word in front of 镇/县 or a
                    // bare 总局 (公明|镇党委, 广电|总局办公厅).
                    // The anchor is sc[p..<leftmostEnd]: a one-character 镇/县 or a bare suffix
                    // (总局) takes the word in front; 国家, 全国 … do not (于是|国家银行).
                    let anchorCount = leftmostEnd - p
                    if leftmostKind == .place, p - s == 1, sc[s] == "驻", s > floor,
                       case .anchor(let s2, let k2) = chunk(endingAt: s, sc, bounds, found: found, byEnd: byEnd, blocked: blocked, floor: floor),
                       k2 == .place || k2 == .org {
                        // 中国驻南非研究中心, 美国驻华大使馆: the sending country is part of the name.
                        leftmostAnchor = s2
                        leftmostKind = k2
                        leftmostEnd = s
                        p = s2
                        continue
                    }
                    if leftmostKind == .prefix, p - s <= 3, !TitleOrgChars.isAlnum(sc[s]), !Self.anchorWords.contains(sc, p..<leftmostEnd)
                        || (anchorCount == 1 && Self.shortAnchors.contains(sc[p].value)) {
                        leftmostAnchor = s
                        // Two single characters before 镇/乡 (薛|埠镇).
                        if p - s == 1, anchorCount == 1, s - 1 >= floor, bounds.isStart[s - 1], bounds.isEnd[s],
                           TitleOrgChars.isIdeograph(sc[s - 1]), !Self.stopChars.contains(sc[s - 1].value),
                           places.longestMatch(sc, endingAt: s, lowerBound: floor) == nil {
                            leftmostAnchor = s - 1
                        }
                    } else if leftmostKind == .place, let a = leftmostAnchor {
                        // A county or town name longer than the listed one (信|丰县, 孙|窑乡):
                        // up to two single characters in front of a place ending in 县, 乡 ….
                        let last = sc[placeEnd - 1]
                        if Self.shortAnchors.contains(last.value), p - s == 1, bounds.isStart[s], bounds.isEnd[p] {
                            var start = s
                            if start - 1 >= floor, bounds.isStart[start - 1], bounds.isEnd[start],
                               TitleOrgChars.isIdeograph(sc[start - 1]), !Self.stopChars.contains(sc[start - 1].value),
                               places.longestMatch(sc, endingAt: start, lowerBound: floor) == nil {
                                start -= 1
                            }
                            if !Self.stopChars.contains(sc[s].value) { leftmostAnchor = start }
                        }
                        _ = a
                    }
                    p = floor
                }
            }
        }
        if midToken, !(leftmostAnchor != nil && leftmostKind == .org && firstWordStarts.count >= 2
                         && !Self.stopChars.contains(sc[suffixStart - 1].value)) { return nil }
        // A one-character anchor (省, 市) needs a name word after it: 省委宣传部, not 州政府.
        if let a = leftmostAnchor, Self.shortAnchors.contains(sc[a].value), byEnd[a + 1] == nil,
           a + 1 == suffixStart {
            return nil
        }

        let nameStart: Int
        var rule = "org-suffix"
        if let a = leftmostAnchor {
            nameStart = a
            // A one-character media suffix after a place takes no other word (粤港澳大湾区算力网).
            if isMedia, end - suffixStart == 1, !firstWordStarts.isEmpty { return nil }
            // Between an anchor and a weak suffix at most two short words (巴西队,
            // 联合国开发计划署), unless the anchor is an organization (sub-units).
            if !strong, leftmostKind != .org {
                let between = suffixStart - (firstWordStarts.last ?? suffixStart)
                // A state prefix (国家, 中央, 全国) heads longer agency names with an agency suffix:
                // 国家质量技术监督局, 国家防汛抗旱总指挥部.
                let agency = leftmostKind == .prefix && leftmostEnd - a >= 2 && Self.statePrefixes.contains(sc, a..<leftmostEnd)
                    && Self.agencySuffixes.contains(sc, suffixStart..<end)
                if agency {
                    if firstWordStarts.count > 4 || between > 8 { return nil }
                } else if firstWordStarts.count > 2 || between > 5 { return nil }
            }
            // A place or name plus a generic word is a description or a verb, not a name
            // (广东省企业, 中央宣传部组织): a weak suffix of two or more characters needs some
            // name word between.
            if !strong, end - suffixStart >= 2, firstWordStarts.isEmpty {
                return nil
            }
        } else {
            // No anchor: a few characters of name before a strong suffix (金杜律师事务所).
            var s = suffixStart
            var bracketChars = 0
            for w in firstWordStarts {
                if TitleOrgChars.isOpenBracket(sc[w]) { bracketChars = suffixStart - w }
                if suffixStart - w - min(bracketChars, 4) > Self.bareLimit { break }
                s = w
            }
            if isMedia, let w0 = firstWordStarts.first {
                // A media name is short: the word in front (南方网), or two single characters.
                s = w0
                if suffixStart - w0 == 1, firstWordStarts.count > 1, suffixStart - firstWordStarts[1] <= 3 {
                    s = firstWordStarts[1]
                }
            }
            if s == suffixStart {
                // A unit word with no name in front is not an ORG (市委, 省政府: Corpora/GUIDELINES.md §4).
                return nil
            }
            // With no anchor, the name must look like a proper name: ICU breaks names it does
            // not know into single characters (广|汽, 金|杜), while common words come whole
            // (中介公司, 高等学校); Latin letters, digits and brackets count too.
            var proper = false
            for w in firstWordStarts where w >= s {
                if bounds.isEnd[w + 1], bounds.isStart[w], TitleOrgChars.isIdeograph(sc[w]) { proper = true }
                if TitleOrgChars.isAlnum(sc[w]) || TitleOrgChars.isOpenBracket(sc[w]) || sc[w] == "《" || sc[w] == "第" { proper = true }
            }
            let nameLength = suffixStart - s
            if strong {
                if proper { rule = "org-suffix" }
                else if isMedia { rule = "org-media" }
                else if titleStarts.contains(end) { rule = "org-before-title" }
                else if firstWordStarts.count == 1, wordNamesOrg(sc, bounds, s, suffixStart, end) { rule = "org-word-suffix" }
                else { return nil }
            } else {
                if titleStarts.contains(end), nameLength >= 2 { rule = "org-before-title" }
                else if isMedia, nameLength >= 2, nameLength <= 4 { rule = "org-media" }
                else if firstWordStarts.count == 1, end - suffixStart == 1, sc[suffixStart] == "队", nameLength == 2,
                        bounds.isStart[suffixStart], !Self.genericTeamWords.contains(sc, s..<suffixStart),
                        wordNamesOrg(sc, bounds, s, suffixStart, end) {
                    // A team by a name ICU knows as one word: 公牛队, 国安队, 泰山队.
                    rule = "org-word-suffix"
                }
                else if proper, nameLength >= 2, nameLength <= 4, end - suffixStart == 1, sc[suffixStart] == "队",
                        bounds.isStart[suffixStart] {
                    // A team by its own name: 全兴队, 公牛队.
                    rule = "org-suffix"
                }
                else { return nil }
            }
            nameStart = s
        }
        guard nameStart < suffixStart else { return nil }
        let start = ordinalStart(sc, nameStart, blocked)
        let score = Double(end - start) + (leftmostAnchor != nil ? 2 : 0) + (strong ? 1 : 0)
        return Candidate(span: Span(start, end), rule: rule, score: score, strongEnd: strong)
    }
}
