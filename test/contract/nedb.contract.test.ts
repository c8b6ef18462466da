import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { StoredRecord } from '@domain/model';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { rawStorage } from '../../cloudfunctions/_shared/storage/port';
import { describePagingContract } from './paging.contract';
import { describeStorageContract } from './storage.contract';

describeStorageContract('NeDB in memory', () => createNedbStorage());

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-nedb-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describeStorageContract('NeDB in a folder', () => createNedbStorage(tempDir()));

describe('NeDB in a folder: persistence', () => {
  interface Note extends StoredRecord {
    text: string;
    nested?: { a: number };
  }

  it('keeps inserts and updates when a fresh adapter opens the same folder', async () => {
    const dir = tempDir();
    const first = rawStorage(createNedbStorage(dir));
    await first.insert<Note>('counters', { _id: 'n1', text: '第一条', nested: { a: 1 } });
    await first.insert<Note>('counters', { _id: 'n2', text: '第二条' });
    expect(await first.update<Note>('counters', 'n1', 1, { text: '改过', nested: { a: 2 } })).toBe(true);
    // The port has no close: NeDB appends every write to the file before resolving, so dropping
    // the first adapter and opening a second one is what a process restart looks like.
    const reopened = rawStorage(createNedbStorage(dir));
    expect(await reopened.get<Note>('counters', 'n1')).toMatchObject({ text: '改过', nested: { a: 2 }, version: 2 });
    expect(await reopened.get<Note>('counters', 'n2')).toMatchObject({ text: '第二条', version: 1 });
    expect(await reopened.count('counters')).toBe(2);
    // Unique keys survive the reopen too: the id is still taken.
    await expect(reopened.insert<Note>('counters', { _id: 'n2', text: 'again' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(fs.existsSync(path.join(dir, 'counters.db'))).toBe(true);
  });

  it('enforces a declared unique key after a reopen', async () => {
    const dir = tempDir();
    interface PersonLike extends StoredRecord {
      openid: string;
    }
    await rawStorage(createNedbStorage(dir)).insert<PersonLike>('people', { _id: 'p1', openid: 'o-1' });
    const reopened = rawStorage(createNedbStorage(dir));
    await expect(reopened.insert<PersonLike>('people', { _id: 'p2', openid: 'o-1' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(await reopened.count('people')).toBe(1);
  });
});

describePagingContract('NeDB in memory', () => createNedbStorage());
describePagingContract('NeDB in a folder', () => createNedbStorage(tempDir()));
