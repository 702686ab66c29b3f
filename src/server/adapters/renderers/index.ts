// Public entry point of the paper-form renderers (xlsx + pdf) used by the export routes.

export { drained, loopSlicer, prefetched } from './cooperative.js';
export { SHEET_NAMES, TITLES } from './format.js';
export { CJK_FONT_ENV, CJK_FONT_PATH } from './pdf-fonts.js';
export * from './pdf-forms.js';
export { closeRenderPool, type RenderJob, renderDocument, rendersInProcess } from './render-pool.js';
export type * from './types.js';
export * from './xlsx-forms.js';
export { type SummaryHead, type SummaryRow, streamSummaryXlsx } from './xlsx-summary-stream.js';
