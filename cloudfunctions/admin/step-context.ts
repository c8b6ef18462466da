import type { ActionContext } from '../_shared/function';

/** What an import step needs: a handler's context, or the timer's (`import-sweep.ts`). */
export type StepContext = Pick<ActionContext, 'rt' | 'store' | 'now' | 'audit'>;
