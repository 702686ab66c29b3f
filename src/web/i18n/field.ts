// Strings of the field area (members' screens, activities, compliance, forms): top-level keys prefixed 'field'.
export const field = { zh: { field: {} }, en: { field: {} } };
