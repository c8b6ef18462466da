import Taro from '@tarojs/taro';
import type { ActionName, Api, FunctionName } from '@domain/api';
import type { InputOf, ResultOf } from '@domain/api/contract';
import type { Envelope } from '@domain/envelope';
import { ERROR_MESSAGES } from '@domain/errors';
import { hasOwn } from '@domain/own';
import { RETRYABLE_CODES, retryFixes } from '@domain/retry';

/** `NETWORK` is the client's own code; every other code comes from the server's catalogue. */
export type ClientErrorCode = keyof typeof ERROR_MESSAGES;

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details?: unknown;

  constructor(code: ClientErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// Storage keys for local-mode demo state. Kept here because only the transport reads them per request.
export const DEV_TOKEN_KEY = 'wy.devToken';
export const DEV_NOW_KEY = 'wy.devNow';

export const isWeapp = process.env.TARO_ENV === 'weapp';

export function getDevToken(): string | null {
  const v = Taro.getStorageSync(DEV_TOKEN_KEY) as unknown;
  return typeof v === 'string' && v.length > 0 ? v : null;
}

export function setDevToken(token: string | null): void {
  if (token) Taro.setStorageSync(DEV_TOKEN_KEY, token);
  else Taro.removeStorageSync(DEV_TOKEN_KEY);
}

/** The demo clock as an ISO string, or null when the real time is used. */
export function getDevNow(): string | null {
  const v = Taro.getStorageSync(DEV_NOW_KEY) as unknown;
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** The demo clock in epoch ms, or null when none (or an unreadable one) is set. */
export function devNowMs(): number | null {
  const ms = Date.parse(getDevNow() ?? '');
  return Number.isFinite(ms) ? ms : null;
}

/** The moment the functions see for this client: the demo clock when set, else the real time. */
export function appNow(): number {
  return devNowMs() ?? Date.now();
}

export function setDevNow(iso: string | null): void {
  if (iso) Taro.setStorageSync(DEV_NOW_KEY, iso);
  else Taro.removeStorageSync(DEV_NOW_KEY);
}

/** Thrown by a transport when nothing usable came back, so `call` knows a retry may help. */
class TransportError extends Error {}

/**
 * One id per user action, made before the first attempt and sent again with every retry: the
 * functions store each write's reply under it, so a retry after a lost reply writes nothing twice.
 */
export function newRequestId(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('');
  return `r${Date.now().toString(36)}${random}`.slice(0, 40);
}

interface Outgoing {
  action: string;
  payload: unknown;
  requestId: string;
}

async function sendWeapp(fn: string, data: Outgoing): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data });
    return res.result;
  } catch (e) {
    throw new TransportError(String(e));
  }
}

async function sendH5(fn: string, data: Outgoing): Promise<unknown> {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const token = getDevToken();
  if (token) header['x-dev-openid'] = token;
  const devNow = getDevNow();
  if (devNow) header['x-dev-now'] = devNow;
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.request({ url: `/api/${fn}`, method: 'POST', header, data, dataType: 'json' });
  } catch (e) {
    throw new TransportError(String(e));
  }
  // The host answers every action with HTTP 200 and an envelope; anything else is a broken transport.
  if (res.statusCode !== 200) throw new TransportError(`HTTP ${res.statusCode}`);
  return res.data;
}

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

// Pages show an error by its text: the texts of errors a retry can fix (retry.ts) are the ones offered 重试.
const RETRYABLE = new Set<string>(RETRYABLE_CODES.map((c) => ERROR_MESSAGES[c]));
export const retryHelps = (text: string): boolean => RETRYABLE.has(text);

const RETRIES = 2;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one way pages reach the cloud functions. Typed by the shared contract, so a wrong action name or
 * payload is a compile error. Throws `ApiError` with the server's Chinese message.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, payload: InputOf<Api[F][A]>): Promise<ResultOf<Api[F][A]>> {
  const send = isWeapp ? sendWeapp : sendH5;
  const outgoing: Outgoing = { action, payload, requestId: newRequestId() };
  for (let attempt = 0; ; attempt++) {
    let raw: unknown;
    try {
      raw = await send(fn, outgoing);
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      // Only transport failures are retried: an error envelope is the server's answer and would repeat.
      if (attempt >= RETRIES) throw new ApiError('NETWORK', ERROR_MESSAGES.NETWORK);
      await sleep(400 * 2 ** attempt);
      continue;
    }
    if (!isEnvelope(raw)) throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL, raw);
    if (!raw.ok && raw.error.code === 'REQUEST_IN_PROGRESS' && attempt < RETRIES + 2) {
      // An earlier attempt of this very action is still being stored: wait for it rather than act twice.
      await sleep(1000 * (attempt + 1));
      continue;
    }
    if (!raw.ok) {
      const { code, message, details } = raw.error;
      const text = message || ERROR_MESSAGES[code] || ERROR_MESSAGES.INTERNAL;
      if (retryFixes(code)) RETRYABLE.add(text);
      throw new ApiError(hasOwn(ERROR_MESSAGES, code) ? code : 'INTERNAL', text, details);
    }
    return raw.data as ResultOf<Api[F][A]>;
  }
}

/** Chinese text for any thrown value; unexpected errors never show English or a stack to the user. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return ERROR_MESSAGES.INTERNAL;
}

/** Shows an error the same way on every page. */
export function showError(e: unknown): void {
  if (!isApiError(e)) console.error(e);
  void Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 2500 });
}
