import { API, type ActionName, type Api, type FunctionName } from '@domain/api';
import type { ActionSpec, ParsedOf, ResultOf } from '@domain/api/contract';
import { errorEnvelope, okEnvelope, type Envelope } from '@domain/envelope';
import { AppError } from '@domain/errors';
import type { AuditEntry } from '@domain/audit';
import type { EpochMs, Person } from '@domain/model';
import { ownValue } from '@domain/own';
import { accessOf, roleAllowed } from '@domain/permissions';
import type { Caller } from '@domain/roles';
import { forbiddenMessage } from '@domain/who-may';
import type { WorkingCalendar } from '@domain/calendar';
import { loadCalendar } from './calendar';
import { loadCaller } from './caller';
import { runOperation } from './ops/operation';
import { getRuntime } from './platform';
import type { Runtime } from './runtime';
import { refuseTimerEvent } from './timer';
import type { Storage } from './storage/port';

/**
 * Everything a handler gets: the store, the request's moment, who is calling, and the audit log.
 * `store` (and `rt.store`) buffer writes: the handler's writes become one operation, stored and then
 * applied after it returns (`ops/operation.ts`), so a handler never leaves half its writes behind.
 */
export interface ActionContext {
  rt: Runtime;
  store: Storage;
  now: EpochMs;
  openid: string | null;
  /** The user action this request carries out; retries of it carry the same id. */
  requestId: string;
  /** Null only for `public` and `identified` actions. */
  caller: Caller | null;
  person: Person | null;
  /** The working-day calendar with the administrator's corrections, read at most once per request. */
  calendar(): Promise<WorkingCalendar>;
  audit(entry: AuditEntry): Promise<void>;
}

/** For handlers of actions whose access guarantees a caller. */
export function requireCaller(ctx: ActionContext): Caller {
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED');
  return ctx.caller;
}

/** One action's handler: its input and result are the contract's. */
export type Handler<F extends FunctionName, A extends ActionName<F>> = (ctx: ActionContext, input: ParsedOf<Api[F][A]>) => Promise<ResultOf<Api[F][A]>>;

/** A function's handlers, one named function per action (the type makes a missing one a compile error). */
export type Handlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };

export interface CloudFunction {
  name: FunctionName;
  /** Runs one event against a given runtime (tests, local host). */
  handle(rt: Runtime, event: unknown, context?: unknown): Promise<Envelope<unknown>>;
  /** The entry CloudBase calls. */
  main(event: unknown, context?: unknown): Promise<Envelope<unknown>>;
}

/** A request id names one user action; the app sends the same one when it retries. */
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

function readEvent(event: unknown): { action: string; payload: unknown; requestId?: string } {
  if (typeof event !== 'object' || event === null || typeof (event as { action?: unknown }).action !== 'string') {
    throw new AppError('INVALID_INPUT', '请求格式有误：缺少 action');
  }
  const { action, payload, requestId } = event as { action: string; payload?: unknown; requestId?: unknown };
  if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))) {
    throw new AppError('INVALID_INPUT', '请求编号格式有误');
  }
  return { action, payload: payload ?? {}, requestId };
}

export function defineFunction<F extends FunctionName>(name: F, handlers: Handlers<F>): CloudFunction {
  async function run(rt: Runtime, event: unknown, context: unknown): Promise<unknown> {
    // Sweeps run only in the timer function, which clients cannot invoke; a timer body sent here is forged.
    refuseTimerEvent(event);
    const { action, payload, requestId } = readEvent(event);
    // Own keys only: 'constructor' or '__proto__' must be an unknown action, not an inherited function.
    const spec = ownValue(API[name] as Record<string, ActionSpec>, action);
    const handler = ownValue(handlers as Record<string, (ctx: ActionContext, input: unknown) => Promise<unknown>>, action);
    const access = accessOf(name, action);
    if (!spec || !handler || !access) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${name}.${action}`);

    const now = rt.requestTime(context);
    const openid = await rt.identify(context);
    const loaded = openid ? await loadCaller(rt.store, openid, now) : null;
    if (access !== 'public' && !openid) throw new AppError('UNAUTHENTICATED');
    if (access !== 'public' && access !== 'identified' && !loaded) throw new AppError('UNAUTHENTICATED');
    if (access !== 'public' && access !== 'identified' && !roleAllowed(access, loaded!.caller.roles))
      throw new AppError('FORBIDDEN', forbiddenMessage(typeof access === 'string' ? [] : access));

    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new AppError('INVALID_INPUT', details[0] ? `${details[0].message}` : undefined, details);
    }

    const caller = loaded?.caller ?? null;
    const request = {
      fn: name,
      action,
      identity: openid ?? 'anonymous',
      requestId: requestId ?? rt.newId('req'),
      fresh: requestId === undefined,
      payload,
      now,
    };
    return runOperation(rt, request, (opRt) => {
      let calendar: Promise<WorkingCalendar> | undefined;
      const ctx: ActionContext = {
        rt: opRt,
        store: opRt.store,
        now,
        openid,
        requestId: request.requestId,
        caller,
        person: loaded?.person ?? null,
        calendar: () => (calendar ??= loadCalendar(opRt.store)),
        async audit(e) {
          await opRt.store.insert('audit', {
            _id: opRt.newId('audit'),
            type: e.type,
            subject: e.subject,
            data: e.data,
            communityId: e.communityId !== undefined ? e.communityId : (caller?.communityId ?? null),
            actorId: caller?.personId ?? null,
            at: now,
          });
        },
      };
      return handler(ctx, parsed.data);
    });
  }

  async function handle(rt: Runtime, event: unknown, context?: unknown): Promise<Envelope<unknown>> {
    try {
      return okEnvelope(await run(rt, event, context));
    } catch (e) {
      if (e instanceof AppError) return errorEnvelope(e.toBody());
      // Unexpected: keep the stack in the function log, give the user only the generic message.
      console.error(`[${name}] unexpected error`, e);
      return errorEnvelope(new AppError('INTERNAL').toBody());
    }
  }

  return { name, handle, main: (event, context) => handle(getRuntime(), event, context) };
}
