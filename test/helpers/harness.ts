import type { ActionName, Api, FunctionName } from '@domain/api';
import type { InputOf, ResultOf } from '@domain/api/contract';
import type { Envelope } from '@domain/envelope';
import type { Role } from '@domain/roles';
import { createLocalRuntime } from '../../cloudfunctions/_shared/local';
import { FUNCTIONS } from '../../cloudfunctions/_shared/registry';
import type { Runtime, SubscribeSender } from '../../cloudfunctions/_shared/runtime';
import type { Storage } from '../../cloudfunctions/_shared/storage/port';
import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/storage/collections';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { createSqliteStorage } from '../../cloudfunctions/_shared/storage/sqlite';
import { demoData, devOpenid, seedDemo } from '../../cloudfunctions/_shared/seed/demo';
import { handle as timerHandle } from '../../cloudfunctions/timer';

/**
 * Integration tests call the same `handle` the deployed functions run, on an in-memory embedded
 * store seeded with the demo community, as a named demo person, at a time the test controls.
 */
export const DEMO = {
  owner: 'p_owner_02',
  owner2: 'p_owner_03',
  chair: 'p_owner_01',
  viceChair: 'p_owner_08',
  member: 'p_owner_15',
  butler: 'p_butler_1',
  butler2: 'p_butler_2',
  supervisor: 'p_supervisor',
  head: 'p_head',
  gm: 'p_gm',
  admin: 'p_admin',
  visitor: 'p_visitor_1',
} as const;

/** A demo person holding each role, for generic tests over the permission table. */
export const PERSON_FOR_ROLE: Record<Role, string> = {
  visitor: DEMO.visitor,
  owner: DEMO.owner,
  committee: DEMO.member,
  butler: DEMO.butler,
  butler_supervisor: DEMO.supervisor,
  head: DEMO.head,
  general_manager: DEMO.gm,
  admin: DEMO.admin,
};

export interface CallOptions {
  /** Demo person id to call as; omitted → no identity. */
  as?: string;
  /** Raw platform identity, for people not in the demo (first visit). */
  openid?: string;
}

export interface Harness {
  rt: Runtime;
  now(): number;
  setNow(iso: string | number): void;
  advance(ms: number): void;
  raw(fn: string, event: unknown, opts?: CallOptions): Promise<Envelope<unknown>>;
  /** The hourly timer as the platform fires it: the timer function, with a timer invocation context. */
  timer(): Promise<Envelope<unknown>>;
  call<F extends FunctionName, A extends ActionName<F>>(
    fn: F,
    action: A,
    payload: InputOf<Api[F][A]>,
    opts?: CallOptions,
  ): Promise<Envelope<ResultOf<Api[F][A]>>>;
  /** Like call, but returns the data and fails the test with the error code otherwise. */
  ok<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, payload: InputOf<Api[F][A]>, as: string | CallOptions): Promise<ResultOf<Api[F][A]>>;
  /** Record counts of every collection except the audit log: "stores nothing" checks compare these. */
  snapshot(): Promise<Record<string, number>>;
}

export const DEFAULT_NOW = '2026-11-20T10:00:00+08:00';

export interface HarnessOptions {
  now?: string | number;
  seed?: boolean;
  /** The store to start from (default: a fresh in-memory one); seeding skips a store already seeded. */
  store?: Storage;
  /** Wraps the store every call goes through (e.g. a write log with crash injection). */
  wrapStore?: (store: Storage) => Storage;
  /** A WeChat sender (see fake-wechat.ts); without one, alerts reach the message centre only, as in local runs. */
  wechat?: SubscribeSender;
  /** Where uploaded files are read from (`local:<name>`), as the local host's files folder. */
  filesDir?: string;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  let now = typeof options.now === 'number' ? options.now : Date.parse(options.now ?? DEFAULT_NOW);
  // TEST_STORE=sqlite runs the handlers on the store `npm start` uses (in memory); NeDB is the default.
  const base = options.store ?? (process.env.TEST_STORE === 'sqlite' ? createSqliteStorage() : createNedbStorage());
  const rt: Runtime = {
    ...createLocalRuntime({ store: options.wrapStore ? options.wrapStore(base) : base, clock: { now: () => now }, filesDir: options.filesDir }),
    ...(options.wechat ? { wechat: options.wechat } : {}),
  };
  if (options.seed !== false) await seedDemo(rt.store, now);

  const raw: Harness['raw'] = (fn, event, opts = {}) => {
    const handle = FUNCTIONS[fn as FunctionName];
    if (!handle) throw new Error(`no function ${fn}`);
    return handle(rt, event, { devOpenid: opts.openid ?? (opts.as ? devOpenid(opts.as) : undefined) });
  };
  const call: Harness['call'] = (fn, action, payload, opts) => raw(fn, { action, payload }, opts) as never;
  return {
    rt,
    now: () => now,
    setNow: (t) => {
      now = typeof t === 'number' ? t : Date.parse(t);
    },
    advance: (ms) => {
      now += ms;
    },
    raw,
    timer: () => timerHandle(rt, { Type: 'Timer', TriggerName: 'sweep', Time: new Date(now).toISOString() }, { devTimer: true }),
    call,
    async ok(fn, action, payload, as) {
      const opts = typeof as === 'string' ? { as } : as;
      const env = await call(fn, action, payload, opts);
      const who = opts.as ?? opts.openid;
      if (!env.ok) throw new Error(`${fn}.${action} as ${who} failed: ${env.error.code} ${env.error.message} ${JSON.stringify(env.error.details ?? '')}`);
      return env.data;
    },
    async snapshot() {
      const out: Record<string, number> = {};
      for (const c of COLLECTION_NAMES) if (c !== 'audit') out[c] = await rt.store.count(c);
      return out;
    },
  };
}

export { demoData };
