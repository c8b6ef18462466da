/**
 * 2026 calendar facts used below (chinese-days 1.5.7): 国庆节 off 10-01..10-07 with make-up working
 * days Sun 09-20 and Sat 10-10. 2027 is not covered, so deadlines reaching it are provisional.
 */
import { createCalendar } from '@domain/calendar';
import type { ErrorCode } from '@domain/errors';
import {
  EVENT_TYPES,
  TRANSITIONS,
  decide,
  inQueueOf,
  inquiryAccess,
  mayDo,
  nextStatus,
  prepareAsk,
  queueOrder,
  reopenUntil,
  seesFullPhone,
  type Inquiry,
  type InquiryEventType,
  type InquiryStatus,
} from '@domain/inquiry';
import { inquiryStats } from '@domain/inquiry-stats';
import type { Caller } from '@domain/roles';
import { codeOf } from '../../helpers/errors';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const calendar = createCalendar();

const owner: Caller = { personId: 'p_owner_02', name: '李芳', communityId: 'c1', roles: ['owner'], roomIds: ['r_1_102'], buildingIds: [] };
const neighbour: Caller = { ...owner, personId: 'p_owner_03', name: '张娜', roomIds: ['r_1_103'] };
const member: Caller = {
  personId: 'p_owner_15',
  name: '委员',
  communityId: 'c1',
  roles: ['committee', 'owner'],
  roomIds: ['r_1_303'],
  buildingIds: [],
  committeePosition: 'member',
};
const butler: Caller = { personId: 'p_butler_1', name: '陈晓东', communityId: 'c1', roles: ['butler'], roomIds: [], buildingIds: ['b1'] };
const butler2: Caller = { ...butler, personId: 'p_butler_2', name: '林海燕', buildingIds: ['b2'] };
const head: Caller = { personId: 'p_head', name: '周志强', communityId: 'c1', roles: ['head'], roomIds: [], buildingIds: [] };
const gm: Caller = { personId: 'p_gm', name: '高国庆', communityId: null, roles: ['general_manager'], roomIds: [], buildingIds: [] };
const otherHead: Caller = { ...head, personId: 'p_head_2', communityId: 'c2' };

function inquiry(over: Partial<Inquiry> = {}): Inquiry {
  const receivedAt = sh('2026-11-16T10:00:00');
  return {
    _id: 'inq_1',
    version: 1,
    communityId: 'c1',
    channel: 'owner',
    kind: 'request',
    askerId: owner.personId,
    roomId: 'r_1_102',
    buildingId: 'b1',
    text: '楼道灯坏了，请尽快修理',
    photos: [],
    status: 'received',
    receivedAt,
    due: sh('2026-11-19T23:59:59.999'),
    dueDate: '2026-11-19',
    dueProvisional: false,
    firstDue: sh('2026-11-19T23:59:59.999'),
    reopenCount: 0,
    ...over,
  };
}

describe('answer deadline: end of the 3rd working day after receipt', () => {
  it.each([
    // Wed 30 Sep: 10-01..07 off; Thu 8, Fri 9, make-up Sat 10.
    ['2026-09-30T16:00:00', '2026-10-10', false],
    // Tue 29 Sep: Wed 30, Thu 8 Oct, Fri 9 Oct.
    ['2026-09-29T09:00:00', '2026-10-09', false],
    // Received during the holiday itself (Sat 3 Oct): Thu 8, Fri 9, Sat 10.
    ['2026-10-03T11:00:00', '2026-10-10', false],
    // Fri 20 Nov: Mon 23, Tue 24, Wed 25.
    ['2026-11-20T10:00:00', '2026-11-25', false],
    // Wed 30 Dec 2026: Thu 31, then 2027 on weekends only (Fri 1 Jan counted) → Mon 4 Jan, provisional.
    ['2026-12-30T10:00:00', '2027-01-04', true],
  ])('received %s → due end of %s (provisional %s)', (at, dueDate, provisional) => {
    const draft = prepareAsk(owner, { channel: 'owner', kind: 'consult', text: '问题' }, sh(at), calendar);
    expect(draft).toMatchObject({ dueDate, dueProvisional: provisional, due: sh(`${dueDate}T23:59:59.999`), status: 'received', roomId: 'r_1_102' });
    expect(draft.firstDue).toBe(draft.due);
  });

  it('an administrator override moves the due date', () => {
    const cal = createCalendar([{ date: '2026-10-10', kind: 'holiday', name: '调整' }]);
    expect(prepareAsk(owner, { channel: 'owner', kind: 'consult', text: '问题' }, sh('2026-09-30T16:00:00'), cal).dueDate).toBe('2026-10-12');
  });
});

