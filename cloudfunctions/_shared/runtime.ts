import type { EpochMs } from '@domain/model';
import type { Storage } from './storage/port';
import type { SendResult } from '@domain/alerts/delivery';

export interface Clock {
  now(): EpochMs;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * What a function needs from its surroundings, chosen once per process: CloudBase in production,
 * the embedded store when `APP_RUNTIME=local` (the local host and the tests).
 */
export interface Runtime {
  mode: 'local' | 'cloudbase';
  store: Storage;
  clock: Clock;
  /** The platform identity of the caller (OPENID), or null. Never read from the event. */
  identify(context: unknown): Promise<string | null>;
  /**
   * True only when the platform itself says the timer trigger started this invocation. Read from
   * the invocation's context, never from the event: an event body is whatever the caller sent.
   */
  fromTimer(context: unknown): boolean;
  /** The moment this request happens at; local mode honours a dev time sent by the local host. */
  requestTime(context: unknown): EpochMs;
  newId(prefix: string): string;
  /** The bytes of a file the app uploaded (CloudBase storage; locally the host's files folder). */
  readFile(fileId: string): Promise<Buffer>;
  /**
   * Stores a file the function made (a PDF export) where the app can fetch it, under a name the
   * caller makes unique per request (`newId`), so a retried request overwrites its own file.
   * Returns its fileId (`cloud://…`; locally `local:…`, served by the host at `/files/…`).
   */
  saveFile(folder: string, name: string, bytes: Uint8Array): Promise<string>;
  /** Sends WeChat subscribe messages; absent locally, where alerts land in the message centre only. */
  wechat?: SubscribeSender;
  /** Draws an invitation's scannable code: WeChat's mini-program code in production, a QR of the link locally. */
  miniCode?: MiniCodeMaker;
}

/** `scene` (≤ 32 visible characters) and `page` (no leading slash, no query) as wxacode.getUnlimited takes them; `link` for a local QR. */
export interface MiniCodeRequest {
  scene: string;
  page: string;
  link: string;
}
export type MiniCodeResult = { ok: true; kind: 'wxacode' | 'local'; dataUrl: string } | { ok: false; reason: string };
export type MiniCodeMaker = (req: MiniCodeRequest) => Promise<MiniCodeResult>;

/** One subscribeMessage.send request, as WeChat documents its body. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page the message opens, without a leading slash, with its query. */
  page?: string;
  data: Record<string, { value: string }>;
}

/** The WeChat side of an alert. Production: wx-server-sdk (`_shared/wechat.ts`); tests: a fake. */
export interface SubscribeSender {
  /** Sends once, never retrying: a retry after a lost answer could deliver twice. */
  send(message: SubscribeMessage): Promise<SendResult>;
}
