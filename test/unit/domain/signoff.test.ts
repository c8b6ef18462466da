import fc from 'fast-check';
import { DOCUMENT_KINDS, type DocumentKind } from '@domain/documents';
import { ERROR_MESSAGES } from '@domain/errors';
import {
  ACTORS,
  applySignoff,
  EVENTS_BY_KIND,
  memberActions,
  newDelivery,
  nextState,
  SIGNOFF_EVENTS,
  SIGNOFF_STATES,
  staffActions,
  stateOf,
  TRANSITIONS,
  type Delivery,
  type SignoffCommand,
  type SignoffEvent,
  type SignoffState,
} from '@domain/signoff';
import { codeOf } from '../../helpers/errors';

const T0 = Date.parse('2026-11-20T10:00:00+08:00');
const MEMBER = { personId: 'p_member', name: '王委员', isStaff: false };
const STAFF = { personId: 'p_head', name: '周志强', isStaff: true };
const LIVE = {};

function deliveryIn(state: SignoffState, kind: DocumentKind = 'notification'): Delivery {
  const d: Delivery = {
    ...newDelivery({
      documentId: 'doc_1',
      communityId: 'c_1',
      documentKind: kind,
      member: { personId: MEMBER.personId, name: MEMBER.name, position: 'member' },
      now: T0,
      responseDue: T0 + 86_400_000,
    }),
    version: 1,
  };
  const objection = { text: '价格偏高', at: T0 + 1 };
  switch (state) {
    case 'PENDING':
      return d;
    case 'OBJECTED':
      return { ...d, signStatus: 'OBJECTED', objectionOpen: true, objections: [objection], eventCount: 2 };
    case 'ANSWERED':
      return {
        ...d,
        signStatus: 'OBJECTED',
        objectionOpen: false,
        objections: [{ ...objection, reply: { text: '已比价三家', at: T0 + 2, byId: STAFF.personId, byName: STAFF.name } }],
        eventCount: 3,
      };
    case 'SIGNED':
      return kind === 'opinion_request'
        ? { ...d, signStatus: 'SIGNED', signedAt: T0 + 1, opinion: { choice: 'agree', at: T0 + 1, late: false }, eventCount: 2 }
        : { ...d, signStatus: 'SIGNED', signedAt: T0 + 1, eventCount: 2 };
    case 'REFUSED':
      return {
        ...d,
        signStatus: 'REFUSED',
        refusal: { reason: '不认可', at: T0 + 1, recordedById: STAFF.personId, recordedByName: STAFF.name },
        eventCount: 2,
      };
  }
}

function commandFor(event: SignoffEvent): SignoffCommand {
  switch (event) {
    case 'open':
    case 'sign':
      return { event };
    case 'object':
      return { event, text: '请说明费用依据' };
    case 'reply':
      return { event, text: '依据见附件报价单' };
    case 'recordRefusal':
      return { event, reason: '委员当面拒绝签收' };
    case 'answer':
      return { event, choice: 'agree' };
  }
}

const actorFor = (event: SignoffEvent) => (ACTORS[event] === 'member' ? MEMBER : STAFF);

