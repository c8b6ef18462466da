/**
 * What a CloudBase environment must hold besides the function code, as data: collections with their
 * indexes and admin-only permission, the cloud-storage security rule, the function security rule,
 * and the subscribe-message template ids. `scripts/init-cloudbase.ts` compares it with the
 * environment and applies the difference; `build:functions` writes the rules to cloudbase-rules.json.
 * Pure: no SDK, no I/O, so the plan is tested offline.
 */
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../cloudfunctions/_shared/storage/collections';
import type { TemplateKey } from '../src/domain/alerts/templates';

/** Index names allow letters, digits and underscores only, so dotted fields are flattened. */
export const indexName = (fields: ReadonlyArray<string>): string =>
  fields
    .map((f) => `${f.replace(/[^A-Za-z0-9_]/g, '_')}_1`)
    .join('_')
    .slice(0, 64);

/** manager-node's `updateCollection(name, { CreateIndexes })` item (CloudBase API UpdateTable). */
export interface CreateIndex {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: '1' }>; MgoIsUnique: boolean };
}

const sameKeys = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The one place that reads a collection's declaration: field lists of its indexes, and which are
 * unique. Ascending everywhere: a compound index also serves the fully reversed sort order.
 */
export function indexesOf(name: CollectionName): CreateIndex[] {
  const spec = COLLECTIONS[name] as { indexes: ReadonlyArray<ReadonlyArray<string>>; unique?: ReadonlyArray<ReadonlyArray<string>> };
  const unique = spec.unique ?? [];
  const all = [...spec.indexes, ...unique.filter((u) => !spec.indexes.some((i) => sameKeys(i, u)))];
  return all.map((fields) => ({
    IndexName: indexName(fields),
    MgoKeySchema: { MgoIndexKeys: fields.map((f) => ({ Name: f, Direction: '1' as const })), MgoIsUnique: unique.some((u) => sameKeys(u, fields)) },
  }));
}

/**
 * Function security rule (云函数安全规则, console: 云函数 → 权限控制). Its format: top-level keys are
 * function names or `*`; each holds `invoke`, one of true, false or "auth != null". It governs client
 * calls only (wx.cloud.callFunction, web SDK); timer triggers, the console and server SDKs are not
 * subject to it, so `false` closes a function to every client while its timer still fires.
 */
export type InvokeRule = true | false | 'auth != null';
export type FunctionSecurityRule = Record<string, { invoke: InvokeRule }>;

export function functionSecurityRule(functions: ReadonlyArray<{ name: string; clientCallable: boolean }>): FunctionSecurityRule {
  const rule: FunctionSecurityRule = { '*': { invoke: 'auth != null' } };
  for (const f of functions) rule[f.name] = { invoke: f.clientCallable ? 'auth != null' : false };
  return rule;
}

/**
 * Cloud-storage security rule (云存储安全规则, console: 云存储 → 权限设置 → 自定义安全规则). The
 * mini-program uploads photos and documents itself and shows them by `cloud://` file id, which the
 * client SDK resolves into a short-lived temporary URL after checking this rule. So: readable only
 * by a signed-in mini-program user (never public-read, no permanent URL) and writable (overwrite,
 * delete) only by the uploader; both expressions are the documented templates, kept verbatim. A
 * storage rule cannot see community membership; that boundary is the functions', which hand a file
 * id only to people who may see the record it is attached to (see docs/deploy.md, "Files").
 */
export const STORAGE_RULE = {
  read: 'auth != null',
  write: 'resource.openid == auth.openid',
} as const;

export type Step =
  | { kind: 'createCollection'; collection: CollectionName }
  | { kind: 'createIndexes'; collection: CollectionName; indexes: CreateIndex[] }
  | { kind: 'collectionAcl'; collection: CollectionName; permission: 'ADMINONLY' }
  | { kind: 'storageRule'; rule: typeof STORAGE_RULE }
  | { kind: 'functionRule'; rule: FunctionSecurityRule }
  | { kind: 'templateIds'; ids: Partial<Record<TemplateKey, string>> };

/** What the environment already has: index names per existing collection. */
export type EnvironmentState = Map<string, ReadonlyArray<string>>;

/**
 * Every step needed to bring `state` to the declaration. Creating collections and indexes is
 * skipped where already done; permissions and rules are always (re)applied, which is idempotent and
 * repairs a rule someone loosened in the console.
 */
export function buildPlan(input: {
  state: EnvironmentState;
  functions: ReadonlyArray<{ name: string; clientCallable: boolean }>;
  templateIds: Partial<Record<TemplateKey, string>>;
}): Step[] {
  const steps: Step[] = [];
  for (const collection of COLLECTION_NAMES) {
    const existing = input.state.get(collection);
    if (!existing) steps.push({ kind: 'createCollection', collection });
    const missing = indexesOf(collection).filter((i) => !(existing ?? []).includes(i.IndexName));
    if (missing.length) steps.push({ kind: 'createIndexes', collection, indexes: missing });
    steps.push({ kind: 'collectionAcl', collection, permission: 'ADMINONLY' });
  }
  steps.push({ kind: 'storageRule', rule: STORAGE_RULE });
  steps.push({ kind: 'functionRule', rule: functionSecurityRule(input.functions) });
  if (Object.keys(input.templateIds).length) steps.push({ kind: 'templateIds', ids: input.templateIds });
  return steps;
}

export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'createCollection':
      return `create collection ${s.collection}`;
    case 'createIndexes':
      return `create indexes on ${s.collection}: ${s.indexes
        .map((i) => `${i.IndexName}(${i.MgoKeySchema.MgoIndexKeys.map((k) => k.Name).join(',')})${i.MgoKeySchema.MgoIsUnique ? ' unique' : ''}`)
        .join('; ')}`;
    case 'collectionAcl':
      return `permission of ${s.collection}: ${s.permission} (仅管理员可读写)`;
    case 'storageRule':
      return `storage security rule: ${JSON.stringify(s.rule)}`;
    case 'functionRule':
      return `function security rule: ${JSON.stringify(s.rule)}`;
    case 'templateIds':
      return `subscribe-message template ids → settings/templates: ${Object.entries(s.ids)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`;
  }
}
