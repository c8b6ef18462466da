/**
 * kill -9 during bursts of writes, many times, then restart: every acknowledged write present, no
 * half-written operation left after the repair sweep, the archive chain intact (issue 9).
 *
 *   npm run crash:burst                 20 rounds (or 120 s, whichever ends first)
 *   npm run crash:burst -- --runs 5 --seconds 60 --burst 12
 *
 * The local host (`scripts/local-host.ts`, API only: no H5 build needed) runs as a child process on
 * an ephemeral port over a temporary data folder. Each round fires a burst of concurrent writes, each
 * with its own request id, kills the child at a random moment, restarts it, and retries every request
 * that got no answer with its same request id. Requests carry a dev clock (`x-dev-now`) that moves
 * past the operation lease between rounds, so a retry after a kill takes over the dead attempt.
 * Exit code 0 when every check holds.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { localDateOf } from '@domain/time';
import type { Envelope } from '@domain/envelope';
import { LEASE_MS } from '../cloudfunctions/_shared/ops/operation';
import { closeSqliteStorage, createSqliteStorage } from '../cloudfunctions/_shared/storage/sqlite';
import { devOpenid } from '../cloudfunctions/_shared/seed/demo';
import { verifyChainOf } from '../cloudfunctions/filings/archive';
import { deliveryId } from '@domain/signoff';

const MEMBERS = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];
const HEAD = 'p_head';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

// ---- the child: the local host, API only --------------------------------------------------------

async function runHost(dataDir: string): Promise<void> {
  const { startLocalHost } = await import('./local-host');
  const host = await startLocalHost({ port: 0, dataDir, staticDir: path.join(dataDir, 'no-h5'), quiet: true });
  process.stdout.write(`READY ${host.url}\n`);
}

// ---- the parent ---------------------------------------------------------------------------------

interface Request {
  fn: string;
  action: string;
  payload: unknown;
  requestId: string;
  as: string;
}

/** A chain of requests; each needs the replies before it. Stops at the first unanswered one. */
interface Job {
  name: string;
  steps: Array<(replies: any[]) => Omit<Request, 'requestId'>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  replies: unknown[];
  /** The request in flight or unanswered, kept so its retry carries the same id. */
  pending: Request | null;
  failed?: string;
  /** The user gave up: the unanswered request is never retried. */
  abandoned?: boolean;
}

interface Figures {
  rounds: number;
  kills: number;
  sent: number;
  acknowledged: number;
  retried: number;
  retriedIds: Set<string>;
  inProgress: number;
  lost: number;
  abandoned: number;
  pendingBeforeSweep: number;
  errors: string[];
}

let serial = 0;
const newRequestId = () => `burst-${process.pid}-${(serial++).toString(36).padStart(5, '0')}`;

class Host {
  child: ChildProcess | null = null;
  url = '';

  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--host', this.dataDir], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, APP_RUNTIME: 'local' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let errors = '';
    child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`host exited (${code}) before it was ready: ${errors}`)));
    });
  }

  kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

