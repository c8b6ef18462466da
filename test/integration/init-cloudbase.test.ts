/**
 * The environment set-up, offline: the plan against a fake manager shaped like @cloudbase/manager-node,
 * applied twice (idempotent), and the template ids that must survive a redeploy.
 */
import { createNedbStorage } from '../../cloudfunctions/_shared/storage/nedb';
import { COLLECTION_NAMES, type CollectionName } from '../../cloudfunctions/_shared/storage/collections';
import { saveTemplateIds, templateIdOf, templateIdsFromEnv } from '../../cloudfunctions/_shared/template-ids';
import { STORAGE_RULE, buildPlan, describeStep, indexesOf, type CreateIndex, type Step } from '../../scripts/cloudbase-plan';
import { applyPlan, plannedFunctions, readState, type ManagerLike } from '../../scripts/init-cloudbase';

/** An in-memory CloudBase environment answering the manager-node calls the script makes. */
function fakeManager(options: { refuse?: Array<'function' | 'collection' | 'storage'> } = {}) {
  const collections = new Map<string, CreateIndex[]>();
  const calls: string[] = [];
  const acl = new Map<string, string>();
  let storageRule: unknown;
  let functionRule: unknown;
  const refuse = (what: 'function' | 'collection' | 'storage') => {
    if (options.refuse?.includes(what)) throw Object.assign(new Error('not allowed'), { code: 'AuthFailure' });
  };
  const manager: ManagerLike = {
    database: {
      async checkCollectionExists(name) {
        return { Exists: collections.has(name) };
      },
      async describeCollection(name) {
        return { Indexes: [{ Name: '_id_' }, ...(collections.get(name) ?? []).map((i) => ({ Name: i.IndexName }))] };
      },
      async createCollection(name) {
        calls.push(`create ${name}`);
        if (collections.has(name)) throw new Error('ResourceInUse: collection exists');
        collections.set(name, []);
      },
      async updateCollection(name, info) {
        calls.push(`index ${name} ${info.CreateIndexes.map((i) => i.IndexName).join(',')}`);
        const existing = collections.get(name)!;
        for (const i of info.CreateIndexes) {
          if (existing.some((e) => e.IndexName === i.IndexName)) throw new Error('index exists');
          existing.push(i);
        }
      },
    },
    storage: {
      async setStorageAcl(kind, rule) {
        refuse('storage');
        calls.push(`storage ${kind}`);
        storageRule = rule;
      },
    },
    permission: {
      async modifyResourcePermission(o) {
        refuse(o.resourceType);
        calls.push(`permission ${o.resourceType} ${o.resource ?? '*'} ${o.permission}`);
        if (o.resourceType === 'collection') acl.set(o.resource!, o.permission);
        else functionRule = JSON.parse(o.securityRule!);
      },
    },
  };
  return { manager, collections, calls, acl, rules: () => ({ storageRule, functionRule }) };
}

const functions = plannedFunctions();
const noTemplates = async () => undefined;

describe('the plan', () => {
  it('from scratch: every collection, its indexes, admin-only, then both security rules', () => {
    const steps = buildPlan({ state: new Map(), functions, templateIds: {} });
    const kinds = (k: Step['kind']) => steps.filter((s) => s.kind === k);
    expect(kinds('createCollection').map((s) => (s as { collection: string }).collection)).toEqual(COLLECTION_NAMES);
    expect(kinds('collectionAcl')).toHaveLength(COLLECTION_NAMES.length);
    const withIndexes = COLLECTION_NAMES.filter((c) => indexesOf(c).length > 0);
    expect(kinds('createIndexes').map((s) => (s as { collection: string }).collection)).toEqual(withIndexes);
    expect(kinds('storageRule')).toEqual([{ kind: 'storageRule', rule: STORAGE_RULE }]);
    expect(kinds('functionRule')).toEqual([
      {
        kind: 'functionRule',
        rule: expect.objectContaining({ '*': { invoke: 'auth != null' }, timer: { invoke: false }, alerts: { invoke: 'auth != null' } }),
      },
    ]);
    expect(kinds('templateIds')).toEqual([]);
    // Every step prints as one line for --dry-run.
    expect(steps.map(describeStep).every((l) => l.length > 0 && !l.includes('\n'))).toBe(true);
  });

  it('declares the unique keys the code relies on as unique indexes', () => {
    const unique = (c: CollectionName) =>
      indexesOf(c)
        .filter((i) => i.MgoKeySchema.MgoIsUnique)
        .map((i) => i.MgoKeySchema.MgoIndexKeys.map((k) => k.Name));
    expect(unique('people')).toEqual([['openid']]);
    expect(unique('deliveries')).toEqual([['documentId', 'memberId']]);
    expect(unique('archive')).toEqual([['communityId', 'seq']]);
    for (const c of COLLECTION_NAMES) {
      for (const i of indexesOf(c)) {
        expect(i.IndexName).toMatch(/^[A-Za-z0-9_]{1,64}$/);
        expect(i.MgoKeySchema.MgoIndexKeys.every((k) => k.Direction === '1')).toBe(true);
      }
    }
  });

  it('adds only the missing indexes of an existing collection, and never recreates it', () => {
    const [first, ...rest] = indexesOf('inquiries');
    const steps = buildPlan({ state: new Map([['inquiries', ['_id_', first!.IndexName]]]), functions, templateIds: {} });
    expect(steps.find((s) => s.kind === 'createCollection' && s.collection === 'inquiries')).toBeUndefined();
    expect(steps.find((s) => s.kind === 'createIndexes' && s.collection === 'inquiries')).toEqual({
      kind: 'createIndexes',
      collection: 'inquiries',
      indexes: rest,
    });
  });
});

