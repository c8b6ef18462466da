import type { CommunityAdminView, SettingsView } from '@domain/api/admin';
import { compareCommunities, latestCollection, type CommunityFigures } from '@domain/dashboard';
import { addMonths, localDateOf, monthOf } from '@domain/time';
import { AppError } from '@domain/errors';
import { OPEN_STATUSES } from '@domain/inquiry';
import { checkSealKeeperChoice } from '@domain/meeting-rules';
import { POSITION_LABELS, type Community } from '@domain/model';
import { checkSettings, requireManager, settingsOf } from '@domain/onboarding';
import { BOOTSTRAP_ID, hashCode } from '../_shared/bootstrap';
import { requireCaller, type ActionContext, type Handler } from '../_shared/function';
import { updateWithRetry } from '../_shared/guards';
import { ensurePerson, namesOf } from '../_shared/people';
import { feeImportSettling, visibleRoomCount } from '../_shared/staged';
import type { Storage } from '../_shared/storage/port';
import { rosterOn } from '../filings/community';

export async function liveCommunity(store: Storage, communityId: string): Promise<Community> {
  const c = await store.get('communities', communityId);
  if (!c) throw new AppError('NOT_FOUND', '未找到该小区');
  if (c.retiredAt !== undefined) throw new AppError('COMMUNITY_RETIRED');
  return c;
}

async function communityView(store: Storage, c: Community): Promise<CommunityAdminView> {
  const [rooms, staff, committee] = await Promise.all([
    visibleRoomCount(store, c._id),
    store.count('staffMembers', { communityId: c._id, active: true }),
    store.count('committeeSeats', { communityId: c._id }),
  ]);
  return { communityId: c._id, name: c.name, city: c.city, retired: c.retiredAt !== undefined, rooms, staff, committee };
}

export const bootstrap: Handler<'admin', 'bootstrap'> = async (ctx, input) => {
  const record = await ctx.store.get('bootstrap', BOOTSTRAP_ID);
  if (!record || record.redeemedBy || ctx.now > record.expiresAt || record.codeHash !== hashCode(input.code)) throw new AppError('BOOTSTRAP_INVALID');
  if ((await ctx.store.count('people', { admin: true })) > 0) throw new AppError('BOOTSTRAP_INVALID');
  const person = await ensurePerson(ctx.store, ctx.openid!, ctx.now);
  // The record's version guards the race: of two redeemers at once, one update lands, the other re-plans and is refused.
  await ctx.store.update('bootstrap', BOOTSTRAP_ID, record.version, { redeemedBy: person._id, redeemedAt: ctx.now }).then((ok) => {
    if (!ok) throw new AppError('BOOTSTRAP_INVALID');
  });
  await updateWithRetry(ctx.store, 'people', person._id, () => ({ admin: true, name: input.name }));
  await ctx.audit({ type: 'admin.bootstrapped', communityId: null, subject: { kind: 'person', id: person._id }, data: { name: input.name } });
  return { personId: person._id };
};

export const communities: Handler<'admin', 'communities'> = async (ctx) => {
  const all = await ctx.store.find('communities', {}, { sort: [['name', 1]] });
  return Promise.all(all.map((c) => communityView(ctx.store, c)));
};

export const createCommunity: Handler<'admin', 'createCommunity'> = async (ctx, input) => {
  const _id = ctx.rt.newId('c');
  const community = await ctx.store.insert('communities', {
    _id,
    name: input.name,
    city: input.city,
    companyAccount: input.companyAccount,
    settingsVersion: 1,
    createdAt: ctx.now,
  });
  await ctx.audit({ type: 'community.created', communityId: _id, subject: { kind: 'community', id: _id }, data: { name: input.name, city: input.city } });
  return communityView(ctx.store, community);
};

export const retireCommunity: Handler<'admin', 'retireCommunity'> = async (ctx, input) => {
  const c = await liveCommunity(ctx.store, input.communityId);
  const retired = await updateWithRetry(ctx.store, 'communities', c._id, () => ({ retiredAt: ctx.now }));
  await ctx.audit({ type: 'community.retired', communityId: c._id, subject: { kind: 'community', id: c._id }, data: { name: c.name } });
  return communityView(ctx.store, retired);
};

