// GET /spikes as the web reads it: the shape lives in core (core/spikes/alert.ts), shared with the server.
export type { SpikeAlert } from '../../../core/spikes/alert';
