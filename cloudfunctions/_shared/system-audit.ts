import type { EpochMs } from '@domain/model';
import type { ActionContext } from './function';
import type { Runtime } from './runtime';

export type AuditWriter = ActionContext['audit'];

/** Sweeps act without a request, so they write their audit lines themselves (actor: the system). */
export function systemAudit(rt: Runtime, at: EpochMs): AuditWriter {
  return async (e) => {
    await rt.store.insert('audit', {
      _id: rt.newId('audit'),
      type: e.type,
      communityId: e.communityId ?? null,
      actorId: null,
      subject: e.subject,
      data: e.data,
      at,
    });
  };
}
