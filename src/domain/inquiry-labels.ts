/**
 * The words of questions and requests, with no other imports, so pages can show them without
 * pulling the date library into the mini-program's main package.
 */
export type InquiryChannel = 'owner' | 'committee';

export const OWNER_KINDS = { consult: '咨询', suggestion: '建议', request: '要求', complaint: '投诉' } as const;
export const COMMITTEE_KINDS = { query: '质询', challenge: '质疑', suggestion: '建议', request: '要求', audit: '查账' } as const;
export type InquiryKind = keyof typeof OWNER_KINDS | keyof typeof COMMITTEE_KINDS;
export const INQUIRY_KINDS = [...new Set([...Object.keys(OWNER_KINDS), ...Object.keys(COMMITTEE_KINDS)])] as [InquiryKind, ...InquiryKind[]];
export const KIND_LABELS: Record<InquiryKind, string> = { ...OWNER_KINDS, ...COMMITTEE_KINDS };
export const CHANNEL_LABELS: Record<InquiryChannel, string> = { owner: '业主提问', committee: '业委会' };

export type InquiryStatus = 'received' | 'in_progress' | 'explained' | 'answered' | 'escalated' | 'accepted' | 'unsatisfied' | 'reopened';

export const STATUS_LABELS: Record<InquiryStatus, string> = {
  received: '待受理',
  in_progress: '处理中',
  explained: '已解释说明',
  answered: '已答复',
  escalated: '已上报总经理',
  accepted: '已满意',
  unsatisfied: '不满意',
  reopened: '已重新打开',
};

/** Waiting for the centre: these count against the due date. */
export const OPEN_STATUSES: readonly InquiryStatus[] = ['received', 'reopened', 'in_progress', 'escalated'];
/** The centre has responded; the asker may rate. */
export const AWAITING_RATING: readonly InquiryStatus[] = ['answered', 'explained'];

export type Classification = 'reasonable' | 'unreasonable' | 'cannot_resolve';
export const CLASSIFICATION_LABELS: Record<Classification, string> = { reasonable: '合理', unreasonable: '不合理', cannot_resolve: '无法解决' };

export const MAX_PHOTOS = 6;
