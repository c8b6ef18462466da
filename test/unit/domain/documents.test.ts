import { createCalendar } from '@domain/calendar';
import {
  canCompose,
  checkComplete,
  decideFiling,
  FILING_CATEGORIES,
  NOTIFICATION_CATEGORIES,
  planRevision,
  planSend,
  quorumRuleText,
  sendingDeadline,
  type CommitteeDocument,
  type DocumentCategory,
  type DocumentContent,
  type OutcomeInput,
} from '@domain/documents';
import { DEFAULT_QUORUM_RULE } from '@domain/quorum';
import { endOfLocalDay } from '@domain/time';
import { codeOf } from '../../helpers/errors';

const cal = createCalendar();
const at = (iso: string) => Date.parse(iso);
const ROSTER = [
  { personId: 'p1', name: '王伟', position: 'chair' as const },
  { personId: 'p2', name: '李娜', position: 'member' as const },
];
const SENDER = { personId: 'p_head', name: '周志强' };

function draft(content: Partial<DocumentContent> & Pick<DocumentContent, 'kind'>): CommitteeDocument {
  return {
    _id: 'doc_1',
    version: 1,
    communityId: 'c_demo',
    kind: content.kind,
    content: { title: '标题', body: '正文', attachments: [], ...content },
    status: 'draft',
    seriesId: 'doc_1',
    versionNo: 1,
    createdById: 'p_head',
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('categories are the seed texts', () => {
  it('five filing and six notification categories', () => {
    expect(Object.keys(FILING_CATEGORIES)).toHaveLength(5);
    expect(Object.keys(NOTIFICATION_CATEGORIES)).toHaveLength(6);
    expect(FILING_CATEGORIES.building_fund_repair).toContain('本体维修基金');
    expect(NOTIFICATION_CATEGORIES.owner_penalty).toContain('违约金');
  });
});

describe('sending deadlines', () => {
  it('filing: planned start − 15 calendar days, end of that day', () => {
    expect(sendingDeadline({ kind: 'filing', plannedStart: '2026-12-20' }, cal)).toMatchObject({
      dueDate: '2026-12-05',
      due: endOfLocalDay('2026-12-05'),
      rule: 'filing',
    });
  });

  it('notification: 3rd working day after the event, over a weekend', () => {
    // Fri 2026-11-20 → Mon 23, Tue 24, Wed 25.
    expect(sendingDeadline({ kind: 'notification', eventDate: '2026-11-20' }, cal)?.dueDate).toBe('2026-11-25');
  });

  it('notification honours administrator overrides', () => {
    const withHoliday = createCalendar([{ date: '2026-11-23', kind: 'holiday', name: '临时假日' }]);
    expect(sendingDeadline({ kind: 'notification', eventDate: '2026-11-20' }, withHoliday)?.dueDate).toBe('2026-11-26');
  });

  it('reports: monthly statement by the 5th of the next month; culture in the quarter’s first month; quarterly accounts have no fixed day', () => {
    expect(sendingDeadline({ kind: 'report', category: 'monthly_pl', period: '2026-10' }, cal)?.dueDate).toBe('2026-11-05');
    expect(sendingDeadline({ kind: 'report', category: 'culture_publication', period: '2027-Q1' }, cal)?.dueDate).toBe('2027-01-31');
    expect(sendingDeadline({ kind: 'report', category: 'quarterly_fees', period: '2026-Q3' }, cal)).toBeNull();
  });

  it('is null until the date it depends on is filled in, and for opinion requests', () => {
    expect(sendingDeadline({ kind: 'filing' }, cal)).toBeNull();
    expect(sendingDeadline({ kind: 'notification', eventDate: '2026-13-01' }, cal)).toBeNull();
    expect(sendingDeadline({ kind: 'opinion_request' }, cal)).toBeNull();
  });
});

describe('sending', () => {
  const now = at('2026-11-20T10:00:00+08:00');
  const send = (doc: CommitteeDocument, lateReason?: string, roster = ROSTER) => planSend(doc, { now, calendar: cal, roster, lateReason, sender: SENDER });

  it('an on-time filing is sent, not late, with the roster kept', () => {
    const plan = send(draft({ kind: 'filing', category: 'other', plannedStart: '2026-12-10' }));
    expect(plan).toMatchObject({ status: 'sent', sentAt: now, late: false, sentByName: '周志强', roster: ROSTER });
    expect(plan.deadline?.dueDate).toBe('2026-11-25');
  });

  it('a late filing needs a reason and is marked late with it', () => {
    const doc = draft({ kind: 'filing', category: 'other', plannedStart: '2026-11-30' });
    expect(codeOf(() => send(doc))).toBe('LATE_REASON_REQUIRED');
    expect(codeOf(() => send(doc, '  '))).toBe('LATE_REASON_REQUIRED');
    expect(send(doc, '供应商临时调整工期')).toMatchObject({ late: true, lateReason: '供应商临时调整工期' });
  });

  it('a late notification is sent and marked late without a reason', () => {
    expect(send(draft({ kind: 'notification', category: 'major_change', eventDate: '2026-11-10' }))).toMatchObject({ late: true, lateReason: undefined });
  });

  it('opinion requests carry the end of the response day', () => {
    expect(send(draft({ kind: 'opinion_request', responseBy: '2026-11-27' })).responseDue).toBe(endOfLocalDay('2026-11-27'));
  });

  it('refuses a sent document, an incomplete one, and an empty committee', () => {
    expect(codeOf(() => send({ ...draft({ kind: 'filing', category: 'other', plannedStart: '2026-12-10' }), status: 'sent' }))).toBe('DOCUMENT_NOT_DRAFT');
    expect(codeOf(() => send(draft({ kind: 'filing', plannedStart: '2026-12-10' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => send(draft({ kind: 'filing', category: 'other', plannedStart: '2026-12-10' }), undefined, []))).toBe('NO_COMMITTEE_MEMBERS');
  });

  it.each([
    [{ kind: 'notification', category: 'other' }, '请填写事件发生（决定作出）日期'],
    [{ kind: 'notification', category: 'other', eventDate: '2026-11-21' }, '事件发生日期不能晚于今天'],
    [{ kind: 'report', category: 'monthly_pl', period: '2026-Q3' }, '请选择报告月份'],
    [{ kind: 'report', category: 'quarterly_fund', period: '2026-10' }, '请选择报告季度'],
    [{ kind: 'opinion_request', responseBy: '2026-11-19' }, '反馈截止日期不能早于今天'],
    [{ kind: 'filing', category: 'major_change', plannedStart: '2026-12-10' }, '请选择申报类别'],
  ] as const)('completeness: %j → %s', (content, message) => {
    expect(() => checkComplete({ title: 't', body: 'b', attachments: [], ...content } as DocumentContent, '2026-11-20')).toThrow(message);
  });

  it('a correction copies the content into a new version that supersedes the old', () => {
    const sent = { ...draft({ kind: 'notification', category: 'other', eventDate: '2026-11-19' }), status: 'sent' as const };
    expect(planRevision(sent)).toMatchObject({ versionNo: 2, supersedes: 'doc_1', seriesId: 'doc_1', content: sent.content });
    expect(codeOf(() => planRevision({ ...sent, supersededBy: 'doc_2' }))).toBe('DOCUMENT_SUPERSEDED');
    expect(codeOf(() => planRevision(draft({ kind: 'filing' })))).toBe('DOCUMENT_NOT_SENT');
  });
});

describe('filing outcome and quorum', () => {
  const sentFiling = (category: DocumentCategory): CommitteeDocument => ({
    ...draft({ kind: 'filing', category, plannedStart: '2026-12-10' }),
    status: 'sent',
  });
  const ctx = { rosterSize: 5, rule: DEFAULT_QUORUM_RULE, now: 1, by: SENDER };
  const decide = (category: DocumentCategory, input: OutcomeInput) => decideFiling(sentFiling(category), input, ctx);

  it('a maintenance-fund filing cannot be approved without a recorded decision', () => {
    expect(codeOf(() => decide('building_fund_repair', { result: 'approved' }))).toBe('QUORUM_NOT_MET');
    expect(codeOf(() => decide('facility_fund_renewal', { result: 'approved' }))).toBe('QUORUM_NOT_MET');
  });

  it('nor with a decision that misses quorum (too few present, or too few of all members agreeing)', () => {
    expect(codeOf(() => decide('building_fund_repair', { result: 'approved', vote: { present: 2, agree: 2, against: 0 } }))).toBe('QUORUM_NOT_MET');
    expect(codeOf(() => decide('building_fund_repair', { result: 'approved', vote: { present: 4, agree: 2, against: 2 } }))).toBe('QUORUM_NOT_MET');
  });

  it('is approved with a decision that meets quorum, and the check is kept', () => {
    const outcome = decide('building_fund_repair', { result: 'approved', vote: { present: 4, agree: 3, against: 1, decidedOn: '2026-11-18' } });
    expect(outcome).toMatchObject({
      result: 'approved',
      recordedByName: '周志强',
      decision: { rosterSize: 5, present: 4, agree: 3, against: 1, quorum: { met: true, presentNeeded: 3, agreeNeeded: 3 } },
    });
  });

  it('other categories may be approved without a vote, but not against a failed one', () => {
    expect(decide('new_measure', { result: 'approved' }).result).toBe('approved');
    expect(codeOf(() => decide('new_measure', { result: 'approved', vote: { present: 3, agree: 1, against: 2 } }))).toBe('QUORUM_NOT_MET');
  });

  it('rejection and withdrawal need no quorum', () => {
    expect(decide('building_fund_repair', { result: 'rejected', vote: { present: 2, agree: 0, against: 2 } }).decision?.quorum.met).toBe(false);
    expect(decide('building_fund_repair', { result: 'withdrawn', note: '方案调整' })).toMatchObject({ result: 'withdrawn', note: '方案调整' });
  });

  it('refuses impossible counts, a second outcome, a draft and a non-filing', () => {
    expect(codeOf(() => decide('other', { result: 'rejected', vote: { present: 3, agree: 2, against: 2 } }))).toBe('INVALID_INPUT');
    expect(codeOf(() => decide('other', { result: 'rejected', vote: { present: 6, agree: 0, against: 0 } }))).toBe('INVALID_INPUT');
    const closed = { ...sentFiling('other'), outcome: decide('other', { result: 'withdrawn' }) };
    expect(codeOf(() => decideFiling(closed, { result: 'approved' }, ctx))).toBe('FILING_CLOSED');
    expect(codeOf(() => decideFiling(draft({ kind: 'filing' }), { result: 'approved' }, ctx))).toBe('DOCUMENT_NOT_SENT');
    expect(codeOf(() => decideFiling({ ...draft({ kind: 'notification' }), status: 'sent' }, { result: 'approved' }, ctx))).toBe('INVALID_TRANSITION');
  });

  it('states the rule in words', () => {
    expect(quorumRuleText(DEFAULT_QUORUM_RULE)).toBe('出席委员须超过委员总数的半数，同意票须超过全体委员的半数；不得委托投票');
  });
});

describe('who composes', () => {
  it('head and general manager always; butlers and supervisors only when granted', () => {
    expect(canCompose({ personId: 'h', roles: ['head'] }, {})).toBe(true);
    expect(canCompose({ personId: 'g', roles: ['general_manager'] }, {})).toBe(true);
    expect(canCompose({ personId: 'b', roles: ['butler'] }, {})).toBe(false);
    expect(canCompose({ personId: 'b', roles: ['butler'] }, { composerIds: ['b'] })).toBe(true);
    expect(canCompose({ personId: 's', roles: ['butler_supervisor'] }, { composerIds: ['b'] })).toBe(false);
    expect(canCompose({ personId: 'o', roles: ['owner', 'committee'] }, { composerIds: ['o'] })).toBe(false);
  });
});
