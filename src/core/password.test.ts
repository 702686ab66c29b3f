import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { checkPassword, DEMO_PASSWORD, PASSWORD_MAX_LENGTH } from './password';

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
    ['abcdefgh', ['too_simple', 'common_password']],
    ['abcdefgx', ['too_simple']],
    ['abcdefg1', ['too_simple']],
    ['ABCDEFG1', ['too_simple']],
    ['12345678', ['too_simple', 'common_password']],
    ['87654312', ['too_simple']],
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
    expect(checkPassword('admin', 'admin')).toEqual([
      'too_short',
      'too_simple',
      'contains_username',
      'common_password',
    ]);
  });

  it.each([
    'woaini1314',
    'Woaini1314',
    'qq123456',
    'Aa123456',
    'P@ssw0rd',
    'p@SSW0RD',
    '1qaz@WSX',
    'Admin@123',
    'Abc@1234',
    'Zhengxie@123',
  ])('refuses the common password %s whatever the case', (pw) => {
    expect(checkPassword(pw, 'zhangsan')).toContain('common_password');
  });

  it('keeps a deny list of a few hundred lower-case passwords', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const pw of COMMON_PASSWORDS) expect(pw).toBe(pw.toLowerCase());
    expect(checkPassword('Woaini1314!x', 'zhangsan')).toEqual([]);
  });

  it('refuses the demo password except in demo mode', () => {
    expect(checkPassword(DEMO_PASSWORD, 'zhangsan')).toEqual(['demo_password']);
    expect(checkPassword('DEMO@2026', 'zhangsan')).toEqual(['demo_password']);
    expect(checkPassword(DEMO_PASSWORD, 'zhangsan', { demoMode: true })).toEqual([]);
  });

  it('refuses control characters', () => {
    expect(checkPassword('Good#Pass\u0007x', 'zhangsan')).toEqual(['control_character']);
    expect(checkPassword('Good#Pass\nx1', 'zhangsan')).toEqual(['control_character']);
    expect(checkPassword('Good#Pass\u007fx', 'zhangsan')).toEqual(['control_character']);
    expect(checkPassword('Good Pass 1', 'zhangsan')).toEqual([]);
  });
});