async function send(host: Host, req: Request, now: number): Promise<Envelope<unknown> | null> {
  try {
    const res = await fetch(`${host.url}api/${req.fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': devOpenid(req.as), 'x-dev-now': String(now) },
      body: JSON.stringify({ action: req.action, payload: req.payload, requestId: req.requestId }),
    });
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return null; // the host died under it: no answer, so not acknowledged
  }
}

/** Drives a job as far as it goes; returns when it is finished or a request went unanswered. */
async function drive(host: Host, job: Job, now: () => number, f: Figures): Promise<void> {
  while (!job.failed && job.replies.length < job.steps.length) {
    const retry = job.pending !== null;
    const req = job.pending ?? { ...job.steps[job.replies.length]!(job.replies), requestId: newRequestId() };
    job.pending = req;
    if (retry) {
      f.retried++;
      f.retriedIds.add(req.requestId);
    } else f.sent++;
    const env = await send(host, req, now());
    if (!env) return;
    if (!env.ok && env.error.code === 'REQUEST_IN_PROGRESS') {
      f.inProgress++;
      return; // an attempt the kill left behind still holds the lease; the next round's clock is past it
    }
    if (!env.ok) {
      job.failed = `${job.name} ${req.fn}.${req.action}: ${env.error.code} ${env.error.message}`;
      f.errors.push(job.failed);
      return;
    }
    f.acknowledged++;
    job.replies.push(env.data);
    job.pending = null;
  }
}

function newJobs(round: number, size: number, today: string): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < size; i++) {
    const n = round * size + i;
    const kind = i % 4;
    const owner = `p_owner_${String((n % 40) + 1).padStart(2, '0')}`;
    if (kind === 0) {
      // A notification from draft to two signatures: the send writes 30 records, each sign appends to the chain.
      const [a, b] = [MEMBERS[n % 5]!, MEMBERS[(n + 2) % 5]!];
      jobs.push({
        name: `notification ${n}`,
        replies: [],
        pending: null,
        steps: [
          () => ({
            fn: 'filings',
            action: 'saveDraft',
            as: HEAD,
            payload: { kind: 'notification', category: 'other', title: `压力测试通报 ${n}`, body: '停水通知', eventDate: today },
          }),
          (r) => ({ fn: 'filings', action: 'send', as: HEAD, payload: { documentId: r[0].documentId } }),
          (r) => ({ fn: 'filings', action: 'sign', as: a, payload: { deliveryId: deliveryId(r[1].documentId, a) } }),
          (r) => ({ fn: 'filings', action: 'sign', as: b, payload: { deliveryId: deliveryId(r[1].documentId, b) } }),
        ],
      });
    } else if (kind === 1 || kind === 2) {
      jobs.push({
        name: `inquiry ${n}`,
        replies: [],
        pending: null,
        steps: [() => ({ fn: 'inquiries', action: 'ask', as: owner, payload: { channel: 'owner', kind: 'consult', text: `压力测试咨询 ${n}` } })],
      });
    } else {
      jobs.push({
        name: `consent ${n}`,
        replies: [],
        pending: null,
        steps: [() => ({ fn: 'alerts', action: 'consent', as: MEMBERS[n % 5]!, payload: { templateKey: 'deadline', accepted: true } })],
      });
    }
  }
  return jobs;
}

async function check(dataDir: string, jobs: Job[], now: number): Promise<{ pendingAfter: number; problems: string[] }> {
  const store = createSqliteStorage(dataDir);
  const problems: string[] = [];
  const pendingAfter = await store.count('ops', { status: { $ne: 'done' } });
  if (pendingAfter) problems.push(`${pendingAfter} operations not done after the repair sweep`);
  const stale = await store.find('ops', { status: 'pending', leaseUntil: { $lt: now } });
  if (stale.length) problems.push(`${stale.length} abandoned operations left`);

  const consents = new Map<string, [acknowledged: number, abandoned: number]>();
  for (const job of jobs) {
    for (const reply of job.replies as Array<Record<string, string>>) {
      if ('inquiryId' in reply && !(await store.get('inquiries', reply.inquiryId))) problems.push(`acknowledged inquiry ${reply.inquiryId} missing`);
      if ('documentId' in reply && !(await store.get('documents', reply.documentId))) problems.push(`acknowledged document ${reply.documentId} missing`);
      if ('deliveryId' in reply) {
        const d = await store.get('deliveries', reply.deliveryId);
        if (d?.signStatus !== 'SIGNED') problems.push(`acknowledged signature on ${reply.deliveryId} missing`);
      }
    }
    if (job.name.startsWith('notification') && job.replies.length >= 2) {
      const doc = await store.get('documents', (job.replies[1] as { documentId: string }).documentId);
      const deliveries = await store.count('deliveries', { documentId: doc?._id ?? '' });
      if (doc?.status !== 'sent' || deliveries !== 5) problems.push(`${job.name}: sent document has ${deliveries} deliveries`);
    }
    if (job.name.startsWith('consent')) {
      const who = job.steps[0]!([]).as;
      const [n, maybe] = consents.get(who) ?? [0, 0];
      consents.set(who, job.replies.length ? [n + 1, maybe] : [n, maybe + (job.abandoned ? 1 : 0)]);
    }
  }
  for (const [who, [n, maybe]] of consents) {
    const q = await store.get('subscriptions', `sub:${who}:deadline`);
    const stored = q?.remaining ?? 0;
    if (stored < n || stored > n + maybe) problems.push(`${who}: ${n} consents acknowledged (+${maybe} abandoned), ${stored} stored`);
  }
  // An abandoned ask may or may not have been stored (its reply never came); an answered one exactly once.
  const asks = jobs.filter((j) => j.name.startsWith('inquiry'));
  const inquiries = asks.filter((j) => j.replies.length).length;
  const stored = await store.count('inquiries', {});
  if (stored < inquiries || stored > inquiries + asks.filter((j) => j.abandoned).length)
    problems.push(`${inquiries} inquiries acknowledged, ${stored} stored (a retry stored one twice?)`);
  const chain = await verifyChainOf(store, 'c_demo');
  if (!chain.ok) problems.push(`archive chain broken: ${JSON.stringify(chain)}`);
  return { pendingAfter, problems };
}

async function main(): Promise<void> {
  const runs = arg('runs', 20);
  const seconds = arg('seconds', 120);
  const burst = arg('burst', 16);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wy-crash-burst-'));
  const started = Date.now();
  const base = Date.now();
  const today = localDateOf(base);
  let round = 0;
  // Each round is past the lease of every attempt of the round before: a retry takes a dead one over.
  const clock = () => base + round * (LEASE_MS + 60_000);
  const f: Figures = {
    rounds: 0,
    kills: 0,
    sent: 0,
    acknowledged: 0,
    retried: 0,
    retriedIds: new Set(),
    inProgress: 0,
    lost: 0,
    abandoned: 0,
    pendingBeforeSweep: 0,
    errors: [],
  };
  const jobs: Job[] = [];
  const host = new Host(dataDir);

  try {
    await host.start();
    for (; round < runs && Date.now() - started < seconds * 1000; round++) {
      f.rounds++;
      jobs.push(...newJobs(round, burst, today));
      const open = jobs.filter((j) => !j.failed && j.replies.length < j.steps.length);
      const work = Promise.all(open.map((j) => drive(host, j, clock, f)));
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
      await host.kill();
      f.kills++;
      await work;
      await host.start();
    }
    // No more kills. Some users give up (closed the app): their unanswered requests are never retried,
    // so only the repair sweep can finish what those attempts left. Everyone else retries until answered.
    const open = jobs.filter((j) => !j.failed && j.replies.length < j.steps.length);
    for (const [i, j] of open.entries()) if (i % 3 === 0) j.abandoned = true;
    f.abandoned = open.filter((j) => j.abandoned).length;
    round++;
    for (let i = 0; i < 5; i++, round++) {
      const left = jobs.filter((j) => !j.failed && !j.abandoned && j.replies.length < j.steps.length);
      if (!left.length) break;
      await Promise.all(left.map((j) => drive(host, j, clock, f)));
    }
    f.lost = jobs.filter((j) => !j.failed && !j.abandoned && j.replies.length < j.steps.length).length;
    await host.kill();
    // Closed again before the host restarts: one process per data folder.
    const store = createSqliteStorage(dataDir);
    f.pendingBeforeSweep = await store.count('ops', { status: 'pending' });
    closeSqliteStorage(store);
    await host.start();
    round++;
    const sweep = await send(host, { fn: 'alerts', action: 'sweep', payload: {}, requestId: newRequestId(), as: HEAD }, clock());
    if (!sweep?.ok) f.errors.push(`alerts.sweep: ${JSON.stringify(sweep)}`);
  } finally {
    await host.kill();
  }

  const { pendingAfter, problems } = await check(dataDir, jobs, clock());
  const seconds_ = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      `crash-burst: ${f.rounds} rounds, ${f.kills} kill -9, ${seconds_} s`,
      `  requests sent ${f.sent}, acknowledged ${f.acknowledged}, unanswered and retried with the same request id ${f.retriedIds.size} (${f.retried} retry attempts, ${f.inProgress} answered REQUEST_IN_PROGRESS)`,
      `  jobs ${jobs.length}, abandoned after a kill ${f.abandoned}, unfinished ${f.lost}, errors ${f.errors.length}`,
      `  pending operations: ${f.pendingBeforeSweep} before the repair sweep, ${pendingAfter} after`,
      `  checks: ${problems.length ? problems.join('; ') : 'every acknowledged write present, no operation left pending, the archive chain verifies'}`,
    ].join('\n'),
  );
  for (const e of f.errors) console.log(`  error: ${e}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (problems.length || f.errors.length || f.lost || pendingAfter) process.exitCode = 1;
}

if (require.main === module) {
  const i = process.argv.indexOf('--host');
  (i >= 0 ? runHost(process.argv[i + 1]!) : main()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