describe('the transition table', () => {
  it('covers every state and event, and every error in it has a Chinese message', () => {
    for (const s of SIGNOFF_STATES) {
      expect(Object.keys(TRANSITIONS[s]).sort()).toEqual([...SIGNOFF_EVENTS].sort());
      for (const e of SIGNOFF_EVENTS) {
        const to = TRANSITIONS[s][e];
        if (!(SIGNOFF_STATES as readonly string[]).includes(to)) expect(ERROR_MESSAGES[to as keyof typeof ERROR_MESSAGES]).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });

  const cases = DOCUMENT_KINDS.flatMap((kind) => SIGNOFF_STATES.flatMap((state) => SIGNOFF_EVENTS.map((event) => [kind, state, event] as const)));

  it.each(cases)('%s: %s + %s behaves exactly as the table says', (kind, state, event) => {
    // Opinion requests never reach OBJECTED/ANSWERED, but the table must still answer for them.
    const delivery = deliveryIn(state, kind);
    const expected = nextState(state, event, kind);
    let result: ReturnType<typeof applySignoff> = null;
    const code = codeOf(() => {
      result = applySignoff(delivery, LIVE, commandFor(event), { now: T0 + 10, actor: actorFor(event) });
    });
    if ((SIGNOFF_STATES as readonly string[]).includes(expected)) {
      expect(code).toBeNull();
      if (event === 'open' && delivery.readStatus === 'OPENED') return expect(result).toBeNull();
      const after = { ...delivery, ...result!.patch };
      expect(stateOf(after)).toBe(expected);
      expect(after.eventCount).toBe(delivery.eventCount + 1);
      expect(result!.event.n).toBe(delivery.eventCount + 1);
    } else {
      expect(code).toBe(expected);
    }
  });

  it('the kind gate: opinion requests take answers, not signatures or objections; others take no answers', () => {
    expect(nextState('PENDING', 'sign', 'opinion_request')).toBe('INVALID_TRANSITION');
    expect(nextState('PENDING', 'object', 'opinion_request')).toBe('INVALID_TRANSITION');
    expect(nextState('PENDING', 'answer', 'filing')).toBe('INVALID_TRANSITION');
    const delivered = DOCUMENT_KINDS.filter((k) => k !== 'meeting' && k !== 'committee_notice');
    for (const kind of delivered) expect(EVENTS_BY_KIND[kind]).toContain('recordRefusal');
    // Archive-only kinds are never delivered, so nothing can be done on them.
    expect([...EVENTS_BY_KIND.meeting, ...EVENTS_BY_KIND.committee_notice]).toEqual([]);
  });
});

describe('named rules', () => {
  const run = (d: Delivery, event: SignoffEvent, doc = LIVE) => applySignoff(d, doc, commandFor(event), { now: T0 + 10, actor: actorFor(event) });

  it('signing twice is ALREADY_SIGNED', () => {
    const signed = { ...deliveryIn('PENDING'), ...run(deliveryIn('PENDING'), 'sign')!.patch };
    expect(signed.signStatus).toBe('SIGNED');
    expect(signed.signedAt).toBe(T0 + 10);
    expect(codeOf(() => run(signed, 'sign'))).toBe('ALREADY_SIGNED');
  });

  it('signing after a refusal was recorded is DELIVERY_REFUSED', () => {
    const refused = { ...deliveryIn('PENDING'), ...run(deliveryIn('PENDING'), 'recordRefusal')!.patch };
    expect(refused.refusal).toMatchObject({ reason: '委员当面拒绝签收', recordedById: 'p_head', recordedByName: '周志强', at: T0 + 10 });
    expect(codeOf(() => run(refused, 'sign'))).toBe('DELIVERY_REFUSED');
    expect(codeOf(() => run(refused, 'object'))).toBe('DELIVERY_REFUSED');
  });

  it('replying where there is no objection is NOT_AN_OBJECTION', () => {
    expect(codeOf(() => run(deliveryIn('PENDING'), 'reply'))).toBe('NOT_AN_OBJECTION');
    expect(codeOf(() => run(deliveryIn('SIGNED'), 'reply'))).toBe('NOT_AN_OBJECTION');
    expect(codeOf(() => run(deliveryIn('ANSWERED'), 'reply'))).toBe('OBJECTION_ALREADY_ANSWERED');
  });

  it('a member signs after an objection only once it is answered', () => {
    expect(codeOf(() => run(deliveryIn('OBJECTED'), 'sign'))).toBe('OBJECTION_UNANSWERED');
    const answered = { ...deliveryIn('OBJECTED'), ...run(deliveryIn('OBJECTED'), 'reply')!.patch };
    expect(answered.objections[0]!.reply).toMatchObject({ text: '依据见附件报价单', byName: '周志强' });
    expect(stateOf(answered)).toBe('ANSWERED');
    const signed = { ...answered, ...run(answered, 'sign')!.patch };
    expect(stateOf(signed)).toBe('SIGNED');
    expect(signed.objections).toHaveLength(1);
  });

  it('objecting again after an answer opens a second round and keeps the first', () => {
    const again = { ...deliveryIn('ANSWERED'), ...run(deliveryIn('ANSWERED'), 'object')!.patch };
    expect(stateOf(again)).toBe('OBJECTED');
    expect(again.objections.map((o) => !!o.reply)).toEqual([true, false]);
  });

  it('only the addressed member acts on a delivery, and only staff reply or record refusals', () => {
    const other = { personId: 'p_other', name: '李委员', isStaff: false };
    for (const e of ['sign', 'object', 'open'] as const) {
      expect(codeOf(() => applySignoff(deliveryIn('PENDING'), LIVE, commandFor(e), { now: T0, actor: other }))).toBe('FORBIDDEN');
    }
    expect(codeOf(() => applySignoff(deliveryIn('OBJECTED'), LIVE, commandFor('reply'), { now: T0, actor: MEMBER }))).toBe('FORBIDDEN');
    expect(codeOf(() => applySignoff(deliveryIn('PENDING'), LIVE, commandFor('recordRefusal'), { now: T0, actor: MEMBER }))).toBe('FORBIDDEN');
  });

  it('a superseded version can still be read and its objections answered, nothing else', () => {
    const old = { supersededBy: 'doc_2' };
    expect(codeOf(() => run(deliveryIn('PENDING'), 'sign', old))).toBe('DOCUMENT_SUPERSEDED');
    expect(codeOf(() => run(deliveryIn('PENDING'), 'recordRefusal', old))).toBe('DOCUMENT_SUPERSEDED');
    expect(run(deliveryIn('OBJECTED'), 'reply', old)).not.toBeNull();
    expect(run(deliveryIn('PENDING'), 'open', old)).not.toBeNull();
  });

  it('opening is recorded once; acting first marks it opened too', () => {
    const opened = { ...deliveryIn('PENDING'), ...run(deliveryIn('PENDING'), 'open')!.patch };
    expect(opened).toMatchObject({ readStatus: 'OPENED', openedAt: T0 + 10, signStatus: 'PENDING' });
    expect(run(opened, 'open')).toBeNull();
    const signedUnread = run(deliveryIn('PENDING'), 'sign')!.patch;
    expect(signedUnread).toMatchObject({ readStatus: 'OPENED', openedAt: T0 + 10, signStatus: 'SIGNED' });
  });

  it('blank texts are refused', () => {
    const d = deliveryIn('PENDING');
    expect(codeOf(() => applySignoff(d, LIVE, { event: 'object', text: '   ' }, { now: T0, actor: MEMBER }))).toBe('INVALID_INPUT');
    expect(codeOf(() => applySignoff(deliveryIn('PENDING', 'opinion_request'), LIVE, { event: 'answer', choice: 'comment' }, { now: T0, actor: MEMBER }))).toBe(
      'INVALID_INPUT',
    );
  });

  it('opinion answers: once, and marked late after the deadline', () => {
    const d = deliveryIn('PENDING', 'opinion_request');
    const onTime = applySignoff(d, LIVE, { event: 'answer', choice: 'disagree', text: '预算过高' }, { now: d.responseDue!, actor: MEMBER })!;
    expect(onTime.patch.opinion).toEqual({ choice: 'disagree', text: '预算过高', at: d.responseDue, late: false });
    const late = applySignoff(d, LIVE, { event: 'answer', choice: 'agree' }, { now: d.responseDue! + 1, actor: MEMBER })!;
    expect(late.patch.opinion?.late).toBe(true);
    expect(codeOf(() => applySignoff({ ...d, ...late.patch }, LIVE, { event: 'answer', choice: 'agree' }, { now: T0, actor: MEMBER }))).toBe(
      'ALREADY_ANSWERED',
    );
  });

  it('the buttons a member and staff see are read off the table', () => {
    expect(memberActions(deliveryIn('PENDING'), false)).toEqual(['sign', 'object']);
    expect(memberActions(deliveryIn('OBJECTED'), false)).toEqual([]);
    expect(memberActions(deliveryIn('ANSWERED'), false)).toEqual(['sign', 'object']);
    expect(memberActions(deliveryIn('PENDING', 'opinion_request'), false)).toEqual(['answer']);
    expect(memberActions(deliveryIn('PENDING'), true)).toEqual([]);
    expect(staffActions(deliveryIn('OBJECTED'), false)).toEqual(['reply']);
    expect(staffActions(deliveryIn('PENDING'), false)).toEqual(['recordRefusal']);
    expect(staffActions(deliveryIn('SIGNED'), false)).toEqual([]);
  });
});

describe('any sequence of commands', () => {
  it('never loses history: event numbers count up by one, objections never shrink, a final state stays final', () => {
    const events = fc.constantFrom(...SIGNOFF_EVENTS);
    fc.assert(
      fc.property(fc.constantFrom<DocumentKind>(...DOCUMENT_KINDS), fc.array(events, { maxLength: 12 }), (kind, seq) => {
        let d = deliveryIn('PENDING', kind);
        for (const [i, e] of seq.entries()) {
          const before = d;
          const holder: { r: ReturnType<typeof applySignoff> } = { r: null };
          const code = codeOf(() => {
            holder.r = applySignoff(d, LIVE, commandFor(e), { now: T0 + i, actor: actorFor(e) });
          });
          if (code || !holder.r) continue;
          d = { ...d, ...holder.r.patch };
          expect(d.eventCount).toBe(before.eventCount + 1);
          expect(d.objections.length).toBeGreaterThanOrEqual(before.objections.length);
          const was = stateOf(before);
          if (was === 'SIGNED' || was === 'REFUSED') expect(e).toBe('open');
        }
      }),
      { numRuns: 300 },
    );
  });
});
