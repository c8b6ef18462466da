import { adminApi } from './admin';
import { alertsApi } from './alerts';
import { feesApi } from './fees';
import { filingsApi } from './filings';
import { inquiriesApi } from './inquiries';
import { meetingsApi } from './meetings';
import { sessionApi } from './session';
import { workbenchApi } from './workbench';

/** Every cloud function and its actions. Adding an action starts here (see README "How to add an action"). */
export const API = {
  session: sessionApi,
  fees: feesApi,
  alerts: alertsApi,
  filings: filingsApi,
  inquiries: inquiriesApi,
  workbench: workbenchApi,
  meetings: meetingsApi,
  admin: adminApi,
};

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export const FUNCTION_NAMES = Object.keys(API) as FunctionName[];
