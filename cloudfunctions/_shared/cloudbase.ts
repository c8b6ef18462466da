import * as tcb from '@cloudbase/node-sdk';
import { AppError } from '@domain/errors';
import { systemClock, type Runtime } from './runtime';
import { newId } from './ids';
import { createMiniCodeMaker, createWechatSender } from './wechat';
import { createCloudbaseStorage, type CloudbaseDb } from './storage/cloudbase';

/**
 * Production: the CloudBase database and the caller's OPENID from the function's context.
 * Outside CloudBase (the contract tests) TCB_ENV / TCB_SECRET_ID / TCB_SECRET_KEY select the env.
 */
export function createCloudbaseApp(): ReturnType<typeof tcb.init> {
  return tcb.init({
    env: process.env.TCB_ENV || tcb.SYMBOL_CURRENT_ENV,
    ...(process.env.TCB_SECRET_ID ? { secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY } : {}),
  });
}

export function createCloudbaseRuntime(): Runtime {
  const app = createCloudbaseApp();
  const store = createCloudbaseStorage(app.database() as unknown as CloudbaseDb);
  return {
    mode: 'cloudbase',
    store,
    clock: systemClock,
    async identify(context) {
      // The platform puts the mini-program user's OPENID into the function's environment/context.
      // An unreadable context (not a real CloudBase invocation) carries no identity: refuse, don't crash.
      try {
        return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID || null;
      } catch {
        return null;
      }
    },
    fromTimer(context) {
      // TRIGGER_SRC is set by the platform per invocation ('timer' for a timer trigger; the node-sdk
      // itself relies on it to pick the timer's API token). A mini-program call always carries the
      // caller's OPENID, a timer never does: both must hold.
      try {
        const env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
        return env.TRIGGER_SRC === 'timer' && !env.WX_OPENID;
      } catch {
        return false;
      }
    },
    requestTime: () => systemClock.now(),
    newId,
    wechat: createWechatSender(
      process.env.TCB_SECRET_ID ? { env: process.env.TCB_ENV, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY } : {},
    ),
    miniCode: createMiniCodeMaker(
      process.env.TCB_SECRET_ID ? { env: process.env.TCB_ENV, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY } : {},
    ),
    async readFile(fileId) {
      if (!fileId.startsWith('cloud://')) throw new AppError('IMPORT_FILE_UNREADABLE');
      const res = await app.downloadFile({ fileID: fileId });
      if (res.fileContent === undefined) throw new AppError('IMPORT_FILE_UNREADABLE');
      return Buffer.isBuffer(res.fileContent) ? res.fileContent : Buffer.from(res.fileContent);
    },
    async saveFile(folder, name, bytes) {
      // Read by signed-in users through wx.cloud.downloadFile (storage rule `auth != null`); the
      // fileID is unguessable and handed only to the caller who asked for the export.
      const res = await app.uploadFile({ cloudPath: `${folder}/${name}`, fileContent: Buffer.from(bytes) });
      if (!res.fileID) throw new AppError('INTERNAL');
      return res.fileID;
    },
  };
}
