// The 提案 lifecycle in one import: statuses, actions, the transition table, the decision and the reply clock.
export * from './deadline';
export * from './decide';
export * from './lifecycle';
