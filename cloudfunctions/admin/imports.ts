import { createHash } from 'crypto';
import type { ImportView } from '@domain/api/admin';
import { AppError } from '@domain/errors';
import { IMPORT_OPEN_STATUSES } from '@domain/import-staging';
import type { Room, RoomImportValues } from '@domain/model';
import { requireManager } from '@domain/onboarding';
import { importProgress, missingRooms, readRoomTable, rowOutcome, type NumberedRow, type RowOutcome } from '@domain/room-import';
import { requireCaller, type Handler } from '../_shared/function';
import { readTable } from '../_shared/sheet';
import { visible } from '../_shared/staged';
import type { ImportJob, ImportRowRecord } from '../_shared/storage/onboarding-records';
import { liveCommunity } from './communities';
import { applyFeeRows, readFeeTable } from './fee-imports';
import type { StepContext } from './step-context';

/**
 * The one import mechanism: rooms and owners here, bills and payments through `fee-imports.ts`. A file is checked whole first:
 * one bad row and nothing is stored. Then each call does one bounded chunk — stage CHUNK rows into
 * `importRows`, later apply CHUNK staged rows to the community's records — as one operation whose
 * first write moves the cursor on the import (compare-and-set), so a call that dies is completed by
 * its retry or the repair sweep, two calls at once never do a chunk twice, and the next call resumes
 * at the stored cursor. Each call stays far inside the function timeout whatever the file's size.
 * Rows become visible together at one commit write (`@domain/import-staging`); an import left open
 * is continued by the timer (`import-sweep.ts`).
 */
export const IMPORT_CHUNK = 250;

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
// Short ids: a room's id goes into binding ids (person + room + n), which must stay within 64 characters.
const roomIdFor = (communityId: string, label: string) => `r_${sha(`${communityId}\u0000${label}`).slice(0, 16)}`;
const buildingIdFor = (communityId: string, name: string) => `b_${sha(`${communityId}\u0000${name}`).slice(0, 16)}`;
const rowId = (importId: string, n: number) => `${importId}_${String(n).padStart(6, '0')}`;

/** A fee import has no apply phase: its rows are written after the commit, while readers wait. */
const feeProgress = (job: ImportJob): number =>
  job.kind === 'rooms' ? importProgress(job) : Math.floor(((job.staged + (job.settled ?? 0)) / (2 * Math.max(1, job.total))) * 100);

export function importView(job: ImportJob): ImportView {
  return {
    importId: job._id,
    kind: job.kind,
    status: job.status,
    fileName: job.file.name,
    total: job.total,
    staged: job.staged,
    applied: job.applied,
    // Rooms: committed is 100, settling changes nothing anyone sees. Fees: readers wait for the last row.
    percent: job.status === 'committed' || (job.kind === 'rooms' && job.committedAt !== undefined) ? 100 : Math.min(99, feeProgress(job)),
    counts: job.counts,
    missing: job.missing,
    createdAt: job.createdAt,
    ...(job.stalled ? { stalled: job.stalled.reason } : {}),
  };
}

async function readRows(ctx: StepContext, job: Pick<ImportJob, 'kind' | 'communityId' | 'file'>): Promise<{ rows: ImportRowRecord['row'][]; hash: string }> {
  const { file } = job;
  const bytes = await ctx.rt.readFile(file.fileId);
  const table = await readTable(bytes, file.name);
  const result = job.kind === 'rooms' ? readRoomTable(table) : await readFeeTable(ctx, job.kind, job.communityId, table);
  if (result.errorCount > 0) {
    throw new AppError('IMPORT_INVALID', `导入文件有${result.errorCount}处错误，未导入任何数据`, result.errors);
  }
  return { rows: result.rows, hash: sha(bytes) };
}

