// The member record as the API answers it (list rows and the detail view).
export interface MemberRow {
  id: number;
  code: string;
  name: string;
  gender: string;
  birthYear: number | null;
  ethnicity: string;
  politicalStatus: string;
  education: string;
  workUnit: string;
  post: string;
  groupId: number | null;
  groupName: string | null;
  isStandingCommittee: boolean;
  phone: string;
  email: string;
  address: string;
  publicPhone: string;
  publishContact: boolean;
  active: boolean;
  sectorId: number | null;
  sectorName: string | null;
  representativeCount: number;
  villageCount: number;
  abilities: { canEdit: boolean; canRecord: boolean };
}

export interface MemberDetail extends MemberRow {
  villages: { id: number; name: string; code: string; townshipName: string | null; lastVisit: string | null }[];
  sectorHistory: { termId: number; termName: string; sectorName: string }[];
}

/** "单位 · 职务", either part may be empty. */
export const unitAndPost = (m: { workUnit: string; post: string }) => [m.workUnit, m.post].filter(Boolean).join(' · ');
