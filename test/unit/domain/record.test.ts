import type { CommitteeDocument } from '@domain/documents';
import { buildRecord, CSV_BOM, csvCell, NO_ANSWER_BY_DEADLINE, recordCsv } from '@domain/record';
import { newDelivery, type Delivery } from '@domain/signoff';

const T0 = Date.parse('2026-11-20T10:00:00+08:00');
const base = (
  personId: string,
  name: string,
  position: 'chair' | 'vice_chair' | 'member',
  kind: 'notification' | 'opinion_request' = 'notification',
): Delivery => ({
  ...newDelivery({
    documentId: 'doc_1',
    communityId: 'c',
    documentKind: kind,
    member: { personId, name, position },
    now: T0,
    responseDue: kind === 'opinion_request' ? T0 + 1000 : undefined,
  }),
  version: 1,
});

const doc = (
  kind: 'notification' | 'opinion_request',
): Pick<CommitteeDocument, 'kind' | 'content' | 'sentAt' | 'sentByName' | 'versionNo' | 'responseDue' | 'supersededBy'> => ({
  kind,
  content: { kind, category: kind === 'notification' ? 'major_change' : undefined, title: '电梯更换, "A"座', body: '', attachments: [] },
  sentAt: T0,
  sentByName: '周志强',
  versionNo: 1,
  responseDue: kind === 'opinion_request' ? T0 + 1000 : undefined,
});

describe('the approval record', () => {
  const deliveries: Delivery[] = [
    {
      ...base('p3', '张三', 'member'),
      signStatus: 'OBJECTED',
      objectionOpen: false,
      objections: [{ text: '=费用过高', at: T0 + 5, reply: { text: '已比价', at: T0 + 6, byId: 'h', byName: '周志强' } }],
    },
    { ...base('p1', '王伟', 'chair'), signStatus: 'SIGNED', signedAt: T0 + 3, readStatus: 'OPENED', openedAt: T0 + 2 },
    { ...base('p2', '李娜', 'vice_chair'), signStatus: 'REFUSED', refusal: { reason: '不在家', at: T0 + 9, recordedById: 'b', recordedByName: '陈晓东' } },
  ];

  it('orders rows chair first and counts each status', () => {
    const { rows, summary } = buildRecord(doc('notification'), deliveries, T0 + 10);
    expect(rows.map((r) => [r.memberName, r.positionLabel, r.stateLabel])).toEqual([
      ['王伟', '主任', '已签收'],
      ['李娜', '副主任', '拒签'],
      ['张三', '委员', '异议已答复'],
    ]);
    expect(summary).toEqual({ total: 3, signed: 1, objected: 1, refused: 1, pending: 1, opened: 1 });
    expect(rows[2]!.staffActions).toEqual(['recordRefusal']);
  });

  it('exports CSV with a BOM, CRLF lines, quoted commas and quotes, and defused formulas', () => {
    const csv = recordCsv(doc('notification'), buildRecord(doc('notification'), deliveries, T0).rows);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('输出信息审批记录');
    expect(lines[1]).toBe('文件,"通报：电梯更换, ""A""座（第1版）"');
    expect(csv).toContain('委员,职务,状态,阅读时间,签收时间,异议,答复,拒签原因,拒签记录人,拒签记录时间');
    expect(csv).toContain('王伟,主任,已签收,2026-11-20 10:00,2026-11-20 10:00');
    expect(csv).toContain('2026-11-20 10:00 =费用过高,2026-11-20 10:00 周志强：已比价');
    expect(csv).toContain('李娜,副主任,拒签,,,,,不在家,陈晓东,2026-11-20 10:00');
    const formula = recordCsv(
      doc('notification'),
      buildRecord(doc('notification'), [{ ...deliveries[2]!, refusal: { ...deliveries[2]!.refusal!, reason: '=HYPERLINK("x")' } }], T0).rows,
    );
    expect(formula).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('opinion requests list each answer or 逾期未回复 once the deadline passed', () => {
    const ds: Delivery[] = [
      { ...base('p1', '王伟', 'chair', 'opinion_request'), signStatus: 'SIGNED', opinion: { choice: 'agree', at: T0, late: false } },
      { ...base('p2', '李娜', 'member', 'opinion_request'), signStatus: 'SIGNED', opinion: { choice: 'comment', text: '建议分期', at: T0 + 2000, late: true } },
      base('p3', '张三', 'member', 'opinion_request'),
    ];
    const before = buildRecord(doc('opinion_request'), ds, T0 + 500);
    expect(before.rows.map((r) => r.opinionText)).toEqual(['同意', '意见：建议分期【逾期反馈】', '未回复']);
    const after = buildRecord(doc('opinion_request'), ds, T0 + 1001);
    expect(after.rows[2]!.opinionText).toBe(NO_ANSWER_BY_DEADLINE);
    expect(after.summary).toMatchObject({ agree: 1, comment: 1, disagree: 0, missing: 1 });
    expect(recordCsv(doc('opinion_request'), after.rows)).toContain(',意见,');
  });

  it('csvCell leaves plain text alone', () => {
    expect(csvCell('王伟')).toBe('王伟');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('-1')).toBe("'-1");
  });
});
