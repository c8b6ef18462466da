/**
 * 2026 from chinese-days 1.5.7: 国庆节 off 10-01..10-07 with make-up Sun 09-20 and Sat 10-10 — the
 * 5 Oct P&L due day is a day off and the last working day before it is Wed 30 Sep. 2027 is provisional.
 */
import { createCalendar } from '@domain/calendar';
import { AppError } from '@domain/errors';
import { generateObligations } from '@domain/obligations';
import type { Caller } from '@domain/roles';
import {
  assignTask,
  canAssignTask,
  canCompleteTask,
  canSeeTask,
  completeTask,
  countdownText,
  endOfWeek,
  formatDayCn,
  sectionOf,
  taskTiming,
  weekdayCn,
} from '@domain/workbench';
import { codeOf } from '../../helpers/errors';

const sh = (wallClock: string): number => Date.parse(`${wallClock}+08:00`);
const calendar = createCalendar();

const caller = (personId: string, roles: Caller['roles'], communityId: string | null = 'c1'): Caller => ({
  personId,
  name: personId,
  communityId,
  roles,
  roomIds: [],
  buildingIds: [],
});
const head = caller('p_head', ['head']);
const butler = caller('p_butler', ['butler']);
const supervisor = caller('p_sup', ['butler_supervisor']);
const gm = caller('p_gm', ['general_manager'], null);
const otherHead = caller('p_head2', ['head'], 'c2');

describe('who sees and acts on a task', () => {
  const unassigned = { communityId: 'c1', assigneeId: undefined };
  const toButler = { communityId: 'c1', assigneeId: 'p_butler' };
  const handedBack = { communityId: 'c1', assigneeId: null };

  it.each([
    ['head, unassigned', head, unassigned, true, true, true],
    ['head, assigned to a butler', head, toButler, true, true, true],
    ['butler, own task', butler, toButler, true, true, false],
    ['butler, unassigned', butler, unassigned, false, false, false],
    ['butler, handed back to the head', butler, handedBack, false, false, false],
    ['supervisor, not theirs', supervisor, toButler, false, false, false],
    ['general manager', gm, toButler, true, false, false],
    ['head of another community', otherHead, unassigned, false, false, false],
  ])('%s', (_label, who, task, see, complete, assign) => {
    expect(canSeeTask(who, task)).toBe(see);
    expect(canCompleteTask(who, task)).toBe(complete);
    expect(canAssignTask(who, task)).toBe(assign);
  });
});

describe('completing and assigning', () => {
  const now = sh('2026-11-03T10:00:00');

  it('records who, when and the document, once', () => {
    const file = { fileId: 'local:abc.pdf', name: '损益表.pdf' };
    const patch = completeTask({}, 'p_head', { note: '已送达', file, documentId: 'doc_1' }, now);
    expect(patch).toEqual({ doneAt: now, nextActionAt: null, done: { at: now, byId: 'p_head', note: '已送达', file, documentId: 'doc_1' } });
    expect(() => completeTask(patch, 'p_head', {}, now + 1)).toThrow(AppError);
    expect(codeOf(() => completeTask(patch, 'p_butler', {}, now + 1))).toBe('OBLIGATION_ALREADY_DONE');
  });

  it('leaves out empty parts of a completion', () => {
    expect(completeTask({}, 'p_head', {}, now)).toEqual({ doneAt: now, nextActionAt: null, done: { at: now, byId: 'p_head' } });
  });

  it('assigns and hands back, but not once done', () => {
    expect(assignTask({}, 'p_butler', 'p_head', now)).toEqual({ assigneeId: 'p_butler', assignedAt: now, assignedBy: 'p_head', nextActionAt: 0 });
    expect(assignTask({}, null, 'p_head', now)).toMatchObject({ assigneeId: null });
    expect(() => assignTask({ done: { at: now, byId: 'p_head' } }, 'p_butler', 'p_head', now)).toThrow(/不能再分派/);
  });
});

