// Strings of the office area (registry, accounts, audit, import): top-level keys prefixed 'office'.
export const office = { zh: { office: {} }, en: { office: {} } };
