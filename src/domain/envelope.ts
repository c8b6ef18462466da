import type { ErrorBody } from './errors';

/** The one response shape of every cloud-function action. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const okEnvelope = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const errorEnvelope = (error: ErrorBody): Envelope<never> => ({ ok: false, error });
