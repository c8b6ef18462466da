import type { FunctionName } from '@domain/api';
import { deliveryId } from '@domain/signoff';
import type { Storage } from '../../cloudfunctions/_shared/storage/port';
import type { ObligationRecord } from '@domain/workbench';
import { DEMO } from './harness';

/** The committee of the demo community (filings.test.ts): 主任, 副主任, 3 委员. */
const [CHAIR, VICE, MEMBER, M22, M29] = ['p_owner_01', 'p_owner_08', 'p_owner_15', 'p_owner_22', 'p_owner_29'];
export const NEW_OPENID = 'wx-openid-crash-test';

/** What earlier steps answered, by step name (the clean run's replies: every id in them is deterministic). */
export type Replies = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ScenarioStep {
  name: string;
  fn: FunctionName;
  action: string;
  /** Demo person to call as, or a raw openid for someone not in the demo. */
  as?: string;
  openid?: string;
  /** Minutes after the scenario's start. */
  at: number;
  /** Computed once, in the clean run, from earlier replies and the store; replayed as recorded. */
  payload: (r: Replies, store: Storage) => unknown;
}

/**
 * A morning of the demo community that writes through every write action of every function:
 * a first visit and a room binding, a notification through its whole sign-off, an opinion request,
 * a maintenance-fund filing decided, an inquiry from ask to reopen, the workbench, consents, the
 * inbox and a fee reminder, then the staff-run sweep. One fixed request id per step.
 */
