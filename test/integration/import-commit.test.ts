import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ActionName, Api, FunctionName } from '@domain/api';
import type { ImportView } from '@domain/api/admin';
import type { InputOf } from '@domain/api/contract';
import { IMPORT_STALL_MS } from '../../cloudfunctions/admin/import-sweep';
import { issueBootstrapCode } from '../../cloudfunctions/_shared/bootstrap';
import { visible } from '../../cloudfunctions/_shared/staged';
import { createHarness, type Harness } from '../helpers/harness';

/** An import's rows are in force all at once, at its commit; an abandoned one is finished or reported by the timer. */
let dir: string;
let h: Harness;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-commit-'));
  h = await createHarness({ seed: false, filesDir: dir, now: '2026-11-20T10:00:00+08:00' });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** People here are not in the demo: they call by their platform identity. */
const ok = <F extends FunctionName, A extends ActionName<F>>(openid: string, fn: F, action: A, payload: InputOf<Api[F][A]>) =>
  h.ok(fn, action, payload, { openid });
function upload(name: string, text: string): { fileId: string; name: string } {
  const id = `${Math.random().toString(36).slice(2, 10)}${path.extname(name)}`;
  fs.writeFileSync(path.join(dir, id), text);
  return { fileId: `local:${id}`, name };
}
const HEADER = '楼栋,单元,房号,建筑面积,业主姓名,业主手机';
const csv = (n: number, area = 80) =>
  [HEADER, ...Array.from({ length: n }, (_, i) => `${1 + Math.floor(i / 100)}栋,,${100 + (i % 100)},${area},业主${i},138${String(i).padStart(8, '0')}`)].join(
    '\n',
  );

async function community(): Promise<string> {
  await ok('wx-admin', 'admin', 'bootstrap', { code: (await issueBootstrapCode(h.rt.store, h.now()))!, name: '何文' });
  const c = await ok('wx-admin', 'admin', 'createCommunity', {
    name: '翠湖花园',
    city: '深圳',
    companyAccount: { bank: '招商银行', accountName: '安居物业', accountNo: '7559 8888' },
  });
  await ok('wx-visitor', 'session', 'me', {});
  return c.communityId;
}
/** What readers see: the room list an owner picks from, the administrator's count, the buildings. */
async function seen(communityId: string): Promise<{ listed: number; counted: number; buildings: number }> {
  let listed = 0;
  let after: string | undefined;
  do {
    const page = await ok('wx-visitor', 'session', 'listRooms', { communityId, limit: 100, ...(after ? { after } : {}) });
    listed += page.items.length;
    after = page.next ?? undefined;
  } while (after);
  const counted = (await ok('wx-admin', 'admin', 'communities', {})).find((c) => c.communityId === communityId)!.rooms;
  const buildings = (await ok('wx-admin', 'admin', 'buildings', { communityId })).length;
  return { listed, counted, buildings };
}
const step = (importId: string) => ok('wx-admin', 'admin', 'importStep', { importId });

it('no reader sees any row of a 600-row import until the one commit write, then every row at once', async () => {
  const communityId = await community();
  let view: ImportView = await ok('wx-admin', 'admin', 'importStart', { communityId, file: upload('rooms.csv', csv(600)) });
  const phases: string[] = [];
  while (!(view.status === 'applying' && view.applied === view.total)) {
    view = await step(view.importId);
    phases.push(`${view.status}:${view.staged}/${view.applied}`);
    // Rooms are written while applying, but not one is visible, in a list, a count, or a building.
    expect(await seen(communityId)).toEqual({ listed: 0, counted: 0, buildings: 0 });
  }
  expect(phases).toEqual(['staging:250/0', 'staging:500/0', 'applying:600/0', 'applying:600/250', 'applying:600/500', 'applying:600/600']);
  expect(await h.rt.store.count('rooms', { communityId })).toBe(600);
  expect(view.percent).toBeLessThan(100);

  // The commit: one call whose only update is the import record.
  const before = await h.snapshot();
  view = await step(view.importId);
  const after = await h.snapshot();
  expect(view).toMatchObject({ status: 'settling', percent: 100 });
  expect(after.rooms).toBe(before.rooms);
  expect(await seen(communityId)).toEqual({ listed: 600, counted: 600, buildings: 6 });

  while (view.status !== 'committed') view = await step(view.importId);
  const rooms = await h.rt.store.find('rooms', { communityId });
  expect(rooms.filter((r) => r.staged)).toHaveLength(0);
  expect(await seen(communityId)).toEqual({ listed: 600, counted: 600, buildings: 6 });
});

