// GET /spikes as the web reads it (server: modules/spikes/service.ts).

/** One spike alert with the items behind it the viewer may see. */
export interface SpikeAlert {
  id: number;
  villageId: number;
  village: string;
  townshipId: number | null;
  township: string;
  categoryId: number;
  category: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  baseline: number;
  createdAt: string;
  items: { id: number; title: string; status: string }[];
  hiddenCount: number;
}
