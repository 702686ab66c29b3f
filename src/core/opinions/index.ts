// The 社情民意 lifecycle in one import: statuses, actions, the transition table, payload schemas and the decision.
export * from './lifecycle';
export * from './payloads';
export * from './transition';
