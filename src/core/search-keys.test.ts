import { describe, expect, it } from 'vitest';
import { classifyQuery, pinyinKeys } from './search-keys';

describe('pinyinKeys', () => {
  it.each([
    ['张三', 'zs', 'zhangsan'],
    ['李四', 'ls', 'lisi'],
    // polyphonic surnames read as surnames at the head of the name
    ['单田芳', 'stf', 'shantianfang'],
    ['曾国藩', 'zgf', 'zengguofan'],
    ['解缙', 'xj', 'xiejin'],
    ['区小梅', 'oxm', 'ouxiaomei'],
    ['仇英', 'qy', 'qiuying'],
    ['朴槿惠', 'pjh', 'piaojinhui'],
    ['查良镛', 'zly', 'zhaliangyong'],
    ['尉迟恭', 'ycg', 'yuchigong'],
    // …but not inside the given name
    ['王单', 'wd', 'wangdan'],
    // ü is typed v
    ['吕女', 'ln', 'lvnv'],
    // mixed latin, digits, spaces, dots and full-width characters
    ['李A3号', 'la3h', 'lia3hao'],
    ['Tom 张', 'tz', 'tomzhang'],
    ['买买提·艾力', 'mmtal', 'maimaitiaili'],
    ['  王 五  ', 'ww', 'wangwu'],
    ['ＡＢ张', 'az', 'abzhang'],
    ['', '', ''],
  ])('%s → %s / %s', (name, initials, full) => {
    expect(pinyinKeys(name)).toEqual({ initials, full });
  });

  it('produces lowercase ASCII only', () => {
    const { initials, full } = pinyinKeys('欧阳修 Li·3号');
    expect(full).toMatch(/^[a-z0-9]+$/);
    expect(initials).toMatch(/^[a-z0-9]+$/);
  });
});

describe('classifyQuery', () => {
  it.each([
    ['138', 'phone'],
    ['13812345678', 'phone'],
    ['0571-1234', 'phone'],
    [' 5678 ', 'phone'],
    ['12', 'text'],
    ['1-2', 'text'],
    ['--', 'text'],
    ['zs', 'pinyin'],
    ['ZhangSan', 'pinyin'],
    ['zhang san', 'pinyin'],
    ['张三', 'text'],
    ['张3', 'text'],
    ['a1', 'text'],
    ['', 'text'],
  ])('%s → %s', (q, kind) => {
    expect(classifyQuery(q)).toBe(kind);
  });
});
