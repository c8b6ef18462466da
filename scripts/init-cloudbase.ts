/**
 * Brings a CloudBase environment to what the code declares (scripts/cloudbase-plan.ts): every
 * collection with its indexes and 仅管理员可读写 permission, the storage and function security
 * rules, and the subscribe-message template ids. Idempotent: run it on every deploy.
 *
 *   TCB_ENV=<env id> TCB_SECRET_ID=<id> TCB_SECRET_KEY=<key> [WX_TEMPLATE_*=…] npx tsx scripts/init-cloudbase.ts
 *   npx tsx scripts/init-cloudbase.ts --dry-run     # the plan: against the environment with credentials, else from scratch
 *
 * Why a script of our own: `tcb framework deploy`'s database plugin is not on the npm registry, and
 * @cloudbase/node-sdk cannot create indexes; @cloudbase/manager-node (the CLI's own library) can.
 * The key needs CloudBase admin rights on this environment; use a sub-account key, not the root one.
 */
import CloudBase from '@cloudbase/manager-node';
import { createCloudbaseApp } from '../cloudfunctions/_shared/cloudbase';
import { createCloudbaseStorage, type CloudbaseDb } from '../cloudfunctions/_shared/storage/cloudbase';
import { COLLECTION_NAMES } from '../cloudfunctions/_shared/storage/collections';
import { saveTemplateIds, templateIdsFromEnv } from '../cloudfunctions/_shared/template-ids';
import { issueBootstrapCode } from '../cloudfunctions/_shared/bootstrap';
import { discoverFunctions, functionSpec } from './build-functions';
import { buildPlan, describeStep, type CreateIndex, type EnvironmentState, type Step } from './cloudbase-plan';

/** The part of @cloudbase/manager-node this script uses; the test passes a fake. */
export interface ManagerLike {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    describeCollection(name: string): Promise<{ Indexes?: Array<{ Name: string }> }>;
    createCollection(name: string): Promise<unknown>;
    updateCollection(name: string, info: { CreateIndexes: CreateIndex[] }): Promise<unknown>;
  };
  storage: { setStorageAcl(acl: 'CUSTOM', rule: { read: boolean | string; write: boolean | string }): Promise<unknown> };
  permission: {
    modifyResourcePermission(o: {
      resourceType: 'function' | 'collection';
      resource?: string;
      permission: 'ADMINONLY' | 'CUSTOM';
      securityRule?: string;
    }): Promise<unknown>;
  };
}

export async function readState(manager: ManagerLike): Promise<EnvironmentState> {
  const state: EnvironmentState = new Map();
  for (const name of COLLECTION_NAMES) {
    if (!(await manager.database.checkCollectionExists(name)).Exists) continue;
    const described = await manager.database.describeCollection(name);
    state.set(
      name,
      (described.Indexes ?? []).map((i) => i.Name),
    );
  }
  return state;
}

/** Where to do a step by hand when the API refuses it (console paths as of this writing). */
const BY_HAND: Record<Step['kind'], string> = {
  createCollection: '云开发控制台 → 数据库 → 新建集合',
  createIndexes: '云开发控制台 → 数据库 → <集合> → 索引管理',
  collectionAcl: '云开发控制台 → 数据库 → <集合> → 数据权限 → 仅管理员可读写',
  storageRule: '云开发控制台 → 云存储 → 权限设置 → 自定义安全规则（粘贴 cloudbase-rules.json 的 storageSecurityRule）',
  functionRule: '云开发控制台 → 云函数 → 权限控制（粘贴 cloudbase-rules.json 的 functionSecurityRule）',
  templateIds: '重新运行本脚本并设置 WX_TEMPLATE_*',
};

export interface StepOutcome {
  step: Step;
  ok: boolean;
  detail?: string;
}

export async function applyPlan(
  manager: ManagerLike,
  steps: Step[],
  writeTemplateIds: (ids: Extract<Step, { kind: 'templateIds' }>['ids']) => Promise<unknown>,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    try {
      switch (step.kind) {
        case 'createCollection':
          await manager.database.createCollection(step.collection);
          break;
        case 'createIndexes':
          await manager.database.updateCollection(step.collection, { CreateIndexes: step.indexes });
          break;
        case 'collectionAcl':
          await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: step.collection, permission: step.permission });
          break;
        case 'storageRule':
          await manager.storage.setStorageAcl('CUSTOM', step.rule);
          break;
        case 'functionRule':
          await manager.permission.modifyResourcePermission({ resourceType: 'function', permission: 'CUSTOM', securityRule: JSON.stringify(step.rule) });
          break;
        case 'templateIds':
          await writeTemplateIds(step.ids);
          break;
      }
      outcomes.push({ step, ok: true });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      outcomes.push({ step, ok: false, detail: `${err.code ?? ''} ${err.message ?? String(e)}`.trim() });
    }
  }
  return outcomes;
}

export function plannedFunctions(): Array<{ name: string; clientCallable: boolean }> {
  return discoverFunctions().map((n) => functionSpec(n));
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const envId = (process.env.TCB_ENV ?? '').trim();
  const hasCredentials = Boolean(envId && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY);
  if (!dryRun && !hasCredentials) {
    console.error('Missing TCB_ENV, TCB_SECRET_ID or TCB_SECRET_KEY. Set them (or pass --dry-run to see the plan).');
    process.exit(2);
  }

  const manager = hasCredentials
    ? (new CloudBase({ envId, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY }) as unknown as ManagerLike)
    : null;
  const state = manager ? await readState(manager) : new Map();
  const steps = buildPlan({ state, functions: plannedFunctions(), templateIds: templateIdsFromEnv(process.env) });

  console.log(`${dryRun ? 'Plan' : 'Applying'} for ${envId || '(no environment: plan from scratch)'} — ${steps.length} steps`);
  if (dryRun || !manager) {
    for (const s of steps) console.log(`  ${describeStep(s)}`);
    if (!steps.some((s) => s.kind === 'templateIds')) console.log('  (no WX_TEMPLATE_* set: stored template ids stay as they are)');
    return;
  }

  const store = createCloudbaseStorage(createCloudbaseApp().database() as unknown as CloudbaseDb);
  const outcomes = await applyPlan(manager, steps, (ids) => saveTemplateIds(store, ids, Date.now()));
  for (const o of outcomes)
    console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${describeStep(o.step)}${o.detail ? `\n       ${o.detail}\n       by hand: ${BY_HAND[o.step.kind]}` : ''}`);
  // Production starts empty: the first company administrator redeems this code once (docs/deploy.md).
  const code = await issueBootstrapCode(store, Date.now());
  if (code)
    console.log(
      `\n首位系统管理员初始化码 / first administrator's bootstrap code: ${code}\n  (valid 7 days, once; in the mini-program open 加入小区 → 使用初始化码. Re-running this script issues a new one until it is redeemed.)`,
    );
  const failed = outcomes.filter((o) => !o.ok).length;
  if (failed) {
    console.error(`\n${failed} step(s) failed; do them by hand as shown, or fix the key's permissions and run again.`);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
