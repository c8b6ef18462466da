import { createHash } from 'crypto';
import type { ImportView } from '@domain/api/admin';
import { AppError } from '@domain/errors';
import type { Room } from '@domain/model';
import { requireManager } from '@domain/onboarding';
import { importProgress, missingRooms, readRoomTable, rowOutcome, type NumberedRow, type RowOutcome } from '@domain/room-import';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { readTable } from '../_shared/sheet';
import type { ImportJob, ImportRowRecord } from '../_shared/storage/onboarding-records';
import { liveCommunity } from './communities';
import { applyFeeRows, readFeeTable } from './fee-imports';

/**
 * The one import mechanism: rooms and owners here, bills and payments through `fee-imports.ts`. A file is checked whole first:
 * one bad row and nothing is stored. Then each call does one bounded chunk — stage CHUNK rows into
 * `importRows`, later apply CHUNK staged rows to the community's records — as one operation whose
 * first write moves the cursor on the import (compare-and-set), so a call that dies is completed by
 * its retry or the repair sweep, two calls at once never do a chunk twice, and the next call resumes
 * at the stored cursor. Each call stays far inside the function timeout whatever the file's size.
 */
export const IMPORT_CHUNK = 250;

const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
// Short ids: a room's id goes into binding ids (person + room + n), which must stay within 64 characters.
const roomIdFor = (communityId: string, label: string) => `r_${sha(`${communityId}\u0000${label}`).slice(0, 16)}`;
const buildingIdFor = (communityId: string, name: string) => `b_${sha(`${communityId}\u0000${name}`).slice(0, 16)}`;
const rowId = (importId: string, n: number) => `${importId}_${String(n).padStart(6, '0')}`;

export function importView(job: ImportJob): ImportView {
  return {
    importId: job._id,
    kind: job.kind,
    status: job.status,
    fileName: job.file.name,
    total: job.total,
    staged: job.staged,
    applied: job.applied,
    percent: importProgress(job),
    counts: job.counts,
    missing: job.missing,
    createdAt: job.createdAt,
  };
}

async function readRows(ctx: ActionContext, job: Pick<ImportJob, 'kind' | 'communityId' | 'file'>): Promise<{ rows: ImportRowRecord['row'][]; hash: string }> {
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
  const open = await ctx.store.find('imports', { communityId: community._id, status: { $in: ['staging', 'applying'] } }, { limit: 1 });
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
  });
  await ctx.audit({
    type: 'import.started',
    communityId: community._id,
    subject: { kind: 'import', id: job._id },
    data: { kind, file: input.file.name, rows: rows.length },
  });
  return importView(job);
};

async function moveCursor(ctx: ActionContext, job: ImportJob, patch: Partial<ImportJob>): Promise<ImportJob> {
  // The cursor moves first and by compare-and-set: a concurrent call that did the same chunk loses here and re-plans.
  if (!(await ctx.store.update('imports', job._id, job.version, patch))) throw new AppError('CONFLICT');
  return { ...job, ...patch, version: job.version + 1 };
}

async function stageChunk(ctx: ActionContext, job: ImportJob): Promise<ImportJob> {
  const { rows, hash } = await readRows(ctx, job);
  if (hash !== job.fileHash || rows.length !== job.total) throw new AppError('IMPORT_FILE_CHANGED');
  const to = Math.min(job.total, job.staged + IMPORT_CHUNK);
  const next = await moveCursor(ctx, job, { staged: to, status: to === job.total ? 'applying' : 'staging' });
  for (let n = job.staged; n < to; n++) {
    await ctx.store.insertIfAbsent('importRows', { _id: rowId(job._id, n), importId: job._id, communityId: job.communityId, n, row: rows[n] });
  }
  return next;
}

const snapshot = (r: Room) => ({
  label: r.label,
  buildingId: r.buildingId,
  unit: r.unit,
  areaM2: r.areaM2,
  ownerName: r.ownerName,
  ownerPhone: r.ownerPhone,
  importId: r.importId,
});

