/**
 * The length limits of every free-text field a person types, written once: the contract's zod schemas
 * are built from them (src/domain/api/*) and the pages count and check against them as the user types,
 * so the counter on screen and the server's refusal always agree. Zod-free, like paging.ts, so a page
 * can import it without pulling the schema library into its package.
 */
export const TEXT_LIMITS = {
  /** An owner's or member's question, suggestion or request. */
  inquiryText: 1000,
  followUp: 500,
  reopenReason: 500,
  /** The explanation or escalation reason given when classifying an inquiry. */
  classifyText: 1000,
  inquiryAnswer: 1000,
  documentTitle: 60,
  documentBody: 5000,
  lateReason: 500,
  objection: 1000,
  opinion: 1000,
  objectionReply: 2000,
  refusalReason: 500,
  outcomeNote: 500,
  /** A search box: archive, document list and staff queue. */
  searchText: 50,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** Attachments on one document, photos on one inquiry message. */
export const MAX_ATTACHMENTS = 10;

/** The messages the contract's `zText` gives, so the page says exactly what the server would. */
export const requiredMessage = (label: string): string => `请填写${label}`;
export const tooLongMessage = (label: string, max: number): string => `${label}不能超过${max}个字`;

/** The length the server counts: zod's `.trim().max()` counts UTF-16 units of the trimmed text. */
export const textLength = (value: string): number => value.trim().length;

/** What is wrong with a typed text, as the server would word it, or null when it would pass. */
export function textProblem(value: string, label: string, max: number, required = true): string | null {
  const n = textLength(value);
  if (required && n === 0) return requiredMessage(label);
  if (n > max) return tooLongMessage(label, max);
  return null;
}

/** "123/1000": shown under every long text field. */
export const counterText = (value: string, max: number): string => `${textLength(value)}/${max}`;
