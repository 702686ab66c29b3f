// Strings of the office area (registry, accounts, audit, import): top-level keys prefixed 'office'; the texts live beside the pages.
import { en } from '../pages/office/i18n/en';
import { zh } from '../pages/office/i18n/zh';

export const office = { zh: { office: zh }, en: { office: en } };