async function applyChunk(ctx: ActionContext, job: ImportJob): Promise<ImportJob> {
  const to = Math.min(job.total, job.applied + IMPORT_CHUNK);
  const staged = await ctx.store.find('importRows', { importId: job._id, n: { $gte: job.applied, $lt: to } }, { sort: [['n', 1]] });
  if (staged.length !== to - job.applied) throw new AppError('CONFLICT', '导入暂存数据不完整，请稍后重试');
  if (job.kind !== 'rooms') return applyFeeChunk(ctx, job, staged, to);
  const [buildings, existing] = await Promise.all([
    ctx.store.find('buildings', { communityId: job.communityId }),
    ctx.store.find('rooms', { communityId: job.communityId, label: { $in: staged.map((s) => s.row.label) } }),
  ]);
  const byLabel = new Map(existing.map((r) => [r.label, r]));
  const counts: Record<RowOutcome, number> = { ...job.counts };
  const plan = staged.map((s) => {
    const room = byLabel.get(s.row.label);
    const outcome = rowOutcome(s.row as NumberedRow, room);
    counts[outcome]++;
    return { s, room, outcome };
  });
  const last = to === job.total;
  let missing: ImportJob['missing'] = [];
  if (last) {
    // Every room this import wrote now carries its id, except this chunk's, which are about to.
    const inChunk = new Set(staged.map((s) => s.row.label));
    const all = await ctx.store.find('rooms', { communityId: job.communityId });
    missing = missingRooms(
      all.filter((r) => r.importId !== job._id),
      inChunk,
    ).map((r) => ({ roomId: r._id, label: r.label }));
  }
  const next = await moveCursor(ctx, job, last ? { applied: to, counts, status: 'committed', committedAt: ctx.now, missing } : { applied: to, counts });

  const buildingIds = new Map(buildings.map((b) => [b.name, b._id]));
  for (const { s, room, outcome } of plan) {
    const row = s.row as NumberedRow;
    let buildingId = buildingIds.get(row.building);
    if (!buildingId) {
      buildingId = buildingIdFor(job.communityId, row.building);
      await ctx.store.insertIfAbsent('buildings', { _id: buildingId, communityId: job.communityId, name: row.building, importId: job._id });
      buildingIds.set(row.building, buildingId);
    }
    const fields = {
      buildingId,
      label: row.label,
      unit: row.unit,
      areaM2: row.areaM2,
      ownerName: row.ownerName,
      ownerPhone: row.ownerPhone,
      importId: job._id,
    };
    const roomId = room?._id ?? roomIdFor(job.communityId, row.label);
    if (room) {
      if (!(await ctx.store.update('rooms', room._id, room.version, fields))) throw new AppError('CONFLICT');
    } else {
      await ctx.store.insert('rooms', { _id: roomId, communityId: job.communityId, ...fields });
    }
    // The row keeps what the room was before: the previous version of every record an import changes.
    if (!(await ctx.store.update('importRows', s._id, s.version, { outcome, roomId, before: room ? snapshot(room) : null }))) throw new AppError('CONFLICT');
  }
  if (last) {
    await ctx.audit({
      type: 'import.committed',
      communityId: job.communityId,
      subject: { kind: 'import', id: job._id },
      data: { ...counts, missing: missing.length },
    });
  }
  return next;
}

/**
 * A chunk of bills or payments. The cursor still moves first (the job's update is the first step of
 * the operation); the counts, known only once each row is applied, join that same update.
 */
async function applyFeeChunk(ctx: ActionContext, job: ImportJob, staged: ImportRowRecord[], to: number): Promise<ImportJob> {
  const last = to === job.total;
  const moved = await moveCursor(ctx, job, last ? { applied: to, status: 'committed', committedAt: ctx.now } : { applied: to });
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

export const importStep: Handler<'admin', 'importStep'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  const job = await ctx.store.get('imports', input.importId);
  if (!job) throw new AppError('NOT_FOUND');
  requireManager(caller, job.communityId);
  if (job.status === 'staging') return importView(await stageChunk(ctx, job));
  if (job.status === 'applying') return importView(await applyChunk(ctx, job));
  return importView(job);
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
  const list = await ctx.store.find('buildings', { communityId: input.communityId }, { sort: [['name', 1]] });
  return list.map((b) => ({ buildingId: b._id, name: b.name }));
};
