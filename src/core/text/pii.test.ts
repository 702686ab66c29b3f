// PII redaction on the texts citizens really write: what must be hidden (phones in every shape, IDs, cards, e-mail,
// detailed addresses, names) and what must stay (years, amounts, dates, 12345, counts), since an answer without its
// numbers says nothing.
import { describe, expect, it } from 'vitest';
import { findPii, REDACTION_MARK as M, redactPii } from './pii.js';

describe('redactPii hides', () => {
  it.each([
    ['a mobile', '我的手机13812345678，请回电', `我的手机${M}，请回电`],
    ['a mobile with spaces', '联系我 138 1234 5678 谢谢', `联系我 ${M} 谢谢`],
    ['a mobile with dashes', '号码是138-1234-5678。', `号码是${M}。`],
    ['a mobile with +86', '+86 139 1234 5678', M],
    ['a mobile in full-width digits', '请拨１３９１２３４５６７８', `请拨${M}`],
    ['a mobile with full-width dashes', '１３９－１２３４－５６７８', M],
    ['a landline with its area code', '座机0991-1234567转8', `座机${M}`],
    ['a landline in brackets', '打(010)12345678找我', `打${M}找我`],
    ['a landline without area code after a cue', '电话：8123456', `电话：${M}`],
    ['an ID number', '身份证号110101199003071234，', `身份证号${M}，`],
    ['an ID number ending in X', '身份证11010119900307123X', `身份证${M}`],
    ['an ID number with lower-case x and spaces', '证件 110101 19900307 123x', `证件 ${M}`],
    ['a bank card', '卡号6222021234567890123', `卡号${M}`],
    ['a bank card in groups', '卡号 6222 0212 3456 7890', `卡号 ${M}`],
    ['an e-mail', '邮箱zhang.san@example.com.cn有回复吗', `邮箱${M}有回复吗`],
    ['a full-width e-mail', 'ｌｉ＠ｑｑ．ｃｏｍ', M],
    ['a WeChat id', '微信号：zhangsan_88', `微信号：${M}`],
    ['a building, entrance and flat', '我住幸福小区3号楼2单元502室，楼道灯坏了', `我住幸福小区${M}，楼道灯坏了`],
    ['Chinese numerals in an address', '五号楼二单元三层', M],
    ['a flat alone', '家住1502室', `家住${M}`],
    ['a village group and house', '李家村3组15号的王大爷家', `李家村${M}的王大爷家`],
    ['a road and house number', '人民路128号门口积水', `人民路${M}门口积水`],
    ['a road, house and flat', '解放路12号3栋201室', `解放路${M}`],
    ['a name after 我叫', '我叫张三，家住村东头', `我叫${M}，家住村东头`],
    ['a name after 本人', '本人李建国，今年70岁', `本人${M}，今年70岁`],
    ['a name after 姓名：', '姓名：王小明 电话：13912345678', `姓名：${M} 电话：${M}`],
    ['a name after 联系人', '联系人：赵六', `联系人：${M}`],
    ['a dotted name after a cue', '我叫阿不都·买买提，', `我叫${M}，`],
    ['a compound surname', '我叫欧阳明月，', `我叫${M}，`],
  ])('%s', (_l, text, want) => {
    expect(redactPii(text)).toBe(want);
  });

  it('hides the names it is given, wherever they appear, with any dot', () => {
    const names = ['张大爷', '热合曼·吐尔逊', '王'];
    expect(redactPii('张大爷说：路灯坏了，张大爷很着急', { names })).toBe(`${M}说：路灯坏了，${M}很着急`);
    expect(redactPii('热合曼•吐尔逊反映', { names })).toBe(`${M}反映`);
    // A one-character "name" would eat every 王 in the text: ignored.
    expect(redactPii('王家村', { names })).toBe('王家村');
  });

  it('hides a citizen whose name and phone are in the text', () => {
    const text = '我是刘秀英，电话15012345678，住青山路8号。反映：村口垃圾没人清运。刘秀英';
    const out = redactPii(text, { names: ['刘秀英'] });
    expect(out).not.toMatch(/刘秀英|15012345678|8号/);
    expect(out).toContain('村口垃圾没人清运');
  });

  it('reports each find with its kind and place in the original text', () => {
    const text = '电话１３８１２３４５６７８ 邮箱a@b.cn';
    const spans = findPii(text);
    expect(spans.map((s) => s.kind)).toEqual(['phone', 'email']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0]?.text).toBe('１３８１２３４５６７８');
  });
});

