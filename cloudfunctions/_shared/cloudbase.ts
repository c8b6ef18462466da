import * as tcb from '@cloudbase/node-sdk';
import { systemClock, type Runtime } from './runtime';
import { newId } from './ids';
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
  return {
    mode: 'cloudbase',
    store: createCloudbaseStorage(app.database() as unknown as CloudbaseDb),
    clock: systemClock,
    async identify(context) {
      // The platform puts the mini-program user's OPENID into the function's environment/context.
      const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
      return ctx.WX_OPENID || null;
    },
    requestTime: () => systemClock.now(),
    newId,
  };
}
