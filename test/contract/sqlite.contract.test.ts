import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { StoredRecord } from '@domain/model';
import { closeSqliteStorage, createSqliteStorage, SQLITE_FILE } from '../../cloudfunctions/_shared/storage/sqlite';
import { importNedbFolder, NEDB_IMPORTED } from '../../cloudfunctions/_shared/storage/from-nedb';
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { rawStorage } from '../../cloudfunctions/_shared/storage/port';
import { describePagingContract } from './paging.contract';
import { describeStorageContract } from './storage.contract';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-sqlite-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describeStorageContract('SQLite in memory', () => createSqliteStorage());
describeStorageContract('SQLite in a folder', () => createSqliteStorage(tempDir()));
describePagingContract('SQLite in memory', () => createSqliteStorage());
describePagingContract('SQLite in a folder', () => createSqliteStorage(tempDir()));

describe('SQLite in a folder: persistence', () => {
  interface Note extends StoredRecord {
    text: string;
    nested?: { a: number };
  }

  it('keeps inserts and updates when a fresh adapter opens the same folder', async () => {
    const dir = tempDir();
    const first = rawStorage(createSqliteStorage(dir));
    await first.insert<Note>('counters', { _id: 'n1', text: '第一条', nested: { a: 1 } });
    await first.insert<Note>('counters', { _id: 'n2', text: '第二条' });
    expect(await first.update<Note>('counters', 'n1', 1, { text: '改过', nested: { a: 2 } })).toBe(true);
    // Every write is committed before its promise resolves: a second adapter is what a restart looks like.
    const reopened = rawStorage(createSqliteStorage(dir));
    expect(await reopened.get<Note>('counters', 'n1')).toMatchObject({ text: '改过', nested: { a: 2 }, version: 2 });
    expect(await reopened.get<Note>('counters', 'n2')).toMatchObject({ text: '第二条', version: 1 });
    expect(await reopened.count('counters')).toBe(2);
    await expect(reopened.insert<Note>('counters', { _id: 'n2', text: 'again' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect(fs.existsSync(path.join(dir, SQLITE_FILE))).toBe(true);
  });

  it('opens a folder a killed process left locked', async () => {
    const dir = tempDir();
    const first = createSqliteStorage(dir);
    await rawStorage(first).insert<Note>('counters', { _id: 'n1', text: 'x' });
    closeSqliteStorage(first);
    // What a killed owner leaves: its lock folder and its pid, no longer running.
    fs.mkdirSync(path.join(dir, `${SQLITE_FILE}.lock`));
    fs.writeFileSync(path.join(dir, `${SQLITE_FILE}.owner`), String(spawnSync('true').pid));
    expect(await rawStorage(createSqliteStorage(dir)).get<Note>('counters', 'n1')).toMatchObject({ text: 'x' });
  });

  it('refuses a folder another live process holds, and opens it once that process closes it', async () => {
    const dir = tempDir();
    const mine = createSqliteStorage(dir);
    await rawStorage(mine).insert<Note>('counters', { _id: 'n1', text: 'x' });
    // Jest's parent process stands in for another live owner.
    fs.writeFileSync(path.join(dir, `${SQLITE_FILE}.owner`), String(process.ppid));
    expect(() => createSqliteStorage(dir)).toThrow(/in use by process/);
    closeSqliteStorage(mine);
    expect(fs.existsSync(path.join(dir, `${SQLITE_FILE}.lock`))).toBe(false);
    expect(await rawStorage(createSqliteStorage(dir)).get<Note>('counters', 'n1')).toMatchObject({ text: 'x' });
  });

  it('enforces declared unique keys, single and compound, after a reopen', async () => {
    const dir = tempDir();
    interface PersonLike extends StoredRecord {
      openid: string;
    }
    interface EntryLike extends StoredRecord {
      communityId: string;
      seq: number;
    }
    const first = rawStorage(createSqliteStorage(dir));
    await first.insert<PersonLike>('people', { _id: 'p1', openid: 'o-1' });
    await first.insert<EntryLike>('archive', { _id: 'a1', communityId: 'c1', seq: 1 });
    const reopened = rawStorage(createSqliteStorage(dir));
    await expect(reopened.insert<PersonLike>('people', { _id: 'p2', openid: 'o-1' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(reopened.insert<EntryLike>('archive', { _id: 'a2', communityId: 'c1', seq: 1 })).rejects.toMatchObject({ code: 'DUPLICATE' });
    await reopened.insert<EntryLike>('archive', { _id: 'a3', communityId: 'c2', seq: 1 });
    expect(await reopened.count('people')).toBe(1);
    expect(await reopened.count('archive')).toBe(2);
  });
});

describe('SQLite: array fields and indexes', () => {
  interface Entry extends StoredRecord {
    communityId: string;
    seq: number;
    words?: string[];
    type?: string;
    at?: number;
  }

  it('matches an element of an indexed array field through its element table, before and after the field is first seen as an array', async () => {
    const store = rawStorage(createSqliteStorage(tempDir()));
    await store.insert<Entry>('archive', { _id: 'a1', communityId: 'c1', seq: 1, words: ['东门', '改造'] });
    await store.insert<Entry>('archive', { _id: 'a2', communityId: 'c1', seq: 2, words: ['停车'] });
    await store.insert<Entry>('archive', { _id: 'a3', communityId: 'c2', seq: 1, words: ['东门'] });
    expect((await store.find<Entry>('archive', { communityId: 'c1', words: '东门' })).map((e) => e._id)).toEqual(['a1']);
    expect(await store.count('archive', { words: { $in: ['停车', '改造'] } })).toBe(2);
    expect(await store.update<Entry>('archive', 'a1', 1, { words: ['西门'] })).toBe(true);
    expect(await store.count('archive', { words: '东门' })).toBe(1);
    expect(await store.count('archive', { words: '西门' })).toBe(1);
  });

  it('answers a typical page and a capped count from an index, read in order and stopping at the limit', async () => {
    const dir = tempDir();
    const typed = createSqliteStorage(dir);
    const store = rawStorage(typed);
    await store.insert<Entry>('archive', { _id: 'a1', communityId: 'c1', seq: 1, type: 'x', at: 5 });
    await store.insert<Entry>('archive', { _id: 'a2', communityId: 'c1', seq: 2, type: 'x', at: 5 });
    // The SQL the adapter runs, as it runs it.
    const { Database } = await import('node-sqlite3-wasm');
    const proto = Database.prototype as unknown as { prepare(sql: string): unknown };
    const prepare = proto.prepare;
    const seen: string[] = [];
    proto.prepare = function (this: unknown, sql: string) {
      seen.push(sql);
      return prepare.call(this, sql);
    };
    try {
      const page = await store.page<Entry>('archive', { communityId: 'c1', type: 'x' }, { sort: [['at', -1]], limit: 1 });
      expect(page.items.map((e) => e._id)).toEqual(['a2']); // ties newest-first: the id runs the way `at` runs
      expect(await store.count('archive', { communityId: 'c1', type: 'x' }, { upTo: 1 })).toBe(1);
    } finally {
      proto.prepare = prepare;
    }
    const [pageSql, countSql] = [seen.find((q) => q.includes('ORDER BY')), seen.find((q) => q.includes('count(*)'))];
    // The plans SQLite chooses for them, read from a second connection on the same file.
    closeSqliteStorage(typed);
    const db = new Database(path.join(dir, SQLITE_FILE));
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    const planOf = (sql: string | undefined): string =>
      db
        .all(`EXPLAIN QUERY PLAN ${sql!}`)
        .map((r) => String(r.detail))
        .join('\n');
    const [pagePlan, countPlan] = [planOf(pageSql), planOf(countSql)];
    db.close();
    expect(pagePlan).toMatch(/USING INDEX i_archive__communityId__type__at__id/);
    expect(pagePlan).not.toMatch(/^SCAN c_archive$/m);
    // No sort of what matches: ties on `at` are in index order too, so the read stops at the limit.
    expect(pagePlan).not.toMatch(/TEMP B-TREE/);
    expect(countSql).toMatch(/LIMIT 1\)/);
    expect(countPlan).toMatch(/USING (COVERING )?INDEX i_archive__communityId__type__at__id/);
  });
});

describe('SQLite: carrying a NeDB data folder over', () => {
  interface Note extends StoredRecord {
    text: string;
    ops?: string[];
  }

  it('moves every record across once, versions and ops kept, and sets the old files aside', async () => {
    const dir = tempDir();
    const old = rawStorage(createNedbStorage(dir));
    await old.insert<Note>('counters', { _id: 'n1', text: 'a' });
    await old.increment('counters', 'n1', {}, { text: 'b' }, 'op_1');
    await old.insert<Note>('inquiries', { _id: 'q1', text: 'c' });
    const store = createSqliteStorage(dir);
    expect(await importNedbFolder(dir, store)).toBe(2);
    expect(await rawStorage(store).get<Note>('counters', 'n1')).toMatchObject({ text: 'b', version: 2, ops: ['op_1'] });
    expect(await rawStorage(store).update<Note>('counters', 'n1', 2, { text: 'c' })).toBe(true);
    expect(await rawStorage(store).count('inquiries')).toBe(1);
    expect(fs.existsSync(path.join(dir, 'counters.db'))).toBe(false);
    expect(fs.existsSync(path.join(dir, NEDB_IMPORTED, 'counters.db'))).toBe(true);
    expect(await importNedbFolder(dir, store)).toBe(0);
  });
});
