import fc from 'fast-check';
import { archiveDifferences, type ArchivedDeliveryEvent } from '@domain/archived-delivery';
import { buildRecord, recordCsv } from '@domain/record';
import { applySignoff, newDelivery, type Delivery, type SignoffCommand } from '@domain/signoff';

const T0 = Date.parse('2026-11-20T10:00:00+08:00');
const MEMBER = { personId: 'p1', name: '王伟', isStaff: false };
const STAFF = { personId: 'h', name: '周志强', isStaff: true };

function fresh(kind: 'notification' | 'opinion_request' = 'notification'): { live: Delivery; archived: ArchivedDeliveryEvent[] } {
  const live: Delivery = {
    ...newDelivery({ documentId: 'doc_1', communityId: 'c', documentKind: kind, member: { personId: 'p1', name: '王伟', position: 'chair' }, now: T0 }),
    version: 1,
  };
  return { live, archived: [{ n: 1, type: 'delivered', at: T0, actorId: 'h' }] };
}

/** Runs commands the way the handler does: apply, write the patch, archive the event. Refused ones are skipped. */
function run(kind: 'notification' | 'opinion_request', commands: Array<SignoffCommand & { staff?: boolean }>) {
  let { live, archived } = fresh(kind);
  commands.forEach((c, i) => {
    try {
      const r = applySignoff(live, {}, c, { now: T0 + (i + 1) * 1000, actor: c.staff ? STAFF : MEMBER });
      if (!r) return;
      live = { ...live, ...r.patch, version: live.version + 1 };
      archived = [...archived, { n: r.event.n, type: r.event.type, at: r.event.at, actorId: r.event.actorId, text: r.event.text, data: r.event.data }];
    } catch {
      // a refused command changes nothing and archives nothing
    }
  });
  return { live, archived };
}

const COMMANDS: Array<SignoffCommand & { staff?: boolean }> = [
  { event: 'open' },
  { event: 'sign' },
  { event: 'object', text: '费用过高' },
  { event: 'reply', text: '已比价三家', staff: true },
  { event: 'recordRefusal', reason: '不在家', staff: true },
  { event: 'answer', choice: 'agree' },
  { event: 'answer', choice: 'comment', text: '建议分期' },
];

describe('a delivery replayed from its archived events', () => {
  it('agrees with the live record for any sequence of commands the table allows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('notification' as const, 'opinion_request' as const),
        fc.array(fc.constantFrom(...COMMANDS), { maxLength: 8 }),
        (kind, commands) => {
          const { live, archived } = run(kind, commands);
          expect(archiveDifferences(live, archived)).toEqual([]);
        },
      ),
    );
  });

  it('a refusal forged into the live record is named, and so is a signature removed', () => {
    const { live, archived } = run('notification', [{ event: 'open' }]);
    const forged: Delivery = { ...live, signStatus: 'REFUSED', refusal: { reason: '拒绝签收', at: T0 + 5000, recordedById: 'b', recordedByName: '陈晓东' } };
    expect(archiveDifferences(forged, archived)).toEqual(['状态：现为「拒签」，存档为「待签收」', '拒签记录与存档不符']);

    const signed = run('notification', [{ event: 'sign' }]);
    const unsigned: Delivery = { ...signed.live, signStatus: 'PENDING', signedAt: undefined };
    expect(archiveDifferences(unsigned, signed.archived)).toEqual(expect.arrayContaining(['状态：现为「待签收」，存档为「已签收」', '签收时间与存档不符']));
  });

  it('an edited objection text or reply, or missing archive, is named', () => {
    const { live, archived } = run('notification', [
      { event: 'object', text: '费用过高' },
      { event: 'reply', text: '已比价', staff: true },
    ]);
    const edited: Delivery = { ...live, objections: [{ ...live.objections[0]!, text: '同意' }] };
    expect(archiveDifferences(edited, archived)).toEqual(['异议或答复与存档不符']);
    expect(archiveDifferences(live, archived.slice(0, 2))).toEqual(
      expect.arrayContaining(['状态：现为「异议已答复」，存档为「异议待答复」', '事件数：现为 3 个，存档为 2 个']),
    );
    expect(archiveDifferences(live, [])).toEqual(['存档中没有这份送达的任何记录']);
  });

  it('the approval record flags the row and counts it, and the CSV says so', () => {
    const a = run('notification', [{ event: 'sign' }]);
    const b = fresh();
    const forged: Delivery = {
      ...b.live,
      _id: 'dlv_b',
      memberId: 'p2',
      memberName: '李娜',
      position: 'member',
      signStatus: 'REFUSED',
      refusal: { reason: '拒签', at: T0, recordedById: 'b', recordedByName: '陈晓东' },
    };
    const archived = new Map([
      [a.live._id, a.archived],
      ['dlv_b', b.archived],
    ]);
    const { rows, summary } = buildRecord({ kind: 'notification' }, [a.live, forged], T0 + 10_000, archived);
    expect(rows.map((r) => [r.memberName, r.archiveDiffs?.length])).toEqual([
      ['王伟', 0],
      ['李娜', 2],
    ]);
    expect(summary.archiveMismatches).toBe(1);
    const csv = recordCsv(
      { kind: 'notification', content: { kind: 'notification', title: 't', body: '', attachments: [] }, sentAt: T0, sentByName: 'x', versionNo: 1 },
      rows,
    );
    expect(csv).toContain('与存档核对');
    expect(csv).toContain('与存档不一致：状态：现为「拒签」，存档为「待签收」');
    // Without archived events nothing is compared, and the CSV keeps its old columns.
    expect(buildRecord({ kind: 'notification' }, [forged], T0).summary.archiveMismatches).toBeUndefined();
  });
});
