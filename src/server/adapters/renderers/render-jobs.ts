// The render jobs the pool runs: plain, structured-cloneable data in, bytes out. Imported by the worker and by the
// in-process fallback, so both run exactly the same renderer.
import { type MemberReportData, renderMemberReportDocx } from './assessment-report-docx.js';
import { renderScoresXlsx, type ScoresSheetData } from './assessment-scores-xlsx.js';
import { renderBulletinDocx } from './bulletin-docx.js';
import type { BulletinDocData } from './bulletin-layout.js';
import { renderBulletinPdf } from './bulletin-pdf.js';
import { renderRecordCardPdf, renderRegistrationPdf, renderSummaryPdf } from './pdf-forms.js';
import { type PosterData, renderPosterPdf } from './poster-pdf.js';
import type { RecordCardData, RegistrationFormData, SummaryFormData } from './types.js';
import { renderRecordCardXlsx, renderRegistrationXlsx, renderSummaryXlsx } from './xlsx-forms.js';

/** One document to render; every field survives structured clone (Dates included). */
export type RenderJob =
  | { kind: 'registration'; format: 'xlsx' | 'pdf'; data: RegistrationFormData }
  | { kind: 'record-card'; format: 'xlsx' | 'pdf'; data: RecordCardData | null }
  | { kind: 'summary'; format: 'xlsx' | 'pdf'; data: SummaryFormData }
  | { kind: 'bulletin'; format: 'docx' | 'pdf'; data: BulletinDocData }
  | { kind: 'assessment-scores'; format: 'xlsx'; data: ScoresSheetData }
  | { kind: 'assessment-report'; format: 'docx'; data: MemberReportData }
  | { kind: 'poster'; format: 'pdf'; data: PosterData };

/** Runs one job on the current thread (the worker's body, and the RENDER_IN_PROCESS=1 path). */
export function runRenderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'registration':
      return job.format === 'pdf' ? renderRegistrationPdf(job.data) : renderRegistrationXlsx(job.data);
    case 'record-card':
      return job.format === 'pdf' ? renderRecordCardPdf(job.data) : renderRecordCardXlsx(job.data);
    case 'summary':
      return job.format === 'pdf' ? renderSummaryPdf(job.data) : renderSummaryXlsx(job.data);
    case 'bulletin':
      return job.format === 'pdf' ? renderBulletinPdf(job.data) : renderBulletinDocx(job.data);
    case 'assessment-scores':
      return renderScoresXlsx(job.data);
    case 'assessment-report':
      return renderMemberReportDocx(job.data);
    case 'poster':
      return renderPosterPdf(job.data);
  }
}
