// Realistic 社情民意 texts (invented places and people) shared by the segmenter tests and bench/segment.ts.

/** Twenty-odd short opinions covering roads, assistance, health, farming and environment, with a few near-misses. */
export const SAMPLE_OPINIONS: readonly string[] = [
  // 0–2: 断头路
  '我们村到镇上的断头路已经三年没修通了，雨天泥泞，学生上学要绕行五公里，希望尽快打通。',
  '青石村与溪口村之间有一条断头路，两村群众多次反映，建议纳入今年四好农村路建设计划，同时开通城乡公交。',
  '新区规划道路存在多处断头路口，晚高峰拥堵严重，建议交通部门统筹打通。',
  // 3–5: 低保 (5 is a near-miss: 最低保障 is not 低保)
  '部分村低保评定不公开不透明，有的家庭条件较好也吃上了低保，建议严格执行公示制度。',
  '低保户王大爷反映低保金发放经常延迟，希望民政部门按月足额发放。',
  '建议提高企业退休人员最低保障标准，缓解物价上涨带来的生活压力。',
  // 6–7: 公交, 校车
  '镇区到县城的公交车班次太少，下午五点以后就没有车了，外出务工人员回家很不方便。',
  '山区学校校车数量不足，部分留守儿童每天步行一个多小时上学，存在安全隐患。',
  // 8–10: environment
  '村旁的生猪养殖场粪污直排小河，养殖污染严重，夏天臭味很大，河长制形同虚设。',
  '集镇自来水经常停水，水质浑浊有异味，群众只好去山上挑水，饮水安全得不到保障。',
  '垃圾分类宣传多、落实少，垃圾清运不及时，村口垃圾堆放影响人居环境。',
  // 11–13: health and assistance
  '新农合改为城乡居民医保后，异地就医报销手续复杂，建议简化备案流程。',
  '因病致贫家庭的大病救助审批周期长，建议开通绿色通道，提高医疗救助比例。',
  '村卫生室药品种类少，村医年龄偏大，家庭医生签约服务流于形式。',
  // 14–16: elderly, housing, land
  '社区老年食堂开了半年就停办了，独居老人吃饭成了难题，希望恢复并给予补贴。',
  '危房改造补助资金到位慢，部分农户房屋墙体开裂，雨季存在倒塌风险。',
  '宅基地审批难，土地流转租金偏低且拖欠，村民意见很大。',
  // 17–18: farming
  '白茶是我县主导产业，但今年春茶价格下跌，茶农收入减少，希望加强农业帮扶和品牌推广。',
  '高标准农田建设后灌溉水渠无人管护，部分耕地出现撂荒。',
  // 19–21: near-misses and odd input
  '暴雨导致道路中断，村头的路被冲毁，车辆无法通行。',
  '小区路灯不亮已经两个月，物业管理公司推诿扯皮，夜间出行不安全。',
  '老年活动中心的WiFi信号差，"智慧养老"平台用不了；管理员说：\'等通知\'。',
];

/** Indexes of SAMPLE_OPINIONS that are about 断头路 (19 mentions 断, 头 and 路 but is about a washed-out road). */
export const DEAD_END_ROAD_ROWS: readonly number[] = [0, 1, 2];
/** Indexes about 低保 (5 says 最低保障, a different thing: a substring search would wrongly find it). */
export const SUBSISTENCE_ALLOWANCE_ROWS: readonly number[] = [3, 4];