describe('the transition table', () => {
  // Written out independently of TRANSITIONS, so a slip in the table fails here.
  const ALLOWED: Record<InquiryStatus, Partial<Record<InquiryEventType, InquiryStatus>>> = {
    received: { assign: 'received', classify_reasonable: 'in_progress', explain: 'explained', escalate: 'escalated', follow_up: 'received' },
    reopened: { assign: 'reopened', classify_reasonable: 'in_progress', explain: 'explained', escalate: 'escalated', follow_up: 'reopened' },
    in_progress: { assign: 'in_progress', answer: 'answered', escalate: 'escalated', follow_up: 'in_progress', flag_overdue: 'in_progress' },
    escalated: { answer: 'answered', explain: 'explained', follow_up: 'escalated' },
    answered: { rate_satisfied: 'accepted', rate_unsatisfied: 'unsatisfied' },
    explained: { rate_satisfied: 'accepted', rate_unsatisfied: 'unsatisfied' },
    unsatisfied: { reopen: 'reopened', reopen_to_gm: 'escalated' },
    accepted: {},
  };
  const statuses = Object.keys(ALLOWED) as InquiryStatus[];
  const cases = statuses.flatMap((s) => EVENT_TYPES.map((e) => [s, e] as [InquiryStatus, InquiryEventType]));

  it('covers every status and every event', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...statuses].sort());
    expect(cases).toHaveLength(8 * 11);
  });

  it.each(cases)('%s + %s', (status, event) => {
    const expected = ALLOWED[status][event];
    if (expected) {
      expect(nextStatus(status, event)).toBe(expected);
      return;
    }
    const code: ErrorCode =
      status === 'accepted' || status === 'unsatisfied'
        ? 'INQUIRY_CLOSED'
        : event === 'answer' && (status === 'received' || status === 'reopened')
          ? 'INQUIRY_NOT_CLASSIFIED'
          : 'INVALID_TRANSITION';
    expect(codeOf(() => nextStatus(status, event))).toBe(code);
  });
});

