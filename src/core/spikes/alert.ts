// The shape of a spike alert as GET /spikes returns it: written once, read by the server and the web.

/** One alert with the items behind it the viewer may see. */
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
  /** Items behind the alert the viewer may not see. */
  hiddenCount: number;
}
