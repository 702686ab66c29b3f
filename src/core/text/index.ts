// The pure text pipeline (normalise → features → TF-IDF / MinHash → similar items, category suggestion); segmentation
// itself needs jieba and lives in server/adapters/text.
export * from './classifier.js';
export * from './metrics.js';
export * from './minhash.js';
export * from './normalize.js';
export * from './similar-index.js';
export * from './tfidf.js';
export * from './topics.js';
