import { alertsApi } from './alerts';
import { feesApi } from './fees';
import { sessionApi } from './session';

/** Every cloud function and its actions. Adding an action starts here (see README "How to add an action"). */
export const API = {
  session: sessionApi,
  fees: feesApi,
  alerts: alertsApi,
};

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export const FUNCTION_NAMES = Object.keys(API) as FunctionName[];
