// The working-day and statutory clocks in one import: China time, holidays with 调休, office hours, 信访 periods.
export * from './china-time';
export * from './holidays-data';
export * from './petition-clock';
export * from './working-days';
export * from './working-hours';
