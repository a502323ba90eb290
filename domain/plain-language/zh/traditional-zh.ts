/**
 * Traditional Chinese characters (繁體) to simplified ones, so a rule written in Taiwan or Hong Kong reads
 * against the same vocabulary (訂閱狀態 → 订阅状态, 李偉 → 李伟). One character for one character, so the
 * positions of the sentence stay those of the text as written. The table holds the characters business
 * rules use, not the whole script; a character it lacks stays as written.
 */

const TRADITIONAL =
  "戶訂閱狀態變時請偉兩內聯繫係醫療設備開機於讓華門檢達過額單務負責團隊員經銷個條張筆與將從為這們來後發現見動會議論評審覈査報價錢帳賬貨費購買賣貿產業廠導質穩續約紀錄記標籤簽訊號網頁覽訪問題應對層週嚴確認讀寫說話語誤錯級紅綠黃藍燈顏溫壓電車輛輪駕駛鐘鍾點幾數據舊歷曆區東歐亞爾國圍場長陳劉趙孫靜楊鄭吳馬許鄧蕭馮韓葉蘇盧蔣湯羅關閉間聞總結給絡組織線練紙統維綜纜銀鎖鏈險隨際陸陽陰雜離難雲靈韌頭頻顧類顯風飛養館體鬆麥齊龍億優儲兒冊凍則剛創劃劑勞勢勵協卻參雙啟嗎嘗噸圖塊壞壽夠奮學實寶專尋屆屬歲島帶幫幹廣庫廢彈徑復徵憂懷戰擇擔擊擴擬擾敗敵斷無晉暫曉書極構槍樣樓權橫歸殘殺氣決沒況減測湧滿漲潛災烏煙熱燒爭牽獎獨獲環畫當盡監盤碼礎禮禍種稱窮競範簡糧納純紛細終綁緊緒緣編緩縣縮績繼罰義習聲聽職腦興舉艦蓋處蟲術衛衝補製複襲視覺觀觸計討託訴診証詢試詳誌誠調談諸謀謝證識護讚豐貝財貸貼資賠賞贈贏趨跡蹤軌軟較載輔輕輸轉辦農遠運違遞遲選遺郵鄉釋針鈴銜鋼鍵鎮閃閒閘陣階雖雞響順預領願飯飽駐驗驅鬥鳥麼黨齡佈併倉債傳傷儀兌擁擋掃掛換損搖攜攝啓鹽嶄廳彙匯滙濟濾瀏灣煉爐牆猶獻瑪瓊盜碩礦禦稅穀積窩竊筍節築籌紐紮紹絕絲綫綱綴緝緯縱繳罷羣聖膽臨舖莊藥蘭蟬襯規覓親註詞詠該誇誘誰課誼諾謂講謹譜譯賀賃賄賓賤賦賴贊趕軍輯輿轄辭遙適遷遼鄰醜釘鈕鉅銅銘鋪錦鍊鏡鐵閣闆闊隱雛霧韻頂項須頓頒頰顆颱飄餘駁騎騰驚驟髮鬧魚鮮鳳鴻麗黴齒滯虧撥纏傑憑準幣賽鑑鑒礙紋釐營衆眾闖裡裏麵遊嚮隻藉鑰櫃蘋臺檯沖佔祕峯綵慾迴迺嘆獃氾夥捨棄僱傭兇厲壯妝孃寧屍岡崗巖弔彌彥徹慣懲戀戲拋挾捲掙揀搶撈撲撿擠攤敘斃暈暢曬梟棧椏楨榮槓樁檔櫥欄殲毀漁漢濃濕灘煩燦爛犧獄瑣畝痠癒癢皺盞瞞矯砲磚禪稈窯竄籃籠粵糾紗紡絞綢綸緞縫繩繪罈聳膚艱艷蘆蘊蝦蠟裝褲詐誣諒諮謊譏豎貓賊賭贓踐躍軸輩輻轟辯遜醞釀鈍鉛銳鋁錶鍋鍛鏟鑄闡陝隸雋韋頸頹顛飼餅饑騙騷驕髒鬱魯鯨鵝鶴鷹龜鉤閥飲驛鬍滅漸潔澤濱瀉灑淚嶺廟廂恆悅惱愛慘慮慶憐憶懸懼採揚搾摺撐攔敍斂昇晝暱樸歡氫滷瀝燭牘犢獅瑤甕畢瘋癡睜瞭矚硃禱稟稜穌窪竅筧箏篩簾粧絢締繃繡纖罌羥翹聰肅脅脈腎膠臉艙莖萬葦蓮蔔蕩薦薩藝蘿蟻衊袞裊褻襪覲訝詛誕諧謎譽貞販貫貳貴貶貽賈賑賜賢贖踴軀軻輝輾轎辮逕邁還郟醱鈔鈣鉀鋒錘鍍鎊鑽鑿閏閩闕陘隕霽靄鞏韜頌頗顫飢飾餵饒馭駭驢驪骯鬢鯉鳴鴨鵬鷗鹼麩鼴齋龐連異邊強僅償側傢偵勁勝勳叢喚園執堅塗墊壘奪婦媽嬰寬峽廚惡懇擺斬暉曠樞樹橋殼爺疊穫篤紓絆繞腳腫蒼蠶豬貢貧貪貯賺釣進師並溝饋刪別邏凈夢寵彎滾脫虛訓軒頑説丟淨檻劇閾樂圓帥棟淺潤濁濤濫獵穎緬罵脹腸臟詩誡誦諦謙謠謬鋅鋰鎳鈷銹鏽鎂鈦墮壇夾嶼廈揮攪涼滬滲漿潰澱瀕燙獸蝕訛訟訣詭詮諷醬鋸錠颳餓饅馳駝";