describe('date words', () => {
  it.each([
    ['2026-11-05', '2026年11月5日', '星期四'],
    ['2026-10-05', '2026年10月5日', '星期一'],
    ['2027-01-01', '2027年1月1日', '星期五'],
  ])('%s', (date, text, weekday) => {
    expect(formatDayCn(date)).toBe(text);
    expect(weekdayCn(date)).toBe(weekday);
  });
});

describe('countdown', () => {
  it.each([
    [2, '2026-11-03', '2026-11-05', true, '还剩2个工作日'],
    [0, '2026-11-05', '2026-11-05', true, '今天到期'],
    [0, '2026-11-06', '2026-11-08', true, '今天是到期前最后一个工作日'],
    [0, '2026-11-07', '2026-11-08', false, '到期前已无工作日'],
    [-3, '2026-11-10', '2026-11-05', true, '已逾期3个工作日'],
  ])('%p working days, today %s, due %s', (left, today, due, working, text) => {
    expect(countdownText(left, today, due, working)).toBe(text);
  });

  const [pl] = generateObligations({ communityId: 'c1', from: '2026-10-01', months: 1, calendar });

  it('counts working days to a due day inside the National Day holiday', () => {
    expect(pl).toMatchObject({ dueDate: '2026-10-05' });
    expect(taskTiming(pl!, sh('2026-09-28T09:00:00'), calendar)).toEqual({
      status: 'open',
      workingDaysLeft: 2,
      countdownText: '还剩2个工作日',
      lastWorkingDate: '2026-09-30',
      provisional: false,
    });
  });

  it('is overdue right after the due moment and done whatever the clock', () => {
    expect(taskTiming(pl!, sh('2026-10-05T23:59:59'), calendar).status).toBe('open');
    const late = taskTiming(pl!, sh('2026-10-06T00:00:01'), calendar);
    expect(late.status).toBe('overdue');
    expect(late.countdownText).toMatch(/^已逾期\d+个工作日$/);
    expect(taskTiming({ ...pl!, doneAt: sh('2026-09-29T10:00:00') }, sh('2026-12-01T00:00:00'), calendar)).toMatchObject({
      status: 'done',
      countdownText: '已完成',
    });
  });

  it('follows a corrected calendar and marks unpublished years provisional', () => {
    const corrected = createCalendar([{ date: '2026-09-30', kind: 'holiday', name: '停电' }]);
    expect(taskTiming(pl!, sh('2026-09-28T09:00:00'), corrected)).toMatchObject({ workingDaysLeft: 1, lastWorkingDate: '2026-09-29' });
    const jan27 = generateObligations({ communityId: 'c1', from: '2027-01-01', months: 1, calendar })[0]!;
    expect(taskTiming(jan27, sh('2026-12-28T09:00:00'), calendar).provisional).toBe(true);
  });
});

describe('sections', () => {
  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-11-02')).toBe('2026-11-08'); // Monday
    expect(endOfWeek('2026-11-08')).toBe('2026-11-08'); // Sunday
    expect(endOfWeek('2026-11-28')).toBe('2026-11-29'); // Saturday
  });

  it.each([
    ['done', '2026-11-01', '2026-11-03', 'done'],
    ['overdue', '2026-11-01', '2026-11-03', 'overdue'],
    ['open', '2026-11-05', '2026-11-03', 'thisWeek'],
    ['open', '2026-11-08', '2026-11-03', 'thisWeek'],
    ['open', '2026-11-15', '2026-11-03', 'thisMonth'],
    ['open', '2026-12-05', '2026-11-03', 'later'],
    // The week of Mon 30 Nov runs into December: still 本周.
    ['open', '2026-12-05', '2026-11-30', 'thisWeek'],
  ] as const)('%s due %s on %s -> %s', (status, due, today, section) => {
    expect(sectionOf(status, due, today)).toBe(section);
  });
});
