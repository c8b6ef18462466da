import type { TodoItem } from '@domain/api/session';
import { periodOfDay, quarterStatus } from '@domain/meeting-rules';
import { hasRole, type Caller, COMMUNITY_STAFF_ROLES, LEAD_ROLES } from '@domain/roles';
import { ROUTES, routeUrl } from '@domain/routes';
import { localDateOf, type Quarter } from '@domain/time';
import type { ActionContext } from '../_shared/function';
import { keeperOf } from './common';

/**
 * Committee: a proposal waiting for my answer, resolutions waiting for the chair's signature or the
 * keeper's seal (notices and minutes to sign are the filings' "文件待签收"). Head: the quarter at
 * risk, notices to review, sealed resolutions to publish. Minute-keepers: meetings to record.
 */
export async function meetingTodos(ctx: ActionContext, caller: Caller): Promise<TodoItem[]> {
  const communityId = caller.communityId;
  if (!communityId) return [];
  const out: TodoItem[] = [];
  const member = hasRole(caller, 'committee');
  if (member) {
    const open = await ctx.store.find('meetingProposals', { addresseeId: caller.personId, status: { $in: ['proposed', 'delegated'] } });
    for (const p of open) {
      out.push({
        key: `meeting-proposal-${p._id}`,
        kind: 'meeting',
        title: '会议提议待答复',
        detail: `${p.period}例行工作沟通会议`,
        link: routeUrl(ROUTES.meetings.proposal, { id: p._id }),
      });
    }
  }
  const needsResolutions = member || hasRole(caller, ...COMMUNITY_STAFF_ROLES);
  const resolutions = needsResolutions ? await ctx.store.find('resolutions', { communityId, status: { $in: ['passed', 'chair_signed', 'sealed'] } }) : [];
  const count = (title: string, key: string, n: number): void => {
    if (n > 0) out.push({ key, kind: 'meeting', title, detail: `${n} 项`, count: n, link: ROUTES.meetings.resolutions });
  };
  if (caller.committeePosition === 'chair') count('决议待主任签字', 'resolution-sign', resolutions.filter((r) => r.status === 'passed').length);
  if (resolutions.some((r) => r.status === 'chair_signed')) {
    const keeper = await keeperOf(ctx, communityId);
    if (keeper === caller.personId) count('决议待加盖公章', 'resolution-seal', resolutions.filter((r) => r.status === 'chair_signed').length);
  }
  if (hasRole(caller, 'head')) {
    count('决议待向业主公告', 'resolution-publish', resolutions.filter((r) => r.status === 'sealed' && r.requiresPosting).length);
    const pending = await ctx.store.count('postings', { communityId, status: 'submitted' });
    if (pending > 0)
      out.push({ key: 'posting-review', kind: 'meeting', title: '业委会公告待审核', detail: `${pending} 份`, count: pending, link: ROUTES.meetings.postings });
    const today = localDateOf(ctx.now);
    const period = periodOfDay(today);
    const [proposal, meetings, communications] = await Promise.all([
      ctx.store.get('meetingProposals', `mp_${communityId}_${period}`),
      ctx.store.find('meetings', { communityId, period, kind: 'routine' }),
      ctx.store.find('communications', { communityId, period }),
    ]);
    const q = quarterStatus({
      year: Number(period.slice(0, 4)),
      quarter: Number(period.slice(6)) as Quarter,
      today,
      proposal: proposal ? { proposedOn: localDateOf(proposal.proposedAt), status: proposal.status } : undefined,
      meetingsHeld: meetings.filter((m) => m.status !== 'scheduled').map((m) => m.day),
      communications: communications.map((c) => c.on),
    });
    if (q.status === 'at_risk') {
      out.push({
        key: `quarter-risk-${period}`,
        kind: 'meeting',
        title: `${period}例行会议有风险`,
        detail: q.reasons.join('；'),
        link: ROUTES.meetings.quarters,
      });
    }
  }
  if (hasRole(caller, ...LEAD_ROLES)) {
    const due = await ctx.store.find('meetings', { communityId, status: 'scheduled', day: { $lte: localDateOf(ctx.now) } });
    for (const m of due) {
      out.push({
        key: `meeting-record-${m._id}`,
        kind: 'meeting',
        title: '记录会议出席与表决',
        detail: `${m.title}（${m.day}）`,
        link: routeUrl(ROUTES.meetings.meeting, { id: m._id }),
      });
    }
  }
  return out;
}
