import { z } from 'zod';
import { requiredMessage, tooLongMessage } from '../limits';
import { DEFAULT_PAGE, MAX_PAGE_SIZE, type Paged } from '../paging';
// The function bundles keep only this language pack (scripts/build-functions.ts, chineseZodLocaleOnly).
import { zhCN } from 'zod/locales';
import type { Role } from '../roles';

// Validation messages the UI shows verbatim, so zod speaks Chinese in the app and in the functions.
z.config(zhCN());

/**
 * One action of one cloud function: its input schema (shared by the app's forms and the server) and,
 * as a phantom type, its result. `action<Result>()('说明', schema)` — curried so the result type is
 * given while the schema type is inferred.
 */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  summary: string;
  input: I;
  /** Never set at run time; carries the result type to the client and the handler. */
  readonly __result?: O;
}

export const action =
  <O>() =>
  <I extends z.ZodType>(summary: string, input: I): ActionSpec<I, O> => ({ summary, input });

export type InputOf<S> = S extends ActionSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedOf<S> = S extends ActionSpec<infer I, unknown> ? z.output<I> : never;
export type ResultOf<S> = S extends ActionSpec<z.ZodType, infer O> ? O : never;

/**
 * Who may call an action: `public` needs no identity (local dev login only), `identified` needs a
 * platform identity but no stored person yet (first visit), `signedIn` any known person, or a list of roles.
 */
export type Access = 'public' | 'identified' | 'signedIn' | readonly Role[];

/** The empty payload: strict, so a forged identity field (openid, personId…) is rejected, not ignored. */
export const noInput = z.strictObject({});

export const zId = z.string().trim().min(1, '缺少编号').max(64, '编号过长');
export { zKeyOf, zLocalDate, zMonth, zReportPeriod, zYear } from './fields';
export const zText = (label: string, max: number) => z.string().trim().min(1, requiredMessage(label)).max(max, tooLongMessage(label, max));
/** A cursor from the previous page's `next` (opaque; the server checks it). */
export const zCursor = z.string().max(512, '分页位置无效').optional();
/** Page sizes: what a list returns unless asked, and the most it returns (one mini-program setData stays small). */
export const zLimit = z.number().int().min(1).max(MAX_PAGE_SIZE).optional();
/** The paging fields of a list action's input; spread into its schema: `z.strictObject({ ...pageFields, … })`. */
export const pageFields = { limit: zLimit, after: zCursor };
export const zPage = z.strictObject(pageFields);

export { DEFAULT_PAGE, MAX_PAGE_SIZE, type Paged };
