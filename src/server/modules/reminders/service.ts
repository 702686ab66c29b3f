// Reminders and outgoing messages: the deadline scan, the outbox worker, feedback notices, and the timer running them.
import { createMailer, type Mailer } from '../../adapters/mailer.js';
import { createSms, type SmsGateway } from '../../adapters/sms.js';
import type { Deps } from '../../context.js';
import { spikeScanner } from '../spikes/scan.js';
import { runWebhooks } from '../webhooks/dispatch.js';
import { deliverOutbox } from './outbox.js';
import { scanDeadlines } from './scan.js';

export { notifyFeedback } from './feedback.js';
export { backoffMs, deliverOutbox, enqueue, OUTBOX_MAX_ATTEMPTS, type OutboxInput } from './outbox.js';
export { classify, NEAR_DUE, type ReminderKind, replyWindowStart, scanDeadlines } from './scan.js';

/** A running scheduler; stop() clears the timer and waits for a tick in progress. */
export interface Scheduler {
  stop(): Promise<void>;
  /** Runs one scan + delivery now (also what the timer calls); ticks never overlap. */
  tick(): Promise<void>;
}

/**
 * Runs scanDeadlines, scanSpikes, deliverOutbox and the webhooks every `intervalMs` on an unref'd timer (it never keeps the process alive).
 * Drivers come from config unless given; several processes may run it, the database keeps each message single.
 */
export function startScheduler(
  deps: Pick<Deps, 'database' | 'config' | 'now'>,
  intervalMs = deps.config.reminderIntervalMs,
  drivers: { mailer?: Mailer; sms?: SmsGateway; log?: (err: unknown) => void } = {},
): Scheduler {
  const mailer = drivers.mailer ?? createMailer(deps.config);
  const sms = drivers.sms ?? createSms(deps.config);
  const log = drivers.log ?? ((err: unknown) => console.error('[reminders]', err));
  const scanSpikes = spikeScanner();
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const db = deps.database.db;
        await scanDeadlines(db, deps.now());
        // A failing spike scan must not hold back the outbox: logged, and tried again on the next tick (it runs only
        // when an item or an item event was added, or on a new China day).
        await scanSpikes(db, deps.now()).catch(log);
        await deliverOutbox(db, mailer, sms, deps.now());
        await runWebhooks(db, deps.now());
      } catch (err) {
        log(err);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), Math.max(1000, intervalMs));
  timer.unref();
  const first = setTimeout(() => void tick(), 5000);
  first.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
      mailer.close?.();
    },
  };
}