const SIMPLIFIED =
  "户订阅状态变时请伟两内联系系医疗设备开机于让华门检达过额单务负责团队员经销个条张笔与将从为这们来后发现见动会议论评审核查报价钱账账货费购买卖贸产业厂导质稳续约纪录记标签签讯号网页览访问题应对层周严确认读写说话语误错级红绿黄蓝灯颜温压电车辆轮驾驶钟钟点几数据旧历历区东欧亚尔国围场长陈刘赵孙静杨郑吴马许邓萧冯韩叶苏卢蒋汤罗关闭间闻总结给络组织线练纸统维综缆银锁链险随际陆阳阴杂离难云灵韧头频顾类显风飞养馆体松麦齐龙亿优储儿册冻则刚创划剂劳势励协却参双启吗尝吨图块坏寿够奋学实宝专寻届属岁岛带帮干广库废弹径复征忧怀战择担击扩拟扰败敌断无晋暂晓书极构枪样楼权横归残杀气决没况减测涌满涨潜灾乌烟热烧争牵奖独获环画当尽监盘码础礼祸种称穷竞范简粮纳纯纷细终绑紧绪缘编缓县缩绩继罚义习声听职脑兴举舰盖处虫术卫冲补制复袭视觉观触计讨托诉诊证询试详志诚调谈诸谋谢证识护赞丰贝财贷贴资赔赏赠赢趋迹踪轨软较载辅轻输转办农远运违递迟选遗邮乡释针铃衔钢键镇闪闲闸阵阶虽鸡响顺预领愿饭饱驻验驱斗鸟么党龄布并仓债传伤仪兑拥挡扫挂换损摇携摄启盐崭厅汇汇汇济滤浏湾炼炉墙犹献玛琼盗硕矿御税谷积窝窃笋节筑筹纽扎绍绝丝线纲缀缉纬纵缴罢群圣胆临铺庄药兰蝉衬规觅亲注词咏该夸诱谁课谊诺谓讲谨谱译贺赁贿宾贱赋赖赞赶军辑舆辖辞遥适迁辽邻丑钉钮巨铜铭铺锦炼镜铁阁板阔隐雏雾韵顶项须顿颁颊颗台飘余驳骑腾惊骤发闹鱼鲜凤鸿丽霉齿滞亏拨缠杰凭准币赛鉴鉴碍纹厘营众众闯里里面游向只借钥柜苹台台冲占秘峰彩欲回乃叹呆泛伙舍弃雇佣凶厉壮妆娘宁尸冈岗岩吊弥彦彻惯惩恋戏抛挟卷挣拣抢捞扑捡挤摊叙毙晕畅晒枭栈桠桢荣杠桩档橱栏歼毁渔汉浓湿滩烦灿烂牺狱琐亩酸愈痒皱盏瞒矫炮砖禅秆窑窜篮笼粤纠纱纺绞绸纶缎缝绳绘坛耸肤艰艳芦蕴虾蜡装裤诈诬谅咨谎讥竖猫贼赌赃践跃轴辈辐轰辩逊酝酿钝铅锐铝表锅锻铲铸阐陕隶隽韦颈颓颠饲饼饥骗骚骄脏郁鲁鲸鹅鹤鹰龟钩阀饮驿胡灭渐洁泽滨泻洒泪岭庙厢恒悦恼爱惨虑庆怜忆悬惧采扬榨折撑拦叙敛升昼昵朴欢氢卤沥烛牍犊狮瑶瓮毕疯痴睁了瞩朱祷禀棱稣洼窍笕筝筛帘妆绚缔绷绣纤罂羟翘聪肃胁脉肾胶脸舱茎万苇莲卜荡荐萨艺萝蚁蔑衮袅亵袜觐讶诅诞谐谜誉贞贩贯贰贵贬贻贾赈赐贤赎踊躯轲辉辗轿辫迳迈还郏酦钞钙钾锋锤镀镑钻凿闰闽阙陉陨霁霭巩韬颂颇颤饥饰喂饶驭骇驴骊肮鬓鲤鸣鸭鹏鸥碱麸鼹斋庞连异边强仅偿侧家侦劲胜勋丛唤园执坚涂垫垒夺妇妈婴宽峡厨恶恳摆斩晖旷枢树桥壳爷叠获笃纾绊绕脚肿苍蚕猪贡贫贪贮赚钓进师并沟馈删别逻净梦宠弯滚脱虚训轩顽说丢净槛剧阈乐圆帅栋浅润浊涛滥猎颖缅骂胀肠脏诗诫诵谛谦谣谬锌锂镍钴锈锈镁钛堕坛夹屿厦挥搅凉沪渗浆溃淀濒烫兽蚀讹讼诀诡诠讽酱锯锭刮饿馒驰驼";

const TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  [...TRADITIONAL].map((ch, i) => [ch, [...SIMPLIFIED][i] ?? ch] as const),
);

/** The text with every traditional character the table knows written in its simplified form. */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/**
 * Words Taiwan, Hong Kong (also in Cantonese) or Singapore write differently from the mainland vocabulary the packs and the grammar
 * use (联络人 for 联系人, 软体 for 软件, 透过 for 通过), each as a mainland word of the same length so positions
 * still match the sentence as written. Applied after `toSimplified`.
 */
const REGIONAL_WORDS: readonly (readonly [string, string])[] = [
  ["联络人", "联系人"],
  ["软体", "软件"],
  ["资讯", "信息"],
  ["讯息", "消息"],
  ["网路", "网络"],
  ["专案", "项目"],
  ["品质", "质量"],
  ["帐户", "账户"],
  ["帐号", "账号"],
  ["帐单", "账单"],
  ["帐款", "账款"],
  ["简讯", "短信"],
  ["电邮", "邮件"],
  ["工作天", "工作日"],
  ["营运", "运营"],
  ["支援", "支持"],
  ["顾客", "客户"],
  ["透过", "通过"],
  ["行销", "营销"],
  ["伺服器", "服务器"],
  ["回应", "响应"],
  ["预设", "默认"],
  ["门市", "门店"],
  ["覆核", "复核"],
  // 著 is 着 after a verb of a state held (亮著紅燈), and stays in 著名, 显著.
  ["亮著", "亮着"],
  ["处著", "处着"],
  ["覆盘", "复盘"],
  // Cantonese written in Hong Kong: 嘅 (的), 跌穿 (跌破), 升穿 (突破), 唔使 (不用), 唔好 (不要), 冇 (没).
  ["嘅", "的"],
  ["跌穿", "跌破"],
  ["升穿", "突破"],
  ["唔使", "不用"],
  ["唔好", "不要"],
  ["冇", "没"],
];

const REGIONAL = new RegExp(REGIONAL_WORDS.map(([word]) => word).join("|"), "gu");
const MAINLAND: ReadonlyMap<string, string> = new Map(REGIONAL_WORDS);

/** The text in simplified characters and mainland words, one character for one character. */
export function toMainlandChinese(text: string): string {
  return toSimplified(text).replace(REGIONAL, (word) => MAINLAND.get(word) ?? word);
}

/**
 * A phrase of the normalised sentence as the user wrote it (李經理 for 李经理), so a phrase named as not
 * understood is one the user can find in their own text; the phrase itself when it is not found (it spans
 * a space or an arrow the normalisation removed).
 */
export function asWritten(phrase: string, written: string, normalise: (text: string) => string): string {
  const at = normalise(written).indexOf(phrase);
  return at < 0 ? phrase : written.slice(at, at + phrase.length);
}
