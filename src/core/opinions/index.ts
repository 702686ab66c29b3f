// The 社情民意 lifecycle in one import: statuses, actions, the transition table, payload schemas, the decision, the
// named compound moves and the handling settings.
export * from './compound';
export * from './handling-settings';
export * from './lifecycle';
export * from './payloads';
export * from './transition';