describe('decide: classification', () => {
  const now = sh('2026-11-17T09:00:00');

  it('reasonable → in progress, assigned to whoever classified it, due date unchanged', () => {
    const d = decide(inquiry(), { type: 'classify', classification: 'reasonable' }, butler, now, calendar);
    expect(d).toMatchObject({
      event: 'classify_reasonable',
      from: 'received',
      to: 'in_progress',
      patch: { classification: 'reasonable', assigneeId: butler.personId },
    });
    expect(d.patch.due).toBeUndefined();
  });

  it('unreasonable needs a recorded explanation, which is the response', () => {
    expect(codeOf(() => decide(inquiry(), { type: 'classify', classification: 'unreasonable', text: '  ' }, butler, now, calendar))).toBe('INVALID_INPUT');
    const d = decide(inquiry(), { type: 'classify', classification: 'unreasonable', text: '您好，该事项属于业主自用部分……' }, butler, now, calendar);
    expect(d).toMatchObject({ event: 'explain', to: 'explained', patch: { classification: 'unreasonable', respondedAt: now, firstResponseAt: now } });
  });

  it('cannot resolve → escalated to the general manager, who owns it from then on', () => {
    expect(codeOf(() => decide(inquiry(), { type: 'classify', classification: 'cannot_resolve' }, head, now, calendar))).toBe('INVALID_INPUT');
    const d = decide(
      inquiry({ assigneeId: butler.personId }),
      { type: 'classify', classification: 'cannot_resolve', text: '涉及开发商遗留问题', generalManagerId: gm.personId },
      head,
      now,
      calendar,
    );
    expect(d).toMatchObject({ event: 'escalate', to: 'escalated', patch: { escalatedAt: now, assigneeId: gm.personId, classification: 'cannot_resolve' } });
    const escalated = inquiry({ ...d.patch });
    expect(codeOf(() => decide(escalated, { type: 'answer', text: '已处理' }, head, now, calendar))).toBe('FORBIDDEN');
    expect(decide(escalated, { type: 'answer', text: '已协调开发商处理' }, gm, now, calendar)).toMatchObject({ to: 'answered', patch: { respondedAt: now } });
    expect(decide(escalated, { type: 'classify', classification: 'unreasonable', text: '说明' }, gm, now, calendar).patch.classification).toBe(
      'cannot_resolve',
    );
  });

  it('an unclassified item cannot be answered', () => {
    expect(codeOf(() => decide(inquiry(), { type: 'answer', text: '已修' }, butler, now, calendar))).toBe('INQUIRY_NOT_CLASSIFIED');
  });

  it('a butler acts on their own or unassigned items only; the head on any of the community', () => {
    const theirs = inquiry({ status: 'in_progress', classification: 'reasonable', assigneeId: butler2.personId });
    expect(codeOf(() => decide(theirs, { type: 'answer', text: 'x' }, butler, now, calendar))).toBe('FORBIDDEN');
    expect(decide(theirs, { type: 'answer', text: 'x' }, head, now, calendar).to).toBe('answered');
    expect(codeOf(() => decide(theirs, { type: 'answer', text: 'x' }, otherHead, now, calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(theirs, { type: 'answer', text: 'x' }, gm, now, calendar))).toBe('FORBIDDEN');
  });

  it('assigns only to staff of the community; a butler may only claim for themself', () => {
    const i = inquiry();
    const asButler = { personId: butler.personId, staffRole: 'butler' as const, communityId: 'c1' };
    const asButler2 = { personId: butler2.personId, staffRole: 'butler' as const, communityId: 'c1' };
    expect(decide(i, { type: 'assign', assignee: asButler2 }, head, now, calendar).patch.assigneeId).toBe(butler2.personId);
    expect(decide(i, { type: 'assign', assignee: asButler }, butler, now, calendar).patch.assigneeId).toBe(butler.personId);
    expect(codeOf(() => decide(i, { type: 'assign', assignee: asButler2 }, butler, now, calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(i, { type: 'assign', assignee: { personId: 'p_owner_03', communityId: 'c1' } }, head, now, calendar))).toBe('INVALID_INPUT');
    expect(codeOf(() => decide(i, { type: 'assign', assignee: { ...asButler2, communityId: 'c2' } }, head, now, calendar))).toBe('INVALID_INPUT');
  });
});

describe('decide: the asker', () => {
  const answeredAt = sh('2026-11-18T15:00:00');
  const answered = inquiry({
    status: 'answered',
    classification: 'reasonable',
    assigneeId: butler.personId,
    respondedAt: answeredAt,
    firstResponseAt: answeredAt,
  });

  it('only the asker follows up, rates and reopens', () => {
    expect(codeOf(() => decide(answered, { type: 'rate', satisfied: true }, neighbour, answeredAt, calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(inquiry(), { type: 'follow_up', text: '补充' }, neighbour, answeredAt, calendar))).toBe('FORBIDDEN');
    expect(decide(inquiry(), { type: 'follow_up', text: '补充' }, owner, answeredAt, calendar)).toMatchObject({
      to: 'received',
      patch: { status: 'received' },
    });
  });

  it('satisfied closes it; anything afterwards is INQUIRY_CLOSED', () => {
    const d = decide(answered, { type: 'rate', satisfied: true }, owner, answeredAt, calendar);
    expect(d).toMatchObject({ to: 'accepted', patch: { rating: 'satisfied', ratedAt: answeredAt } });
    const closed = inquiry({ ...answered, ...d.patch });
    expect(codeOf(() => decide(closed, { type: 'rate', satisfied: false }, owner, answeredAt, calendar))).toBe('INQUIRY_CLOSED');
    expect(codeOf(() => decide(closed, { type: 'reopen' }, owner, answeredAt, calendar))).toBe('INQUIRY_CLOSED');
    expect(codeOf(() => decide(closed, { type: 'follow_up', text: 'x' }, owner, answeredAt, calendar))).toBe('INQUIRY_CLOSED');
  });

  it('unsatisfied may be reopened until the end of the 7th day after the answer, with a new deadline', () => {
    const unsatisfied = inquiry({ ...answered, status: 'unsatisfied', rating: 'unsatisfied' });
    expect(reopenUntil(unsatisfied)).toBe(sh('2026-11-25T23:59:59.999'));
    const d = decide(unsatisfied, { type: 'reopen' }, owner, sh('2026-11-25T23:00:00'), calendar);
    expect(d).toMatchObject({ event: 'reopen', to: 'reopened', patch: { dueDate: '2026-11-30', reopenCount: 1 } });
  });

  it('reopening after 7 days is refused with REOPEN_WINDOW_CLOSED', () => {
    const unsatisfied = inquiry({ ...answered, status: 'unsatisfied', rating: 'unsatisfied' });
    expect(codeOf(() => decide(unsatisfied, { type: 'reopen' }, owner, sh('2026-11-26T00:00:01'), calendar))).toBe('REOPEN_WINDOW_CLOSED');
    expect(codeOf(() => decide(unsatisfied, { type: 'reopen' }, owner, sh('2026-12-20T10:00:00'), calendar))).toBe('REOPEN_WINDOW_CLOSED');
  });

  it('cannot reopen without first saying it is unsatisfying', () => {
    expect(codeOf(() => decide(answered, { type: 'reopen' }, owner, answeredAt, calendar))).toBe('INVALID_TRANSITION');
  });

  it('a reopened escalated item goes straight back to the general manager', () => {
    const u = inquiry({ ...answered, status: 'unsatisfied', escalatedAt: answeredAt - 1000, assigneeId: gm.personId });
    expect(decide(u, { type: 'reopen' }, owner, answeredAt + 1000, calendar)).toMatchObject({ event: 'reopen_to_gm', to: 'escalated' });
  });
});

describe('decide: the overdue flag', () => {
  const inProgress = inquiry({ status: 'in_progress', classification: 'reasonable', assigneeId: butler.personId });
  const after = sh('2026-11-20T08:00:00');

  it('only the system flags, only past due, once per deadline', () => {
    expect(codeOf(() => decide(inProgress, { type: 'flag_overdue' }, head, after, calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => decide(inProgress, { type: 'flag_overdue' }, null, sh('2026-11-19T23:59:59'), calendar))).toBe('INVALID_TRANSITION');
    const d = decide(inProgress, { type: 'flag_overdue' }, null, after, calendar);
    expect(d).toMatchObject({ to: 'in_progress', patch: { overdueAt: after, flaggedDue: inProgress.due } });
    expect(codeOf(() => decide(inquiry({ ...inProgress, ...d.patch }), { type: 'flag_overdue' }, null, after + 3600_000, calendar))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => decide(inquiry({ status: 'received' }), { type: 'flag_overdue' }, null, after, calendar))).toBe('INVALID_TRANSITION');
  });

  it('the system cannot perform a person’s move', () => {
    expect(codeOf(() => decide(inProgress, { type: 'answer', text: 'x' }, null, after, calendar))).toBe('FORBIDDEN');
  });
});

describe('visibility', () => {
  const mine = inquiry();
  const committeeItem = inquiry({ channel: 'committee', kind: 'query', askerId: 'p_owner_01', roomId: undefined, buildingId: undefined });

  it('an owner sees only their own; a neighbour is FORBIDDEN', () => {
    expect(inquiryAccess(owner, mine)).toBe('ok');
    expect(inquiryAccess(neighbour, mine)).toBe('forbidden');
    expect(inquiryAccess(member, mine)).toBe('forbidden');
    expect(inquiryAccess(owner, committeeItem)).toBe('forbidden');
  });

  it('committee items are seen by the whole committee and by staff', () => {
    expect(inquiryAccess(member, committeeItem)).toBe('ok');
    expect(inquiryAccess(butler, committeeItem)).toBe('ok');
    expect(inquiryAccess(head, mine)).toBe('ok');
  });

  it('another community’s record does not exist; the general manager sees escalations everywhere', () => {
    expect(inquiryAccess(otherHead, mine)).toBe('not_found');
    expect(inquiryAccess({ ...neighbour, communityId: 'c2' }, mine)).toBe('not_found');
    expect(inquiryAccess(gm, mine)).toBe('forbidden');
    expect(inquiryAccess(gm, inquiry({ escalatedAt: 1 }))).toBe('ok');
  });

  it('the full phone number only for the assignee (and the asker)', () => {
    const assigned = inquiry({ assigneeId: butler.personId });
    expect(seesFullPhone(butler, assigned)).toBe(true);
    expect(seesFullPhone(owner, assigned)).toBe(true);
    expect(seesFullPhone(head, assigned)).toBe(false);
    expect(seesFullPhone(butler2, assigned)).toBe(false);
    expect(seesFullPhone(butler, inquiry())).toBe(false);
  });

  it('buttons follow the same rules', () => {
    expect(mayDo(owner, mine, 'follow_up')).toBe(true);
    expect(mayDo(neighbour, mine, 'follow_up')).toBe(false);
    expect(mayDo(butler, mine, 'classify_reasonable')).toBe(true);
    expect(mayDo(butler, mine, 'answer')).toBe(false);
    expect(mayDo(owner, mine, 'answer')).toBe(false);
  });
});

describe('asking', () => {
  const now = sh('2026-11-20T10:00:00');

  it('owners use the owner kinds with one of their rooms', () => {
    expect(codeOf(() => prepareAsk(owner, { channel: 'owner', kind: 'query', text: 'x' }, now, calendar))).toBe('INVALID_INPUT');
    expect(codeOf(() => prepareAsk(owner, { channel: 'owner', kind: 'consult', text: 'x', roomId: 'r_1_103' }, now, calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => prepareAsk(owner, { channel: 'committee', kind: 'query', text: 'x' }, now, calendar))).toBe('FORBIDDEN');
    const photos = Array.from({ length: 7 }, (_, i) => ({ fileId: `local:p${i}.png`, name: `p${i}.png` }));
    expect(codeOf(() => prepareAsk(owner, { channel: 'owner', kind: 'consult', text: 'x', photos }, now, calendar))).toBe('INVALID_INPUT');
  });

  it('an audit is scheduled on a working day of the 10th–15th, not in the past', () => {
    const audit = (auditDate: string) => () =>
      prepareAsk(member, { channel: 'committee', kind: 'audit', text: '查阅2026年10月账目', auditDate }, now, calendar);
    expect(codeOf(audit('2026-12-09'))).toBe('AUDIT_OUTSIDE_WINDOW');
    expect(codeOf(audit('2026-12-16'))).toBe('AUDIT_OUTSIDE_WINDOW');
    expect(codeOf(audit('2026-12-12'))).toBe('AUDIT_OUTSIDE_WINDOW'); // a Saturday
    expect(codeOf(audit('2026-11-12'))).toBe('INVALID_INPUT'); // already past
    expect(audit('2026-12-14')()).toMatchObject({ kind: 'audit', auditDate: '2026-12-14', channel: 'committee' });
    expect(codeOf(() => prepareAsk(member, { channel: 'committee', kind: 'audit', text: 'x' }, now, calendar))).toBe('INVALID_INPUT');
    expect(codeOf(() => prepareAsk(member, { channel: 'committee', kind: 'query', text: 'x', auditDate: '2026-12-14' }, now, calendar))).toBe('INVALID_INPUT');
  });
});

describe('queues', () => {
  const now = sh('2026-11-24T10:00:00');

  it('overdue first, then by due date', () => {
    const a = inquiry({ _id: 'a', status: 'in_progress', due: sh('2026-11-26T23:59:59.999') });
    const b = inquiry({ _id: 'b', status: 'in_progress', due: sh('2026-11-20T23:59:59.999') });
    const c = inquiry({ _id: 'c', status: 'received', due: sh('2026-11-25T23:59:59.999') });
    const d = inquiry({ _id: 'd', status: 'escalated', due: sh('2026-11-23T23:59:59.999'), escalatedAt: 1 });
    expect([a, b, c, d].sort(queueOrder(now)).map((i) => i._id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('each staff member’s queue', () => {
    const unassigned1 = inquiry({ buildingId: 'b1', due: sh('2026-11-26T23:59:59.999') });
    const assigned2 = inquiry({ status: 'in_progress', assigneeId: butler2.personId, due: sh('2026-11-26T23:59:59.999') });
    const overdue2 = inquiry({ status: 'in_progress', assigneeId: butler2.personId, due: sh('2026-11-20T23:59:59.999') });
    const escalated = inquiry({ status: 'escalated', escalatedAt: 1, assigneeId: gm.personId });
    expect(inQueueOf(butler, unassigned1, now)).toBe(true);
    expect(inQueueOf(butler2, unassigned1, now)).toBe(false);
    expect(inQueueOf(butler2, assigned2, now)).toBe(true);
    expect(inQueueOf(head, assigned2, now)).toBe(false);
    expect(inQueueOf(head, overdue2, now)).toBe(true);
    expect(inQueueOf(head, unassigned1, now)).toBe(true);
    expect(inQueueOf(head, escalated, now)).toBe(false);
    expect(inQueueOf(gm, escalated, now)).toBe(true);
    expect(inQueueOf(butler, inquiry({ status: 'answered' }), now)).toBe(false);
  });
});

describe('monthly stats', () => {
  it('counts received, on time, overdue, escalated and satisfaction for the month of receipt', () => {
    const now = sh('2026-12-10T10:00:00');
    const due = sh('2026-11-19T23:59:59.999');
    const items = [
      inquiry({ firstResponseAt: sh('2026-11-18T10:00:00'), rating: 'satisfied', status: 'accepted' }),
      inquiry({ firstResponseAt: sh('2026-11-19T23:59:59.999'), rating: 'satisfied', status: 'accepted' }),
      inquiry({ firstResponseAt: sh('2026-11-20T09:00:00'), rating: 'unsatisfied', status: 'unsatisfied' }),
      inquiry({ status: 'in_progress' }),
      inquiry({ status: 'escalated', escalatedAt: sh('2026-11-16T12:00:00') }),
      inquiry({ receivedAt: sh('2026-10-31T23:00:00'), firstDue: due }),
      inquiry({ receivedAt: sh('2026-12-01T00:00:00'), firstDue: sh('2026-12-04T23:59:59.999') }),
    ];
    expect(inquiryStats(items, '2026-11', now)).toEqual({
      month: '2026-11',
      received: 5,
      answeredOnTime: 2,
      overdue: 3,
      escalated: 1,
      open: 2,
      satisfied: 2,
      unsatisfied: 1,
      satisfactionRate: 2 / 3,
    });
    expect(inquiryStats([], '2026-11', now).satisfactionRate).toBeNull();
  });
});
