// Strings of the public (citizen) pages: top-level keys prefixed 'pub'.
export const pub = { zh: { pub: {} }, en: { pub: {} } };