describe('licence plates', () => {
  it.each([
    ['an ordinary plate', '车牌冀B12345一直停在消防通道', `车牌${M}一直停在消防通道`],
    ['a plate with a middle dot', '京A·D12345占用车位', `${M}占用车位`],
    ['a new-energy 8-character plate', '新能源车粤BD12345每天充电', `新能源车${M}每天充电`],
    ['a large new-energy plate ending in F', '沪A12345F货车', `${M}货车`],
    ['a plate with letters and a space', '车牌号 苏E 3AB26 的车', `车牌号 ${M} 的车`],
    ['a lower-case plate in full-width', '豫ｃ１２３４５', M],
    ['a learner plate', '教练车鲁A1234学在路口', `教练车${M}在路口`],
    ['a consulate plate', '沪A1234领', M],
    ['an embassy plate', '使馆车使123456违停', `使馆车${M}违停`],
    ['an embassy plate with spaces', '使 014 578', M],
  ])('hides %s', (_l, text, want) => {
    expect(redactPii(text)).toBe(want);
    expect(findPii(text).some((s) => s.kind === 'plate')).toBe(true);
  });

  it.each([
    ['a grade word', '京A级景区，5A级景区'],
    ['a paper size', '黑A4纸不够用了'],
    ['a model number', '型号GB12345-2020，新款X12345'],
    ['a road number', '新G30连霍高速，京藏高速G6'],
    ['a place then a letter', '新疆A区12号地块'],
    ['too few digits', '云ABCDE公司'],
    ['a count after 使', '使120000户群众受益，使100万人受益'],
    ['a plate-like run inside a longer code', '编号X京A12345678Y'],
  ])('keeps %s', (_l, text) => {
    expect(findPii(text).filter((s) => s.kind === 'plate')).toEqual([]);
  });
});

describe('redactPii keeps', () => {
  it.each([
    ['years', '2023年以来，2024年仍未解决'],
    ['amounts', '补助12000元，共计1.5万元，另有3,500元'],
    ['dates', '2024-03-05反映，10月15号答复，2024/3/5回访，2024.03.05'],
    ['the hotline', '拨打12345热线，也打了12345'],
    ['counts of households', '全村300户，涉及1200人，3组和4组'],
    ['a floor word', '一楼的一些住户，两室一厅'],
    ['office words', '办公室和会议室'],
    ['times and percentages', '早上8:30到17:00，完成率85%'],
    ['a short number with a phone word after', '打了12345电话'],
    ['an area', '硬化道路3.2公里，宽4.5米，面积2000平方米'],
    ['weak cues followed by no name', '本人反映村里路灯问题，我是村民，我是党员，我叫了救护车'],
    ['a place after a weak cue', '我是李家村的村民'],
    ['a record number of 11 digits not a mobile', '编号20240305001'],
    ['postcode', '邮编830000'],
    ['a document number', '乌政办〔2024〕15号文件'],
  ])('%s', (_l, text) => {
    expect(redactPii(text)).toBe(text);
  });

  it('leaves an empty text and a text without personal data unchanged', () => {
    expect(redactPii('')).toBe('');
    expect(findPii('')).toEqual([]);
    expect(redactPii('路灯坏了，请尽快维修。')).toBe('路灯坏了，请尽快维修。');
  });
});
