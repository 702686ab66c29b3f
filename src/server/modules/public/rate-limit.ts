// In-memory sliding-window limits per client address, so the no-account endpoints need no third-party captcha.

/** One limit: at most `max` hits within `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** The limits of the public endpoints; env overrides let an office tune them without a release. */
export interface PublicLimits {
  submit: WindowLimit[];
  lookup: WindowLimit[];
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

/** Reads the limits (defaults: 5 submissions per 10 minutes and 20 per day; 120 look-ups per 10 minutes). */
export function publicLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): PublicLimits {
  const minute = 60_000;
  return {
    submit: [
      { max: num(env.PUBLIC_SUBMIT_MAX, 5), windowMs: num(env.PUBLIC_SUBMIT_WINDOW_MINUTES, 10) * minute },
      { max: num(env.PUBLIC_SUBMIT_DAILY_MAX, 20), windowMs: 24 * 60 * minute },
    ],
    lookup: [{ max: num(env.PUBLIC_LOOKUP_MAX, 120), windowMs: 10 * minute }],
  };
}

/** Keeps hit times per key; memory stays bounded by pruning stale keys and capping the number of keys. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly longest: number;

  constructor(
    private readonly limits: WindowLimit[],
    private readonly maxKeys = 100_000,
  ) {
    this.longest = Math.max(...limits.map((l) => l.windowMs));
  }

  /** Records a hit for the key unless a limit is already reached; false means refuse (429). */
  take(key: string, now: number): boolean {
    const times = (this.hits.get(key) ?? []).filter((t) => t > now - this.longest);
    const full = this.limits.some((l) => times.filter((t) => t > now - l.windowMs).length >= l.max);
    if (!full) times.push(now);
    this.hits.delete(key); // re-insert so Map order is least-recently-used first
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) this.prune(now);
    return !full;
  }

  /** Drops keys with no hit in the longest window, then the least recently used beyond the cap. */
  private prune(now: number) {
    for (const [k, times] of this.hits) if (!times.some((t) => t > now - this.longest)) this.hits.delete(k);
    for (const k of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(k);
    }
  }
}
