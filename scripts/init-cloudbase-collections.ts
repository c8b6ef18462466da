/**
 * One-off: creates every collection of COLLECTIONS in a CloudBase environment.
 *
 *   TCB_ENV=<env id> TCB_SECRET_ID=<id> TCB_SECRET_KEY=<key> npx tsx scripts/init-cloudbase-collections.ts
 *   npx tsx scripts/init-cloudbase-collections.ts --dry-run      # only print what it would do
 *
 * Why it exists: writing to a collection that does not exist fails in CloudBase, and the normal
 * way to create collections with their indexes and ACL, `tcb framework deploy` (the
 * framework-plugin-database declaration in cloudbaserc.json), needs a CLI with the framework
 * module. Where that is not available this script creates the collections; @cloudbase/node-sdk
 * has no index API, so it then prints the indexes to add in the console (数据库 → 集合 → 索引管理)
 * and the permission to set (安全规则: 仅管理员可读写). Running it again is harmless: existing
 * collections are reported and left alone.
 *
 * The secret key needs the CloudBase database permission; use a sub-account key, not the root one.
 */
import { createCloudbaseApp } from '../cloudfunctions/_shared/cloudbase';
import { collectionDeclarations } from './build-functions';

const REQUIRED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'];

type Outcome = 'created' | 'exists' | 'failed';

function looksLikeExists(message: string): boolean {
  return /exist|已存在/i.test(message);
}

async function createOne(db: { createCollection(name: string): unknown }, name: string): Promise<{ outcome: Outcome; detail?: string }> {
  try {
    const res = (await Promise.resolve(db.createCollection(name))) as { code?: string; message?: string } | undefined;
    if (res?.code) return looksLikeExists(`${res.code} ${res.message ?? ''}`) ? { outcome: 'exists' } : { outcome: 'failed', detail: `${res.code}: ${res.message ?? ''}` };
    return { outcome: 'created' };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const text = `${err.code ?? ''} ${err.message ?? String(e)}`;
    return looksLikeExists(text) ? { outcome: 'exists' } : { outcome: 'failed', detail: text.trim() };
  }
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const declarations = collectionDeclarations();

  if (!dryRun) {
    const missing = REQUIRED.filter((k) => !(process.env[k] ?? '').trim());
    if (missing.length) {
      console.error(`Missing ${missing.join(', ')}. Set them (or pass --dry-run to see the plan).`);
      process.exit(2);
    }
  }

  console.log(dryRun ? 'Dry run: collections to create' : `Creating collections in ${process.env.TCB_ENV}`);
  let failed = 0;
  const db = dryRun ? null : createCloudbaseApp().database();
  for (const c of declarations) {
    if (!db) {
      console.log(`  ${c.collectionName}`);
      continue;
    }
    const { outcome, detail } = await createOne(db, c.collectionName);
    if (outcome === 'failed') failed++;
    console.log(`  ${c.collectionName.padEnd(18)} ${outcome}${detail ? `  ${detail}` : ''}`);
  }

  console.log('\nIndexes to create (console: 数据库 → <collection> → 索引管理; all ascending):');
  for (const c of declarations) {
    for (const idx of c.createIndexes ?? []) {
      console.log(`  ${c.collectionName.padEnd(18)} ${idx.name.padEnd(34)} ${idx.keys.map((k) => k.name).join(', ')}${idx.unique ? '  [unique]' : ''}`);
    }
  }
  console.log('\nPermission of every collection: 仅管理员可读写 (ADMINONLY) — only the cloud functions touch the database.');

  if (failed) {
    console.error(`\n${failed} collection(s) could not be created.`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
