/**
 * 2026 holidays from chinese-days 1.5.7: 国庆节 off 10-01..10-07 (so the 5 Oct P&L due day is a day off,
 * last working day before it Wed 30 Sep); 2027 is not covered (provisional).
 */
import { createCalendar } from '@domain/calendar';
import { RULE_TEXTS } from '@domain/deadlines';
import { generateObligations, obligationStatus, type ObligationTask } from '@domain/obligations';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const calendar = createCalendar();

describe('generateObligations', () => {
  const q4 = generateObligations({ communityId: 'c1', from: '2026-10-01', months: 3, calendar });
  const byId = new Map(q4.map((t) => [t._id, t]));

  it('lists the expected duties for Oct–Dec 2026 in due order', () => {
    expect(q4.map((t) => `${t.dueDate} ${t._id}`)).toEqual([
      '2026-10-05 ob:c1:pl:2026-09',
      '2026-10-14 ob:c1:meeting:2026-Q4',
      '2026-10-15 ob:c1:audit:2026-10',
      '2026-10-15 ob:c1:funds:2026-Q4',
      '2026-10-31 ob:c1:culture:2026-Q4',
      '2026-11-05 ob:c1:pl:2026-10',
      '2026-11-15 ob:c1:audit:2026-11',
      '2026-12-05 ob:c1:pl:2026-11',
      '2026-12-15 ob:c1:audit:2026-12',
      '2026-12-31 ob:c1:annual:2026',
    ]);
  });

  it('fills every field of a task', () => {
    expect(byId.get('ob:c1:pl:2026-09')).toEqual<ObligationTask>({
      _id: 'ob:c1:pl:2026-09',
      communityId: 'c1',
      kind: 'monthly_pl',
      title: '报送2026年9月财务损益表',
      period: '2026-09',
      dueDate: '2026-10-05',
      due: sh('2026-10-05T23:59:59.999'),
      lastWorkingDate: '2026-09-30',
      provisional: false,
      rule: 'monthly_pl',
      ruleText: RULE_TEXTS.monthly_pl,
    });
    expect(byId.get('ob:c1:audit:2026-10')).toMatchObject({ windowStart: '2026-10-10', dueDate: '2026-10-15', lastWorkingDate: '2026-10-15' });
    expect(byId.get('ob:c1:culture:2026-Q4')).toMatchObject({ windowStart: '2026-10-01', period: '2026-Q4', lastWorkingDate: '2026-10-30' });
    const meeting = byId.get('ob:c1:meeting:2026-Q4');
    expect(meeting).toMatchObject({ title: '提议召开2026年第4季度例行工作沟通会议', dueDate: '2026-10-14' });
    // No key at all rather than `undefined`, so stored records stay clean.
    expect(meeting && 'windowStart' in meeting).toBe(false);
    expect(byId.get('ob:c1:annual:2026')).toMatchObject({ period: '2026', title: '2026年年度工作汇报', lastWorkingDate: '2026-12-31' });
  });

  it('generating twice yields identical tasks', () => {
    const again = generateObligations({ communityId: 'c1', from: '2026-10-01', months: 3, calendar: createCalendar() });
    expect(again).toEqual(q4);
  });

  it('overlapping ranges agree on shared ids', () => {
    const later = generateObligations({ communityId: 'c1', from: '2026-11-01', months: 3, calendar });
    const shared = later.filter((t) => byId.has(t._id));
    expect(shared.map((t) => t._id)).toEqual(['ob:c1:pl:2026-10', 'ob:c1:audit:2026-11', 'ob:c1:pl:2026-11', 'ob:c1:audit:2026-12', 'ob:c1:annual:2026']);
    for (const t of shared) expect(t).toEqual(byId.get(t._id));
    expect(later.map((t) => t._id)).toContain('ob:c1:pl:2026-12');
  });

  it('skips duties already due before `from`', () => {
    const ids = generateObligations({ communityId: 'c1', from: '2026-10-15', months: 1, calendar }).map((t) => t._id);
    expect(ids).toEqual(['ob:c1:audit:2026-10', 'ob:c1:funds:2026-Q4', 'ob:c1:culture:2026-Q4']);
  });

  it('includes the half-year report in June and marks 2027 duties provisional', () => {
    const h1 = generateObligations({ communityId: 'c2', from: '2026-06-01', months: 1, calendar });
    expect(h1.find((t) => t.kind === 'half_year_report')).toMatchObject({ _id: 'ob:c2:half:2026-H1', dueDate: '2026-06-30' });
    const jan27 = generateObligations({ communityId: 'c2', from: '2027-01-01', months: 1, calendar });
    expect(jan27.map((t) => t._id)).toEqual([
      'ob:c2:pl:2026-12',
      'ob:c2:meeting:2027-Q1',
      'ob:c2:audit:2027-01',
      'ob:c2:funds:2027-Q1',
      'ob:c2:culture:2027-Q1',
    ]);
    // The quarterly fee and maintenance-fund report covers the quarter before: Q1 reports last year's Q4.
    expect(jan27.find((t) => t.kind === 'quarterly_fund_report')).toMatchObject({
      dueDate: '2027-01-15',
      title: '报告2026年第4季度物业费及专项维修资金收支情况',
    });
    expect(jan27.every((t) => t.provisional)).toBe(true);
    expect(q4.every((t) => !t.provisional)).toBe(true);
  });

  it('uses administrator corrections for the last working day', () => {
    const cal = createCalendar([{ date: '2026-09-30', kind: 'holiday', name: '停电' }]);
    const task = generateObligations({ communityId: 'c1', from: '2026-10-01', months: 1, calendar: cal })[0];
    expect(task).toMatchObject({ _id: 'ob:c1:pl:2026-09', lastWorkingDate: '2026-09-29' });
  });

  it.each([0, 1.5, 121])('rejects months = %p', (months) => {
    expect(() => generateObligations({ communityId: 'c1', from: '2026-10-01', months, calendar })).toThrow(/生成月数/);
  });

  it('rejects an invalid start date', () => {
    expect(() => generateObligations({ communityId: 'c1', from: '2026-02-30', months: 1, calendar })).toThrow(/无效/);
  });
});

describe('obligationStatus', () => {
  const task = { due: sh('2026-10-05T23:59:59.999') };
  it.each([
    [undefined, '2026-10-05T23:59:59.999', 'open'],
    [undefined, '2026-10-06T00:00:00', 'overdue'],
    [sh('2026-09-30T10:00:00'), '2026-10-20T00:00:00', 'done'],
    [sh('2026-10-08T10:00:00'), '2026-10-20T00:00:00', 'done'],
  ])('doneAt %p at %s -> %s', (doneAt, now, status) => {
    expect(obligationStatus(task, doneAt, sh(now))).toBe(status);
  });
});
