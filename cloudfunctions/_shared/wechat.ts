import type { SendResult } from '@domain/alerts/delivery';
import * as cloud from 'wx-server-sdk';
import type { SubscribeMessage, SubscribeSender } from './runtime';

/** What `cloud.init` takes here; the defaults are the function's own environment. */
export interface WechatSenderOptions {
  env?: string;
  secretId?: string;
  secretKey?: string;
}

/** What wx-server-sdk throws: WeChat's errcode (positive) or a platform/SDK code (negative). */
interface CloudSdkError {
  errCode?: number;
  errMsg?: string;
}

/**
 * Subscribe messages through the documented route for cloud functions: wx-server-sdk's
 * `cloud.openapi.subscribeMessage.send` (a "cloud call", 云调用: no access token of our own; the
 * function's config.json must list `subscribeMessage.send` under permissions.openapi). The SDK
 * sends `wx.openApi` through @cloudbase/node-sdk; WeChat's errcode comes back thrown as `errCode`.
 */
export function createWechatSender(options: WechatSenderOptions = {}): SubscribeSender {
  let ready = false;
  return {
    async send(message: SubscribeMessage): Promise<SendResult> {
      if (!ready) {
        cloud.init({
          env: options.env ?? (process.env.TCB_ENV || cloud.DYNAMIC_CURRENT_ENV),
          ...(options.secretId ? { secretId: options.secretId, secretKey: options.secretKey } : {}),
        } as Parameters<typeof cloud.init>[0]);
        ready = true;
      }
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          // The released mini-program; a message opening a trial build would need 'trial'.
          miniprogramState: 'formal',
          lang: 'zh_CN',
        });
        return { ok: true };
      } catch (e) {
        const err = (e ?? {}) as CloudSdkError;
        if (typeof err.errCode === 'number' && err.errCode > 0) return { ok: false, errcode: err.errCode, errmsg: err.errMsg ?? '' };
        // Negative codes are the platform's or the SDK's (timeouts, permission, network): no answer from WeChat.
        return { ok: false, network: `${err.errCode ?? ''} ${err.errMsg ?? (e instanceof Error ? e.message : String(e))}`.trim() };
      }
    },
  };
}