async function settingsView(ctx: ActionContext, c: Community): Promise<SettingsView> {
  const [history, roster] = await Promise.all([
    ctx.store.find('revisions', { recordId: c._id }, { sort: [['versionNo', -1]], limit: 50 }),
    rosterOn(ctx.store, c._id, localDateOf(ctx.now)),
  ]);
  const names = await namesOf(
    ctx.store,
    history.map((h) => h.replacedBy),
  );
  return {
    communityId: c._id,
    settings: settingsOf(c),
    settingsVersion: c.settingsVersion ?? 1,
    history: history.map((h) => ({ versionNo: h.versionNo, values: h.values, replacedAt: h.replacedAt, replacedBy: names.get(h.replacedBy ?? '') ?? '' })),
    committee: roster.map((m) => ({ personId: m.personId, name: m.name, position: m.position, positionLabel: POSITION_LABELS[m.position] })),
  };
}

export const settings: Handler<'admin', 'settings'> = async (ctx, input) => {
  requireManager(requireCaller(ctx), input.communityId);
  return settingsView(ctx, await liveCommunity(ctx.store, input.communityId));
};

export const updateSettings: Handler<'admin', 'updateSettings'> = async (ctx, input) => {
  const caller = requireCaller(ctx);
  requireManager(caller, input.communityId);
  checkSettings(input.settings);
  const c = await liveCommunity(ctx.store, input.communityId);
  checkSealKeeperChoice(input.settings.sealKeeperId || undefined, await rosterOn(ctx.store, c._id, localDateOf(ctx.now)));
  const versionNo = c.settingsVersion ?? 1;
  // Two editors at once: the second was looking at an older version and must reload, not overwrite.
  if (input.expectedVersion !== versionNo) throw new AppError('CONFLICT');
  const before = settingsOf(c);
  await ctx.store.insert('revisions', {
    _id: `rev_${c._id}_settings_${versionNo}`,
    collection: 'communities',
    recordId: c._id,
    communityId: c._id,
    versionNo,
    values: before,
    replacedAt: ctx.now,
    replacedBy: caller.personId,
  });
  const updated = await updateWithRetry(ctx.store, 'communities', c._id, () => ({ ...input.settings, settingsVersion: versionNo + 1 }));
  await ctx.audit({
    type: 'community.settings_changed',
    communityId: c._id,
    subject: { kind: 'community', id: c._id },
    data: { before, after: input.settings, settingsVersion: versionNo + 1 },
  });
  return settingsView(ctx, updated);
};

/**
 * Counted per community straight from the records, the same way each feature's own list counts them:
 * open inquiries past due, deliveries still waiting for a signature, duties past due and not done,
 * 需通报事项 past their notification deadline and not yet notified; and the collection rate from
 * the fee totals. Each is one count on an index led by the community.
 */
export const dashboard: Handler<'admin', 'dashboard'> = async (ctx) => {
  const all = (await ctx.store.find('communities', {}, { sort: [['name', 1]] })).filter((c) => c.retiredAt === undefined);
  const rows: CommunityFigures[] = [];
  const month = monthOf(localDateOf(ctx.now));
  for (const c of all) {
    const [overdueInquiries, unsignedDeliveries, overdueObligations, overdueEvents] = await Promise.all([
      ctx.store.count('inquiries', { communityId: c._id, status: { $in: [...OPEN_STATUSES] }, due: { $lt: ctx.now } }),
      ctx.store.count('deliveries', { communityId: c._id, signStatus: { $in: ['PENDING', 'OBJECTED'] } }),
      ctx.store.count('obligations', { communityId: c._id, doneAt: { $exists: false }, due: { $lt: ctx.now } }),
      ctx.store.count('notificationEvents', { communityId: c._id, status: 'open', due: { $lt: ctx.now } }),
    ]);
    // The fee writes keep these totals per building and month: read, not recounted from bills; none
    // (shown '—') while a fee import writes its rows, which would count part of the file.
    const totals = (await feeImportSettling(ctx.store, c._id))
      ? []
      : await ctx.store.find('feeTotals', { communityId: c._id, month: { $gte: addMonths(month, -11), $lte: month } });
    rows.push({
      communityId: c._id,
      name: c.name,
      figures: { overdueInquiries, unsignedDeliveries, overdueObligations, overdueEvents },
      collection: latestCollection(totals, month),
    });
  }
  return compareCommunities(rows);
};
