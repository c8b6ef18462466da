import * as fs from 'fs';
import * as path from 'path';
import { AppError } from '@domain/errors';
import { systemClock, type Clock, type Runtime } from './runtime';
import { newId } from './ids';
import { localQrCode } from './local-qr';
import { createSqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/port';

/** What the local host puts in `context`: who is logged in (dev login) and, optionally, a moved clock. */
export interface LocalContext {
  devOpenid?: string;
  devNow?: number;
  /** Set only by in-process callers standing in for the platform timer (tests); the HTTP host never sets it. */
  devTimer?: boolean;
}

export interface LocalRuntimeOptions {
  /** Folder for the embedded store; omitted → `DATA_DIR` or `.data/` in the working directory. */
  dataDir?: string;
  store?: Storage;
  clock?: Clock;
  /** Where uploads are kept; omitted → `<dataDir>/files`, as the local host stores them. */
  filesDir?: string;
}

export function createLocalRuntime(options: LocalRuntimeOptions = {}): Runtime {
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? path.resolve('.data');
  const store = options.store ?? createSqliteStorage(dataDir);
  const filesDir = options.filesDir ?? path.join(dataDir, 'files');
  const clock = options.clock ?? systemClock;
  return {
    mode: 'local',
    store,
    clock,
    async identify(context) {
      const openid = (context as LocalContext | undefined)?.devOpenid;
      return typeof openid === 'string' && openid.length > 0 ? openid : null;
    },
    fromTimer(context) {
      const c = context as LocalContext | undefined;
      return c?.devTimer === true && !c.devOpenid;
    },
    requestTime(context) {
      const devNow = (context as LocalContext | undefined)?.devNow;
      return typeof devNow === 'number' && Number.isFinite(devNow) ? devNow : clock.now();
    },
    newId,
    miniCode: localQrCode,
    async readFile(fileId) {
      // Only names the local host gives uploads: no path can leave the files folder.
      const m = /^local:([a-z0-9]+(\.[a-z0-9]+)?)$/.exec(fileId);
      const file = m ? path.join(filesDir, m[1]) : null;
      if (!file || !fs.existsSync(file)) throw new AppError('IMPORT_FILE_UNREADABLE');
      return fs.promises.readFile(file);
    },
    async saveFile(_folder, name, bytes) {
      // The host serves only flat lower-case names from its files folder (`/files/<name>`).
      const ext = /\.[a-z0-9]+$/i.exec(name)?.[0].toLowerCase() ?? '';
      const flat = `${name
        .slice(0, name.length - ext.length)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')}${ext}`;
      await fs.promises.mkdir(filesDir, { recursive: true });
      await fs.promises.writeFile(path.join(filesDir, flat), bytes);
      return `local:${flat}`;
    },
  };
}
