// E-mail to the confirmed subscribers of a 民生问题 (or of its area) when it moves: called by the problems module in
// the same transaction as the move.
import type { Tx } from '../../db/client.js';

/** Queues one mail per confirmed subscriber of the problem or its township/county for the problem event. */
export async function queueProblemSubscriberMail(_tx: Tx, _problemId: number, _eventId: number): Promise<void> {}
