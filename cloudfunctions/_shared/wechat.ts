import type { SendResult } from '@domain/alerts/delivery';
import * as cloud from 'wx-server-sdk';
import type { MiniCodeMaker, SubscribeMessage, SubscribeSender } from './runtime';

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
let initialised = false;
function initCloud(options: WechatSenderOptions): void {
  if (initialised) return;
  cloud.init({
    env: options.env ?? (process.env.TCB_ENV || cloud.DYNAMIC_CURRENT_ENV),
    ...(options.secretId ? { secretId: options.secretId, secretKey: options.secretKey } : {}),
  } as Parameters<typeof cloud.init>[0]);
  initialised = true;
}

export function createWechatSender(options: WechatSenderOptions = {}): SubscribeSender {
  return {
    async send(message: SubscribeMessage): Promise<SendResult> {
      initCloud(options);
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

/**
 * The invitation's mini-program code through the same documented cloud-call route:
 * `cloud.openapi.wxacode.getUnlimited` (config.json permissions.openapi lists `wxacode.getUnlimited`
 * for the admin function). The answer is the image's bytes in `buffer`; a refusal comes back thrown
 * with WeChat's errcode (41030: the page is not in the released mini-program).
 */
export function createMiniCodeMaker(options: WechatSenderOptions = {}): MiniCodeMaker {
  return async ({ scene, page }) => {
    initCloud(options);
    try {
      const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion: 'release', width: 430 })) as {
        buffer?: Buffer | Uint8Array;
        contentType?: string;
      };
      if (!res?.buffer || res.buffer.length === 0) return { ok: false, reason: '微信未返回小程序码' };
      const type = res.contentType || 'image/jpeg';
      return { ok: true, kind: 'wxacode', dataUrl: `data:${type};base64,${Buffer.from(res.buffer).toString('base64')}` };
    } catch (e) {
      const err = (e ?? {}) as CloudSdkError;
      return { ok: false, reason: `小程序码生成失败（${err.errCode ?? ''} ${err.errMsg ?? (e instanceof Error ? e.message : String(e))}）`.trim() };
    }
  };
}
