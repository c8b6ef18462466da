import { randomBytes } from 'crypto';

/** Ids sort roughly by creation time (base36 ms prefix) and carry their kind for readable logs. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
}
