// The answer of GET /topics (热点问题): written once, read by the web and checked against the server's response schema
// (modules/topics/schema.ts `satisfies`), so the two cannot drift apart.

export interface TopicCount {
  count: number;
}

export interface Topic {
  id: number;
  label: string;
  phrases: string[];
  count: number;
  people: number;
  townshipId: number | null;
  townshipName: string | null;
  /** level 'township': items registered at the township itself, not at one of its villages. */
  byVillage: (TopicCount & { regionId: number | null; name: string | null; level: string | null })[];
  byChannel: (TopicCount & { channel: string })[];
  bySector: (TopicCount & { sectorId: number | null; name: string | null })[];
  trend: (TopicCount & { week: string; start: string })[];
  newest: { id: number; title: string; receivedAt: string }[];
  opinionIds: number[];
  linkedCount: number;
  linkedProblemIds: number[];
}

export interface TopicList {
  regionId: number | null;
  from: string;
  to: string;
  items: number;
  truncated: boolean;
  topics: Topic[];
}
