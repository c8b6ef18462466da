import { filingsApi } from '@domain/api/filings';
import { inquiriesApi } from '@domain/api/inquiries';
import { composeDateBounds, composeProblems } from '@domain/compose-check';
import type { DocumentContent } from '@domain/documents';
import { eventSentence } from '@domain/event-sentence';
import { HANDLING_CHOICES, handlingCalls, handlingChoices, presetChoice } from '@domain/inquiry-handling';
import { counterText, TEXT_LIMITS, textProblem } from '@domain/limits';
import { ownerCategoryTitle } from '@domain/owner-wording';
import { forbiddenMessage } from '@domain/who-may';

const NONE = { classify: false, answer: false, explain: false, escalate: false };

describe('text limits: the page and the server say the same', () => {
  it('counts the trimmed text and words its problems as the contract does', () => {
    expect(counterText('  楼道灯  ', 1000)).toBe('3/1000');
    expect(textProblem('   ', '答复内容', 10)).toBe('请填写答复内容');
    expect(textProblem('一二三四五六七八九十一', '答复内容', 10)).toBe('答复内容不能超过10个字');
    expect(textProblem('', '逾期原因', 10, false)).toBeNull();
  });

  it.each([
    ['inquiries.answer', inquiriesApi.answer.input, { inquiryId: 'i', text: 'x'.repeat(TEXT_LIMITS.inquiryAnswer + 1) }, '答复内容', TEXT_LIMITS.inquiryAnswer],
    ['filings.reply', filingsApi.reply.input, { deliveryId: 'd', text: 'x'.repeat(TEXT_LIMITS.objectionReply + 1) }, '答复内容', TEXT_LIMITS.objectionReply],
    [
      'filings.recordRefusal',
      filingsApi.recordRefusal.input,
      { deliveryId: 'd', reason: 'x'.repeat(TEXT_LIMITS.refusalReason + 1) },
      '拒签原因',
      TEXT_LIMITS.refusalReason,
    ],
  ])('%s refuses one character over the limit with the page’s own message', (_name, schema, payload, label, max) => {
    const r = schema.safeParse(payload);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(textProblem('x'.repeat(max + 1), label, max));
  });
});

describe('handling an inquiry: one guided step', () => {
  it('offers the three treatments on a new inquiry, and each submit makes the right calls', () => {
    const can = { ...NONE, classify: true };
    expect(handlingChoices(can).map((c) => c.key)).toEqual(['reasonable', 'unreasonable', 'cannot_resolve']);
    expect(presetChoice(can)).toBeNull();
    expect(handlingCalls('reasonable', can)).toEqual([{ action: 'classify', classification: 'reasonable', withText: false }, { action: 'answer' }]);
    expect(handlingCalls('unreasonable', can)).toEqual([{ action: 'classify', classification: 'unreasonable', withText: true }]);
    expect(handlingCalls('cannot_resolve', can)).toEqual([{ action: 'classify', classification: 'cannot_resolve', withText: true }]);
  });

  it('an accepted inquiry opens on the answer form, with escalation still possible', () => {
    const can = { ...NONE, answer: true, escalate: true };
    expect(handlingChoices(can).map((c) => c.key)).toEqual(['reasonable', 'cannot_resolve']);
    expect(presetChoice(can)).toBe('reasonable');
    expect(handlingCalls('reasonable', can)).toEqual([{ action: 'answer' }]);
  });

  it('offers nothing when nothing may be done, and states each rule beside its form', () => {
    expect(handlingChoices(NONE)).toEqual([]);
    expect(HANDLING_CHOICES.reasonable.rule).toContain('3个工作日内');
    expect(HANDLING_CHOICES.cannot_resolve.rule).toContain('总经理');
    expect(HANDLING_CHOICES.reasonable.max).toBe(TEXT_LIMITS.inquiryAnswer);
  });
});

describe('compose: every problem before the send confirmation', () => {
  const base: DocumentContent = {
    kind: 'notification',
    title: '东门临时封闭',
    body: '请从南门出入',
    attachments: [],
    category: 'major_change',
    eventDate: '2026-11-19',
  };

  it('passes a complete notification and reports each missing or wrong field by name', () => {
    expect(composeProblems({ content: base, today: '2026-11-20', late: false, lateReason: '' })).toEqual({});
    expect(
      composeProblems({
        content: { ...base, title: ' ', category: undefined, body: '', eventDate: '2026-11-21' },
        today: '2026-11-20',
        late: false,
        lateReason: '',
      }),
    ).toEqual({ title: '请填写标题', category: '请选择通报类别', body: '请填写正文', eventDate: '事件发生日期不能晚于今天' });
    expect(composeProblems({ content: { ...base, body: 'x'.repeat(TEXT_LIMITS.documentBody + 1) }, today: '2026-11-20', late: false, lateReason: '' })).toEqual(
      {
        body: `正文不能超过${TEXT_LIMITS.documentBody}个字`,
      },
    );
  });

  it('asks a late filing for its reason; a late notification may go without one', () => {
    const filing: DocumentContent = { ...base, kind: 'filing', category: 'owner_interests', plannedStart: '2026-11-25', eventDate: undefined };
    expect(composeProblems({ content: filing, today: '2026-11-20', late: true, lateReason: '' })).toEqual({ lateReason: '已超过最迟申报日期，请填写逾期原因' });
    expect(composeProblems({ content: filing, today: '2026-11-20', late: true, lateReason: '台风' })).toEqual({});
    expect(composeProblems({ content: base, today: '2026-11-20', late: true, lateReason: '' })).toEqual({});
  });

  it('bounds the pickers by the rules: no future event, no past deadline or start; names the first on-time start', () => {
    expect(composeDateBounds('2026-11-20')).toEqual({
      plannedStart: { start: '2026-11-20', initial: '2026-11-20', onTimeFrom: '2026-12-05' },
      eventDate: {
        end: '2026-11-20',
        initial: '2026-11-20',
        quick: [
          { label: '今天', date: '2026-11-20' },
          { label: '昨天', date: '2026-11-19' },
        ],
      },
      responseBy: { start: '2026-11-20', initial: '2026-11-21' },
    });
  });
});

describe('who did what, in words for the reader', () => {
  it('names the member for their own acts and the centre for its acts on them', () => {
    expect(eventSentence({ type: 'objected', memberName: '王伟', actorName: '王伟', byMember: true, text: '不同意' })).toBe('王伟 提出异议：不同意');
    expect(eventSentence({ type: 'replied', memberName: '王伟', actorName: '周志强', byMember: false })).toBe('物业 周志强 答复 王伟 的异议');
    expect(eventSentence({ type: 'refusal_recorded', memberName: '王伟', actorName: '陈晓东', byMember: false })).toBe('物业 陈晓东 记录 王伟 拒签');
  });

  it('gives owners a plain category title, never the internal wording', () => {
    expect(ownerCategoryTitle('notification', 'major_change')).toBe('小区重要情况');
    expect(ownerCategoryTitle('filing', 'other')).toBe('服务中心工作事项');
    expect(ownerCategoryTitle('notification', 'other')).toBe('情况说明');
    expect(ownerCategoryTitle('notification', 'constructor')).toBe('');
    expect(ownerCategoryTitle('opinion_request', undefined)).toBe('');
  });

  it('a permission refusal names the roles that may act', () => {
    expect(forbiddenMessage(['head', 'general_manager'])).toBe('您没有权限执行此操作，可由服务中心负责人、总经理办理');
    expect(forbiddenMessage([])).toBe('您没有权限执行此操作');
  });
});