it('a re-import changes rooms for readers only at its commit; the values in force until then are the old ones', async () => {
  const communityId = await community();
  let view = await ok('wx-admin', 'admin', 'importStart', { communityId, file: upload('a.csv', csv(300, 80)) });
  while (view.status !== 'committed') view = await step(view.importId);
  view = await ok('wx-admin', 'admin', 'importStart', { communityId, file: upload('b.csv', csv(300, 95.5)) });
  while (!(view.status === 'applying' && view.applied === view.total)) view = await step(view.importId);
  const areas = async () => new Set((await visible(h.rt.store, await h.rt.store.find('rooms', { communityId }))).map((r) => r.areaM2));
  expect(await areas()).toEqual(new Set([80]));
  view = await step(view.importId); // the commit
  expect(view.status).toBe('settling');
  expect(await areas()).toEqual(new Set([95.5]));
  // A new import waits for the last one to settle: no two imports' staged values on one room.
  expect((await h.call('admin', 'importStart', { communityId, file: upload('c.csv', csv(1)) }, { openid: 'wx-admin' })).ok).toBe(false);
  while (view.status !== 'committed') view = await step(view.importId);
  expect(new Set((await h.rt.store.find('rooms', { communityId })).map((r) => r.areaM2))).toEqual(new Set([95.5]));
  expect(view.counts).toEqual({ created: 0, updated: 300, unchanged: 0 });
});

it('an import abandoned half-applied is finished by the hourly timer, not only by the page', async () => {
  const communityId = await community();
  let view = await ok('wx-admin', 'admin', 'importStart', { communityId, file: upload('rooms.csv', csv(800)) });
  for (let i = 0; i < 5; i++) view = await step(view.importId); // staged all, applied 250: the page is closed
  expect(view).toMatchObject({ status: 'applying', applied: 250 });
  // Not yet stale: a person may still be stepping it.
  h.advance(IMPORT_STALL_MS / 2);
  await h.timer();
  expect((await h.rt.store.get('imports', view.importId))!.applied).toBe(250);
  h.advance(IMPORT_STALL_MS);
  const env = await h.timer();
  expect(env.ok).toBe(true);
  const job = (await h.rt.store.get('imports', view.importId))!;
  expect(job).toMatchObject({ status: 'committed', applied: 800, settled: 800 });
  expect(job.stalled).toBeUndefined();
  expect(await seen(communityId)).toEqual({ listed: 800, counted: 800, buildings: 8 });
  const audit = await h.rt.store.find('audit', { 'subject.id': view.importId });
  expect(audit.map((a) => a.type).sort()).toEqual(['import.committed', 'import.started']);
});

it('an abandoned import whose file is gone is reported to the importer, and nothing of it is visible', async () => {
  const communityId = await community();
  const file = upload('rooms.csv', csv(600));
  const view = await ok('wx-admin', 'admin', 'importStart', { communityId, file });
  await step(view.importId);
  fs.rmSync(path.join(dir, file.fileId.slice('local:'.length)));
  h.advance(IMPORT_STALL_MS + 60_000);
  await h.timer();
  const job = (await h.rt.store.get('imports', view.importId))!;
  expect(job.status).toBe('staging');
  expect(job.stalled?.reason).toBeTruthy();
  const listed = (await ok('wx-admin', 'admin', 'imports', { communityId }))[0];
  expect(listed.stalled).toBe(job.stalled!.reason);
  const inbox = JSON.stringify(await ok('wx-admin', 'alerts', 'inbox', {}));
  expect(inbox).toContain('房屋导入未能完成');
  expect(inbox).toContain('rooms.csv');
  expect(await seen(communityId)).toEqual({ listed: 0, counted: 0, buildings: 0 });
  // Told once: the next hour's run tries again but does not repeat the message.
  h.advance(3_600_000);
  await h.timer();
  expect((await h.rt.store.find('alerts', { personId: job.createdBy })).filter((a) => a.key.startsWith('import-stalled:'))).toHaveLength(1);
});
