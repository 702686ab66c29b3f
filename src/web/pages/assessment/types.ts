// Shapes of the assessment API answers the pages read, and the shared queries.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface YearInfo {
  year: number;
  schemeName: string;
  fullMarks: number;
  baseScore: number;
  talkThreshold: number;
  status: 'open' | 'closed';
}
export interface Rule {
  id?: number;
  name: string;
  source: string;
  points: number;
  cap: number | null;
  isDeduction: boolean;
  note: string;
}
export interface Scheme extends YearInfo {
  rules: Required<Rule>[];
  abilities: { canEdit: boolean; canClose: boolean };
}
export interface Line {
  ruleId: number;
  name: string;
  source: string;
  isDeduction: boolean;
  units: number;
  points: number;
  adjustment: number;
}
export interface EvidenceRef {
  kind: 'activity' | 'opinion' | 'bulletin' | 'proposal' | 'reception_day' | 'entry';
  id: number;
  date: string;
  title: string;
  units?: number;
}
export interface ScoreRow {
  memberId: number;
  name: string;
  code: string;
  sectorId: number | null;
  sectorName: string;
  groupId: number | null;
  groupName: string;
  total: number;
  lines: Line[];
  rankInSector: number;
  rankInGroup: number;
  belowThreshold: boolean;
}
export interface ScoresAnswer {
  year: YearInfo;
  rules: Required<Rule>[];
  items: ScoreRow[];
  total: number;
  belowThreshold: number;
}
export interface MemberAnswer {
  year: YearInfo;
  member: { id: number; name: string; code: string; sectorName: string; groupName: string };
  total: number;
  belowThreshold: boolean;
  lines: Array<Line & { evidence: EvidenceRef[] }>;
  abilities: { canAppeal: boolean; canDecide: boolean; canEnter: boolean; canEvaluate: boolean };
}
export interface Appeal {
  id: number;
  memberId: number;
  ruleId: number;
  ruleName: string;
  memberName: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  adjustment: number;
  decision: string;
  createdAt: string;
  abilities: { canDecide: boolean };
}

/** Where an evidence record opens (entries have no page of their own). */
export function evidenceHref(e: EvidenceRef): string | null {
  const base: Record<EvidenceRef['kind'], string | null> = {
    activity: '/activities',
    opinion: '/opinions',
    bulletin: '/bulletins',
    proposal: '/proposals',
    reception_day: '/reception-days',
    entry: null,
  };
  const b = base[e.kind];
  return b ? `${b}/${e.id}` : null;
}

/** The years that have a scheme, newest first. */
export function useYears() {
  return useQuery({
    queryKey: ['assessment-years'],
    queryFn: () => api<{ items: Array<YearInfo & { ruleCount: number }> }>('/assessment-rules'),
  });
}

/** Default year: the newest open one, else the newest. */
export const defaultYear = (items: YearInfo[] | undefined) =>
  items?.find((y) => y.status === 'open')?.year ?? items?.[0]?.year ?? new Date().getFullYear();
