// Shapes of the public directory answers (GET /public/directory, /public/directory/members/:id).
export interface DirectoryPlace {
  id: number;
  name: string;
  townshipName?: string | null;
}
/** One member as the public directory shows them: published data only. */
export interface DirectoryMember {
  id: number;
  name: string;
  sectorId: number | null;
  sectorName: string | null;
  townships: DirectoryPlace[];
  villages: DirectoryPlace[];
  publicPhone: string | null;
  receptionDays?: { id: number; title: string; date: string; place: string; regionName: string | null }[];
}
/** A page of the directory with the filters it offers. */
export interface DirectoryPage {
  items: DirectoryMember[];
  total: number;
  page: number;
  pageSize: number;
  filters: { sectors: { id: number; name: string; parentId: number | null }[]; townships: DirectoryPlace[] };
}

/** The citizen form addressed to a member (and their only village, when they contact one). */
export function writeToUrl(m: DirectoryMember): string {
  const village = m.villages.length === 1 ? `&village=${m.villages[0].id}` : '';
  return `/public/opinions/new?member=${m.id}${village}`;
}