export const importStart: Handler<'admin', 'importStart'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  const community = await liveCommunity(ctx.store, input.communityId);
  const open = await ctx.store.find('imports', { communityId: community._id, status: { $in: [...IMPORT_OPEN_STATUSES] } }, { limit: 1 });
  if (open.length > 0) throw new AppError('IMPORT_BUSY');
  const kind = input.kind ?? 'rooms';
  const { rows, hash } = await readRows(ctx, { kind, communityId: community._id, file: input.file });
  const job = await ctx.store.insert('imports', {
    _id: ctx.rt.newId('imp'),
    communityId: community._id,
    kind,
    file: input.file,
    fileHash: hash,
    total: rows.length,
    staged: 0,
    applied: 0,
    status: 'staging',
    counts: kind === 'payments' ? { created: 0, updated: 0, unchanged: 0, unmatched: 0 } : { created: 0, updated: 0, unchanged: 0 },
    missing: [],
    createdBy: caller.personId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await ctx.audit({
    type: 'import.started',
    communityId: community._id,
    subject: { kind: 'import', id: job._id },
    data: { kind, file: input.file.name, rows: rows.length },
  });
  return importView(job);
};

async function moveCursor(ctx: StepContext, job: ImportJob, patch: Partial<ImportJob>): Promise<ImportJob> {
  // The cursor moves first and by compare-and-set: a concurrent call that did the same chunk loses here and re-plans.
  const full = { ...patch, updatedAt: ctx.now };
  if (!(await ctx.store.update('imports', job._id, job.version, full))) throw new AppError('CONFLICT');
  return { ...job, ...full, version: job.version + 1 };
}

async function stageChunk(ctx: StepContext, job: ImportJob): Promise<ImportJob> {
  const { rows, hash } = await readRows(ctx, job);
  if (hash !== job.fileHash || rows.length !== job.total) throw new AppError('IMPORT_FILE_CHANGED');
  const to = Math.min(job.total, job.staged + IMPORT_CHUNK);
  const next = await moveCursor(ctx, job, { staged: to, status: to === job.total ? 'applying' : 'staging' });
  for (let n = job.staged; n < to; n++) {
    await ctx.store.insertIfAbsent('importRows', { _id: rowId(job._id, n), importId: job._id, communityId: job.communityId, n, row: rows[n] });
  }
  return next;
}

const valuesOf = (r: Room): RoomImportValues => ({
  label: r.label,
  buildingId: r.buildingId,
  unit: r.unit,
  areaM2: r.areaM2,
  ownerName: r.ownerName,
  ownerPhone: r.ownerPhone,
  importId: r.importId,
});

/**
 * Phase 2: writes each row's values BESIDE the room's current ones (`staged`) — a new room is
 * inserted carrying its staged mark, so no reader sees it — and the previous values onto the row.
 */
async function applyChunk(ctx: StepContext, job: ImportJob): Promise<ImportJob> {
  const to = Math.min(job.total, job.applied + IMPORT_CHUNK);
  const staged = await ctx.store.find('importRows', { importId: job._id, n: { $gte: job.applied, $lt: to } }, { sort: [['n', 1]] });
  if (staged.length !== to - job.applied) throw new AppError('CONFLICT', '导入暂存数据不完整，请稍后重试');
  const [buildings, stored] = await Promise.all([
    ctx.store.find('buildings', { communityId: job.communityId }),
    ctx.store.find('rooms', { communityId: job.communityId, label: { $in: staged.map((s) => s.row.label) } }),
  ]);
  // Compared with what readers see now (an earlier import's values not yet folded count as current).
  const byLabel = new Map((await visible(ctx.store, stored)).map((r) => [r.label, r]));
  const counts: Record<RowOutcome, number> = { ...job.counts };
  const plan = staged.map((s) => {
    const room = byLabel.get(s.row.label);
    const outcome = rowOutcome(s.row as NumberedRow, room);
    counts[outcome]++;
    return { s, room, outcome };
  });
  const next = await moveCursor(ctx, job, { applied: to, counts });

  const buildingIds = new Map(buildings.map((b) => [b.name, b._id]));
  for (const { s, room, outcome } of plan) {
    const row = s.row as NumberedRow;
    let buildingId = buildingIds.get(row.building);
    if (!buildingId) {
      buildingId = buildingIdFor(job.communityId, row.building);
      const values = { name: row.building, importId: job._id };
      await ctx.store.insertIfAbsent('buildings', {
        _id: buildingId,
        communityId: job.communityId,
        ...values,
        staged: { importId: job._id, created: true, values },
      });
      buildingIds.set(row.building, buildingId);
    }
    const values: RoomImportValues = {
      buildingId,
      label: row.label,
      unit: row.unit,
      areaM2: row.areaM2,
      ownerName: row.ownerName,
      ownerPhone: row.ownerPhone,
      importId: job._id,
    };
    const roomId = room?._id ?? roomIdFor(job.communityId, row.label);
    if (!room) {
      await ctx.store.insert('rooms', { _id: roomId, communityId: job.communityId, ...values, staged: { importId: job._id, created: true, values } });
    } else if (outcome === 'updated') {
      // The current values are written as readers see them (folding a committed earlier import's), the new ones beside.
      const patch = { ...valuesOf(room), staged: { importId: job._id, created: false, values } };
      if (!(await ctx.store.update('rooms', room._id, room.version, patch))) throw new AppError('CONFLICT');
    }
    // The row keeps what the room was before: the previous version of every record an import changes.
    if (!(await ctx.store.update('importRows', s._id, s.version, { outcome, roomId, before: room ? valuesOf(room) : null }))) throw new AppError('CONFLICT');
  }
  return next;
}

/**
 * The commit point: ONE write of the import record (`committedAt`), after every row is written
 * beside its room, makes the whole file visible at once. Its own step, so no other write of the
 * import shares its operation; it also lists the rooms the file left out. A bill or payment file
 * has written nothing yet: from this write on its rows are applied (`settleFeeChunk`) while fee
 * readers of the community wait (`requireFeesSettled`), and all of it shows at the last chunk.
 */
async function commitImport(ctx: StepContext, job: ImportJob): Promise<ImportJob> {
  const rows = await ctx.store.find('importRows', { importId: job._id });
  if (rows.length !== job.total) throw new AppError('CONFLICT', '导入暂存数据不完整，请稍后重试');
  if (job.kind !== 'rooms') return moveCursor(ctx, job, { status: 'settling', committedAt: ctx.now, settled: 0 });
  const all = await ctx.store.find('rooms', { communityId: job.communityId });
  const missing = missingRooms(
    all.filter((r) => !(r.staged?.created && r.staged.importId === job._id)),
    rows.map((r) => r.row.label),
  ).map((r) => ({ roomId: r._id, label: r.label }));
  const next = await moveCursor(ctx, job, { status: 'settling', committedAt: ctx.now, settled: 0, missing });
  await ctx.audit({
    type: 'import.committed',
    communityId: job.communityId,
    subject: { kind: 'import', id: job._id },
    data: { ...job.counts, missing: missing.length },
  });
  return next;
}

/** After the commit: folds a chunk of staged values into their records (readers see no change). */
async function settleChunk(ctx: StepContext, job: ImportJob): Promise<ImportJob> {
  const from = job.settled ?? 0;
  const to = Math.min(job.total, from + IMPORT_CHUNK);
  const rows = await ctx.store.find('importRows', { importId: job._id, n: { $gte: from, $lt: to } }, { sort: [['n', 1]] });
  if (job.kind !== 'rooms') return settleFeeChunk(ctx, job, rows, to);
  const ids = rows.flatMap((r) => (r.roomId && r.outcome !== 'unchanged' ? [r.roomId] : []));
  const rooms = ids.length ? await ctx.store.find('rooms', { _id: { $in: ids } }) : [];
  const last = to === job.total;
  const buildings = last ? (await ctx.store.find('buildings', { communityId: job.communityId })).filter((b) => b.staged?.importId === job._id) : [];
  const next = await moveCursor(ctx, job, { settled: to, status: last ? 'committed' : 'settling' });
  for (const r of rooms) {
    if (r.staged?.importId !== job._id) continue;
    if (!(await ctx.store.update('rooms', r._id, r.version, { ...r.staged.values, staged: null }))) throw new AppError('CONFLICT');
  }
  for (const b of buildings) {
    if (!(await ctx.store.update('buildings', b._id, b.version, { staged: null }))) throw new AppError('CONFLICT');
  }
  return next;
}

/**
 * A chunk of bills or payments, after the commit. The cursor still moves first (the job's update is
 * the first step of the operation); the counts, known only once each row is applied, join a second
 * update of the job in the same operation. Rows are matched against the bills as they are now, so a
 * bill paid at the counter while the file was checked is not paid twice (the row is held instead).
 */
async function settleFeeChunk(ctx: StepContext, job: ImportJob, staged: ImportRowRecord[], to: number): Promise<ImportJob> {
  if (staged.length !== to - (job.settled ?? 0)) throw new AppError('CONFLICT', '导入暂存数据不完整，请稍后重试');
  const last = to === job.total;
  const moved = await moveCursor(ctx, job, { settled: to, applied: to, status: last ? 'committed' : 'settling' });
  const counts = { ...job.counts };
  await applyFeeRows(ctx, job, staged, counts);
  const next = await moveCursor(ctx, moved, { counts });
  if (last) {
    await ctx.audit({
      type: 'import.committed',
      communityId: job.communityId,
      subject: { kind: 'import', id: job._id },
      data: { created: counts.created, updated: counts.updated, unchanged: counts.unchanged, missing: 0, unmatched: counts.unmatched ?? 0 },
    });
  }
  return next;
}

/** One bounded step of an open import, whatever its phase; a committed import is left as it is. */
export async function stepImport(ctx: StepContext, job: ImportJob): Promise<ImportJob> {
  if (job.status === 'staging') return stageChunk(ctx, job);
  // A fee file has no apply phase before its commit: nothing of it is written until readers wait for it.
  if (job.status === 'applying') return job.kind === 'rooms' && job.applied < job.total ? applyChunk(ctx, job) : commitImport(ctx, job);
  if (job.status === 'settling') return settleChunk(ctx, job);
  return job;
}

export const importStep: Handler<'admin', 'importStep'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const job = await ctx.store.get('imports', input.importId);
  if (!job) throw new AppError('NOT_FOUND');
  requireManager(caller, job.communityId);
  return importView(await stepImport(ctx, job));
};

export const imports: Handler<'admin', 'imports'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  const list = await ctx.store.find('imports', { communityId: input.communityId }, { sort: [['createdAt', -1]], limit: 20 });
  return list.map(importView);
};

export const retireRooms: Handler<'admin', 'retireRooms'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  await liveCommunity(ctx.store, input.communityId);
  let retired = 0;
  for (const id of new Set(input.roomIds)) {
    const room = await ctx.store.get('rooms', id);
    if (!room || room.communityId !== input.communityId) throw new AppError('NOT_FOUND', '房屋不存在');
    if (room.retiredAt !== undefined) continue;
    if (!(await ctx.store.update('rooms', id, room.version, { retiredAt: ctx.now }))) throw new AppError('CONFLICT');
    await ctx.audit({ type: 'room.retired', communityId: input.communityId, subject: { kind: 'room', id }, data: { label: room.label } });
    retired++;
  }
  return { retired };
};

export const buildings: Handler<'admin', 'buildings'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  const list = await visible(ctx.store, await ctx.store.find('buildings', { communityId: input.communityId }, { sort: [['name', 1]] }));
  return list.map((b) => ({ buildingId: b._id, name: b.name }));
};
