/**
 * Handling an inquiry as one guided step: pick how the centre treats it, fill the one form that
 * treatment needs, submit. Which treatments a person is offered and which calls a submit makes both
 * follow from the record's abilities (`InquiryAbilities`, from the transition table on the server),
 * so the page offers one way to do each thing. Zod-free: the page imports it.
 */
import type { Classification } from './inquiry-labels';
import { TEXT_LIMITS } from './limits';
import { RULE_PHRASES } from './rules';

/** The abilities this needs (a subset of the view's `can`). */
export interface HandlingAbilities {
  classify: boolean;
  answer: boolean;
  explain: boolean;
  escalate: boolean;
}

export interface HandlingChoice {
  key: Classification;
  label: string;
  /** The rule book's sentence for this treatment, shown beside the form. */
  rule: string;
  /** The one text field of its form. */
  field: string;
  placeholder: string;
  max: number;
  /** Photos may go with an answer only. */
  photos: boolean;
  submitLabel: string;
  doneToast: string;
}

export const HANDLING_CHOICES: Record<Classification, HandlingChoice> = {
  reasonable: {
    key: 'reasonable',
    label: '合理：答复或解决',
    rule: `合理的质疑、建议、要求应当在${RULE_PHRASES.inquiryWithin}答复、解决。`,
    field: '答复内容',
    placeholder: '写明已做了什么、结果如何，将通知提问人',
    max: TEXT_LIMITS.inquiryAnswer,
    photos: true,
    submitLabel: '提交答复',
    doneToast: '已答复',
  },
  unreasonable: {
    key: 'unreasonable',
    label: '不合理：耐心解释',
    rule: '对不合理、合法的质疑、建议、要求应当耐心解释，不允许不耐烦或言语失礼。',
    field: '解释说明',
    placeholder: '耐心、细致地说明原因，说明会发给提问人并存档',
    max: TEXT_LIMITS.classifyText,
    photos: false,
    submitLabel: '提交解释说明',
    doneToast: '已提交解释说明',
  },
  cannot_resolve: {
    key: 'cannot_resolve',
    label: '无法解决：上报总经理',
    rule: '解决不了的问题，应当记录后迅速上报公司总经理，由总经理寻求解决方案。',
    field: '无法解决的原因',
    placeholder: '写明已做的努力和无法解决的原因，总经理据此处理',
    max: TEXT_LIMITS.classifyText,
    photos: false,
    submitLabel: '上报总经理',
    doneToast: '已上报总经理',
  },
};

/** The treatments offered now, in the rule book's order; empty when there is nothing to handle. */
export function handlingChoices(can: HandlingAbilities): HandlingChoice[] {
  const offered: Record<Classification, boolean> = {
    reasonable: can.classify || can.answer,
    unreasonable: can.classify || can.explain,
    cannot_resolve: can.classify || can.escalate,
  };
  return (Object.keys(HANDLING_CHOICES) as Classification[]).filter((k) => offered[k]).map((k) => HANDLING_CHOICES[k]);
}

export type HandlingCall = { action: 'classify'; classification: Classification; withText: boolean } | { action: 'answer' };

/**
 * The calls one submit makes, in order. An answer to an inquiry not yet accepted first records it as
 * reasonable (the rule book's classification is kept on the record), then answers it: one tap.
 */
export function handlingCalls(choice: Classification, can: HandlingAbilities): HandlingCall[] {
  if (choice === 'reasonable')
    return can.answer ? [{ action: 'answer' }] : [{ action: 'classify', classification: 'reasonable', withText: false }, { action: 'answer' }];
  return [{ action: 'classify', classification: choice, withText: true }];
}

/** When only one treatment is possible (e.g. answering an accepted inquiry), it is chosen already. */
export const presetChoice = (can: HandlingAbilities): Classification | null => {
  const offered = handlingChoices(can);
  if (offered.length === 1) return offered[0]!.key;
  return can.answer && !can.classify ? 'reasonable' : null;
};
