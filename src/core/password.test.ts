import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MAX_LENGTH } from './password';

describe('checkPassword', () => {
  it.each([
    ['Abcdef1!', []],
    ['Abcdefg1', []],
    ['abcdef1!', []],
    ['ABCDEF1!', []],
    ['Abcdefg!', []],
    ['正确马电池Ab1', []],
    ['Abcde1!', ['too_short']],
    ['', ['too_short', 'too_simple']],
    ['abcdefgh', ['too_simple']],
    ['abcdefg1', ['too_simple']],
    ['ABCDEFG1', ['too_simple']],
    ['12345678', ['too_simple']],
    ['!!!!!!!!', ['too_simple']],
  ])('%s → %j', (pw, expected) => {
    expect(checkPassword(pw, 'zhangsan')).toEqual(expected);
  });

  it('checks the length boundaries in characters, not bytes', () => {
    const base = 'Aa1!';
    expect(checkPassword(base.repeat(2), 'x')).toEqual([]);
    expect(checkPassword(`${base}张三李四`, 'x')).toEqual([]);
    expect(checkPassword(`${base}张三李`, 'x')).toEqual(['too_short']);
    expect(checkPassword(base.repeat(PASSWORD_MAX_LENGTH / 4), 'x')).toEqual([]);
    expect(checkPassword(`${base.repeat(PASSWORD_MAX_LENGTH / 4)}a`, 'x')).toEqual(['too_long']);
  });

  it('rejects passwords containing the username, ignoring case', () => {
    expect(checkPassword('Zhangsan#2024', 'zhangsan')).toEqual(['contains_username']);
    expect(checkPassword('x!ZHANGSAN9', ' ZhangSan ')).toEqual(['contains_username']);
    expect(checkPassword('Zhang#san2024', 'zhangsan')).toEqual([]);
    expect(checkPassword('Abcdef1!', '')).toEqual([]);
  });

  it('reports every violated rule at once, in a stable order', () => {
    expect(checkPassword('admin', 'admin')).toEqual(['too_short', 'too_simple', 'contains_username']);
  });
});
