// Pure 履职考核 rules: evidence sources and the scorer.
export * from './score';
export * from './sources';