export const SCENARIO: ScenarioStep[] = [
  { name: 'session.me(first visit)', fn: 'session', action: 'me', openid: NEW_OPENID, at: 0, payload: () => ({}) },
  { name: 'session.requestBinding', fn: 'session', action: 'requestBinding', openid: NEW_OPENID, at: 1, payload: () => ({ roomId: 'r_1_104' }) },
  {
    name: 'session.decideBinding',
    fn: 'session',
    action: 'decideBinding',
    as: DEMO.butler,
    at: 2,
    payload: (r) => ({ bindingId: `binding_${r['session.me(first visit)'].personId}_r_1_104_1`, approve: true }),
  },
  { name: 'session.updateProfile', fn: 'session', action: 'updateProfile', as: DEMO.owner, at: 3, payload: () => ({ name: '李芳芳', phone: '13912345678' }) },

  { name: 'filings.setComposers', fn: 'filings', action: 'setComposers', as: DEMO.head, at: 4, payload: () => ({ personIds: [DEMO.butler] }) },
  {
    name: 'filings.saveDraft(notification)',
    fn: 'filings',
    action: 'saveDraft',
    as: DEMO.head,
    at: 5,
    payload: () => ({
      kind: 'notification',
      category: 'major_change',
      title: '小区东门改造期间临时封闭',
      body: '东门将于下周一起封闭施工，请从南门出入。',
      eventDate: '2026-11-19',
    }),
  },
  {
    name: 'filings.saveDraft(edit)',
    fn: 'filings',
    action: 'saveDraft',
    as: DEMO.head,
    at: 6,
    payload: (r) => ({
      documentId: r['filings.saveDraft(notification)'].documentId,
      kind: 'notification',
      category: 'major_change',
      title: '小区东门改造期间临时封闭',
      body: '东门将于下周一起封闭施工，请从南门或北门出入。',
      eventDate: '2026-11-19',
    }),
  },
  {
    name: 'filings.send(notification)',
    fn: 'filings',
    action: 'send',
    as: DEMO.head,
    at: 7,
    payload: (r) => ({ documentId: r['filings.saveDraft(notification)'].documentId }),
  },
  {
    name: 'filings.open',
    fn: 'filings',
    action: 'open',
    as: CHAIR,
    at: 8,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(notification)'].documentId, CHAIR) }),
  },
  {
    name: 'filings.sign',
    fn: 'filings',
    action: 'sign',
    as: CHAIR,
    at: 9,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(notification)'].documentId, CHAIR) }),
  },
  {
    name: 'filings.object',
    fn: 'filings',
    action: 'object',
    as: MEMBER,
    at: 10,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(notification)'].documentId, MEMBER), text: '封闭期间老人出入不便，请增加临时通道' }),
  },
  {
    name: 'filings.reply',
    fn: 'filings',
    action: 'reply',
    as: DEMO.head,
    at: 11,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(notification)'].documentId, MEMBER), text: '已在北侧增设临时通道并安排专人值守' }),
  },
  {
    name: 'filings.recordRefusal',
    fn: 'filings',
    action: 'recordRefusal',
    as: DEMO.butler,
    at: 12,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(notification)'].documentId, M22), reason: '委员表示不认可该决定，拒绝签收' }),
  },
  {
    name: 'filings.publishToOwners',
    fn: 'filings',
    action: 'publishToOwners',
    as: DEMO.head,
    at: 13,
    payload: (r) => ({ documentId: r['filings.send(notification)'].documentId }),
  },
  {
    name: 'filings.revise',
    fn: 'filings',
    action: 'revise',
    as: DEMO.head,
    at: 14,
    payload: (r) => ({ documentId: r['filings.send(notification)'].documentId }),
  },
  { name: 'filings.send(correction)', fn: 'filings', action: 'send', as: DEMO.head, at: 15, payload: (r) => ({ documentId: r['filings.revise'].documentId }) },
  {
    name: 'filings.saveDraft(opinion)',
    fn: 'filings',
    action: 'saveDraft',
    as: DEMO.butler,
    at: 16,
    payload: () => ({ kind: 'opinion_request', title: '2027年度绿化养护方案', body: '请各位委员审阅并反馈意见。', responseBy: '2026-11-24' }),
  },
  {
    name: 'filings.send(opinion)',
    fn: 'filings',
    action: 'send',
    as: DEMO.butler,
    at: 17,
    payload: (r) => ({ documentId: r['filings.saveDraft(opinion)'].documentId }),
  },
  {
    name: 'filings.answer',
    fn: 'filings',
    action: 'answer',
    as: VICE,
    at: 18,
    payload: (r) => ({ deliveryId: deliveryId(r['filings.send(opinion)'].documentId, VICE), choice: 'comment', text: '建议增加雨季排水检查' }),
  },
  {
    name: 'filings.saveDraft(fund filing)',
    fn: 'filings',
    action: 'saveDraft',
    as: DEMO.head,
    at: 19,
    payload: () => ({
      kind: 'filing',
      category: 'building_fund_repair',
      title: '3栋外墙渗漏中修',
      body: '预算18万元，使用本体维修基金。',
      plannedStart: '2026-12-15',
    }),
  },
  {
    name: 'filings.send(fund filing)',
    fn: 'filings',
    action: 'send',
    as: DEMO.head,
    at: 20,
    payload: (r) => ({ documentId: r['filings.saveDraft(fund filing)'].documentId }),
  },
  {
    name: 'filings.decide',
    fn: 'filings',
    action: 'decide',
    as: DEMO.head,
    at: 21,
    payload: (r) => ({
      documentId: r['filings.send(fund filing)'].documentId,
      // Approval of a fund filing needs a resolution (test/integration/meetings); a rejection records the vote.
      result: 'rejected',
      vote: { present: 4, agree: 1, against: 3, decidedOn: '2026-11-19' },
    }),
  },

  {
    name: 'inquiries.ask',
    fn: 'inquiries',
    action: 'ask',
    as: DEMO.owner,
    at: 22,
    payload: () => ({ channel: 'owner', kind: 'request', text: '2单元楼道灯不亮，晚上回家很不方便' }),
  },
  {
    name: 'inquiries.assign',
    fn: 'inquiries',
    action: 'assign',
    as: DEMO.head,
    at: 23,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, assigneeId: DEMO.butler }),
  },
  {
    name: 'inquiries.classify',
    fn: 'inquiries',
    action: 'classify',
    as: DEMO.butler,
    at: 24,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, classification: 'reasonable' }),
  },
  {
    name: 'inquiries.followUp',
    fn: 'inquiries',
    action: 'followUp',
    as: DEMO.owner,
    at: 25,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, text: '今晚能修好吗？' }),
  },
  {
    name: 'inquiries.answer',
    fn: 'inquiries',
    action: 'answer',
    as: DEMO.butler,
    at: 26,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, text: '已更换灯泡，请查看' }),
  },
  {
    name: 'inquiries.rate',
    fn: 'inquiries',
    action: 'rate',
    as: DEMO.owner,
    at: 27,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, satisfied: false }),
  },
  {
    name: 'inquiries.reopen',
    fn: 'inquiries',
    action: 'reopen',
    as: DEMO.owner,
    at: 28,
    payload: (r) => ({ inquiryId: r['inquiries.ask'].inquiryId, reason: '三楼的灯还是不亮' }),
  },
  {
    name: 'inquiries.ask(committee)',
    fn: 'inquiries',
    action: 'ask',
    as: MEMBER,
    at: 29,
    payload: () => ({ channel: 'committee', kind: 'query', text: '请说明10月公共收益的使用情况' }),
  },
  {
    name: 'inquiries.classify(escalate)',
    fn: 'inquiries',
    action: 'classify',
    as: DEMO.head,
    at: 30,
    payload: (r) => ({ inquiryId: r['inquiries.ask(committee)'].inquiryId, classification: 'cannot_resolve', text: '涉及开发商保修责任，需公司层面协调' }),
  },

  {
    name: 'workbench.setCalendarDay',
    fn: 'workbench',
    action: 'setCalendarDay',
    as: DEMO.gm,
    at: 31,
    payload: () => ({ date: '2026-12-24', kind: 'holiday', name: '临时假日' }),
  },
  { name: 'workbench.generate', fn: 'workbench', action: 'generate', as: DEMO.head, at: 32, payload: () => ({}) },
  {
    name: 'workbench.assign',
    fn: 'workbench',
    action: 'assign',
    as: DEMO.head,
    at: 33,
    payload: async (_r, store) => ({ taskId: (await firstObligation(store))._id, assigneeId: DEMO.butler }),
  },
  {
    name: 'workbench.markDone',
    fn: 'workbench',
    action: 'markDone',
    as: DEMO.butler,
    at: 34,
    payload: async (_r, store) => ({ taskId: (await firstObligation(store))._id, note: '已书面送达各委员' }),
  },

  { name: 'alerts.consent', fn: 'alerts', action: 'consent', as: MEMBER, at: 35, payload: () => ({ templateKey: 'deadline', accepted: true }) },
  { name: 'alerts.consent(again)', fn: 'alerts', action: 'consent', as: MEMBER, at: 36, payload: () => ({ templateKey: 'deadline', accepted: true }) },
  {
    name: 'alerts.markRead',
    fn: 'alerts',
    action: 'markRead',
    as: M29,
    at: 37,
    payload: async (_r, store) => {
      const [item] = await store.find('inbox', { personId: M29 }, { sort: [['_id', 1]], limit: 1 });
      return { inboxId: item!._id };
    },
  },
  {
    name: 'fees.recordReminder',
    fn: 'fees',
    action: 'recordReminder',
    as: DEMO.butler,
    at: 38,
    payload: async (_r, store) => {
      const [bill] = await store.find('bills', { buildingId: 'b_demo_1', status: 'unpaid' }, { sort: [['_id', 1]], limit: 1 });
      return { roomId: bill!.roomId, channel: 'slip', outcome: '已送达催缴单' };
    },
  },
  // Four days on (Tue 24 Nov): the opinion request is due today, its reminders go out.
  { name: 'alerts.sweep', fn: 'alerts', action: 'sweep', as: DEMO.head, at: 4 * 24 * 60, payload: () => ({}) },
];

async function firstObligation(store: Storage): Promise<ObligationRecord> {
  const [task] = await store.find(
    'obligations',
    { communityId: 'c_demo' },
    {
      sort: [
        ['dueDate', 1],
        ['_id', 1],
      ],
      limit: 1,
    },
  );
  return task!;
}

/** One fixed request id per step, so runs are deterministic and retries name the same action. */
export const requestIdOf = (i: number): string => `crash-test-step-${String(i).padStart(3, '0')}`;
