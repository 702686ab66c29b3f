import { describe, expect, it } from 'vitest';
import { isLandline, isMobilePhone, isPhone, maskAddress, maskPhone, normalizePhone } from './phone';

describe('isMobilePhone', () => {
  it.each([
    '13812345678',
    '19912345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '8613812345678',
    '0086 13812345678',
    ' 13812345678 ',
    '１３８１２３４５６７８',
  ])('accepts %s', (s) => {
    expect(isMobilePhone(s)).toBe(true);
  });

  it.each([
    '',
    '12812345678',
    '10012345678',
    '1381234567',
    '138123456789',
    '+87 13812345678',
    '1381234567a',
    '0571-12345678',
    '138.1234.5678',
  ])('rejects %s', (s) => {
    expect(isMobilePhone(s)).toBe(false);
  });
});

describe('isLandline', () => {
  it.each([
    '0571-12345678',
    '057112345678',
    '0571-1234567',
    '010-12345678',
    '01012345678',
    '021-87654321',
    '(0571)12345678',
    '（0571）12345678',
    '0571 1234 5678',
    '0571-12345678-801',
    '0571-12345678转801',
    '0571-12345678 ext. 801',
    '0571-12345678#801',
    '+86 571 12345678',
    '0991-2345678',
  ])('accepts %s', (s) => {
    expect(isLandline(s)).toBe(true);
  });

  it.each([
    '',
    '12345678',
    '0571-123456',
    '0571-123456789',
    '0571-02345678',
    '0571-12345678-1234567',
    '057-112345678',
    '011-12345678',
    '0012345678',
    '13812345678',
    '0571-1234567a',
  ])('rejects %s', (s) => {
    expect(isLandline(s)).toBe(false);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８－１２３４－５６７８', '13812345678'],
    ['057112345678', '0571-12345678'],
    ['0571 12345678', '0571-12345678'],
    ['(0571) 1234567', '0571-1234567'],
    ['01012345678', '010-12345678'],
    ['02012345678', '020-12345678'],
    ['0571-12345678转801', '0571-12345678-801'],
    ['0571-1234-5678-801', '0571-12345678-801'],
    ['0571 123 4567 12', '0571-1234567-12'],
    ['+86 10 12345678', '010-12345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('returns null for anything that is not a phone', () => {
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('张三')).toBeNull();
    expect(normalizePhone('12345')).toBeNull();
  });

  it('is idempotent', () => {
    for (const s of ['13812345678', '0571-12345678', '010-12345678-8']) {
      expect(normalizePhone(normalizePhone(s) ?? '')).toBe(s);
    }
  });
});

describe('isPhone', () => {
  it('accepts mobiles and landlines, nothing else', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('0571-12345678')).toBe(true);
    expect(isPhone('110')).toBe(false);
    expect(isPhone('abc')).toBe(false);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['0571-12345678', '0571-******78'],
    ['0571-1234567', '0571-*****67'],
    ['010 12345678 转 801', '010-******78'],
    ['12345', '***45'],
    ['电话 12-34', '电话 **-34'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('maskAddress', () => {
  it.each([
    ['浙江省杭州市西湖区文三路90号', '浙江省杭州市****'],
    ['  西湖区文三路90号  ', '西湖区文三路****'],
    ['城关镇', '城关镇****'],
    ['𠀀𠀁𠀂𠀃𠀄𠀅𠀆', '𠀀𠀁𠀂𠀃𠀄𠀅****'],
    ['', ''],
    ['   ', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
});
