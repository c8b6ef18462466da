import { ROUTES, routeUrl } from '@domain/routes';
import { anchorFor, anchorId, type ArchiveAnchor } from '@domain/anchor';
import type { EpochMs } from '@domain/model';
import { formatLocal, localDateOf, monthOf } from '@domain/time';
import type { SweepResult } from '../_shared/sweep';
import { raiseAlert } from '../_shared/alerts';
import type { Runtime } from '../_shared/runtime';
import { readTail } from './archive';
import { rosterOn } from './community';

export const anchorLink = (a: Pick<ArchiveAnchor, 'seq' | 'code'>): string => routeUrl(ROUTES.staff.archive, { seq: a.seq, digest: a.code });

/**
 * Once a month, per community: store the head of its archive chain and send it to every member of
 * the committee (inbox + subscribe message, which stays in their WeChat). The first hourly run of a
 * month takes it; later runs find the anchor and, once everyone was sent it, do nothing. Keys name
 * the community, month and member, so a run interrupted half-way resends to no one twice.
 */
export async function anchorSweep(rt: Runtime, now: EpochMs): Promise<SweepResult> {
  const { store } = rt;
  const today = localDateOf(now);
  const month = monthOf(today);
  const communities = await store.find('communities', {});
  let alertsCreated = 0;
  for (const community of communities) {
    const id = anchorId(community._id, month);
    let anchor = await store.get('archiveAnchors', id);
    if (anchor?.notifiedAt) continue;
    if (!anchor) {
      const head = await readTail(store, community._id);
      if (!head) continue; // nothing archived yet: nothing to anchor
      await store.insertIfAbsent('archiveAnchors', anchorFor(community._id, month, head, now));
      anchor = await store.get('archiveAnchors', id);
      if (!anchor) continue;
    }
    const taken = formatLocal(anchor.at, 'YYYY-MM-DD HH:mm');
    for (const member of await rosterOn(store, community._id, today)) {
      const sent = await raiseAlert(rt, now, {
        key: `archive-anchor:${community._id}:${month}:${member.personId}`,
        personId: member.personId,
        communityId: community._id,
        title: `${month} 档案存证摘要：共 ${anchor.seq} 条，简码 ${anchor.code}`,
        body:
          `${community.name}书面往来档案截至 ${taken} 共 ${anchor.seq} 条，第 ${anchor.seq} 条的摘要为 ${anchor.hash}（简码 ${anchor.code}）。` +
          '请保留本消息（或截图、转发到自己的聊天里）：日后在“档案检索”页输入条数和简码，即可核对这些记录没有被改动或删除。',
        link: anchorLink(anchor),
        templateKey: 'deadline',
        templateValues: { thing1: `档案存证·共${anchor.seq}条`, time2: anchor.at, phrase3: '请留存', thing4: anchor.code },
      });
      if (sent) alertsCreated++;
    }
    await store.update('archiveAnchors', anchor._id, anchor.version, { notifiedAt: now });
  }
  return { alertsCreated, escalated: 0 };
}
