// Strings of the 社情民意 staff pages (inbox, item, department workspace, KPIs): keys prefixed 'op'.
export const op = { zh: { op: {} }, en: { op: {} } };