describe('applying it', () => {
  it('creates everything once; a second run creates nothing and re-applies only permissions and rules', async () => {
    const env = fakeManager();
    const first = await applyPlan(env.manager, buildPlan({ state: await readState(env.manager), functions, templateIds: {} }), noTemplates);
    expect(first.every((o) => o.ok)).toBe(true);
    expect([...env.collections.keys()]).toEqual(COLLECTION_NAMES);
    for (const c of COLLECTION_NAMES) {
      expect(env.collections.get(c)!.map((i) => i.IndexName)).toEqual(indexesOf(c).map((i) => i.IndexName));
      expect(env.acl.get(c)).toBe('ADMINONLY');
    }
    expect(env.rules()).toEqual({ storageRule: STORAGE_RULE, functionRule: expect.objectContaining({ timer: { invoke: false } }) });

    env.calls.length = 0;
    const again = await applyPlan(env.manager, buildPlan({ state: await readState(env.manager), functions, templateIds: {} }), noTemplates);
    expect(again.every((o) => o.ok)).toBe(true);
    expect(env.calls.filter((c) => c.startsWith('create ') || c.startsWith('index '))).toEqual([]);
    expect(env.calls).toHaveLength(COLLECTION_NAMES.length + 2);
  });

  it('reports a refused rule with the way to set it by hand, and carries on', async () => {
    const env = fakeManager({ refuse: ['function'] });
    const outcomes = await applyPlan(env.manager, buildPlan({ state: new Map(), functions, templateIds: {} }), noTemplates);
    const failed = outcomes.filter((o) => !o.ok);
    expect(failed.map((o) => o.step.kind)).toEqual(['functionRule']);
    expect(failed[0]!.detail).toContain('AuthFailure');
    expect(env.rules().storageRule).toEqual(STORAGE_RULE);
  });
});

describe('subscribe-message template ids survive a redeploy', () => {
  it('are read from WX_TEMPLATE_* by the init script and stored in the environment, merging', async () => {
    const ids = templateIdsFromEnv({ WX_TEMPLATE_DEADLINE: ' tpl-deadline ', WX_TEMPLATE_BILL: '', OTHER: 'x' });
    expect(ids).toEqual({ deadline: 'tpl-deadline' });
    expect(buildPlan({ state: new Map(), functions, templateIds: ids }).filter((s) => s.kind === 'templateIds')).toEqual([{ kind: 'templateIds', ids }]);

    const store = createNedbStorage();
    expect(await saveTemplateIds(store, ids, 1)).toEqual({ deadline: 'tpl-deadline' });
    expect(await saveTemplateIds(store, { answered: 'tpl-answered' }, 2)).toEqual({ deadline: 'tpl-deadline', answered: 'tpl-answered' });
    // A function after redeploy has no template env variables at all, and still finds the ids.
    expect(await templateIdOf(store, 'deadline', {})).toBe('tpl-deadline');
    expect(await templateIdOf(store, 'bill', {})).toBeUndefined();
    // An env variable set on the function overrides, for a quick fix from the console.
    expect(await templateIdOf(store, 'deadline', { WX_TEMPLATE_DEADLINE: 'tpl-override' })).toBe('tpl-override');
  });
});
