/**
 * A local stand-in for the CloudBase database HTTP endpoint, so the production adapter
 * (cloudfunctions/_shared/storage/cloudbase.ts) runs through the unmodified @cloudbase/node-sdk
 * (3.18.3, with @cloudbase/database 1.4.3) on every test run. Point the SDK at it with the
 * documented init option `serviceUrl` (`tcb.init({ env, secretId, secretKey, serviceUrl })`).
 *
 * What the SDK sends (read from its sources and captured on the wire): every call is
 * `POST <serviceUrl>?env=<env>&seqId=<id>` with a JSON body
 * `{ action, envName, collectionName, …, wxCloudApiToken, tcb_sessionToken, … }`, signed with a
 * TC3-HMAC-SHA256 `Authorization` header. Queries, orders, projections, documents and updates are
 * canonical EJSON strings (`{"n":{"$numberInt":"1"}}`); the command API is already compiled to
 * MongoDB operators (`_.neq` → `$ne`, `_.and(a, b)` on a field → top-level `$and`, `_.set(obj)`
 * → `$set` of the whole object, plain fields → `$set` of dotted paths).
 *
 *   add()                 database.insertDocument   { data: [ejson…] }          → { data: { insertedIds } }
 *   where().orderBy()     database.getDocument      { query, queryType: 'WHERE', order: ejson {f: 1|-1, …},
 *     .skip().limit()                                 offset?, limit, projection? } → { data: { list: [ejson…] } }
 *     .field().get()
 *   doc(id).get()         database.getDocument      { query: {_id}, queryType: 'DOC', multi: false }
 *   where().count()       database.calculateDocument { query, queryType }       → { data: { total } }
 *   where().update()      database.modifyDocument   { query, data: ejson {$set…}, multi: true,
 *                                                     merge: true, upsert: false } → { data: { updated } }
 *   createCollection()    database.addCollection    { collectionName }
 *
 * A refusal is HTTP 200 with `{ code, message, requestId }`; the SDK throws it as an Error carrying
 * `code` and `requestId` (or returns it, if throwOnCode is off). The SDK itself sends `limit: 100`
 * when none is given and caps a larger limit at 1000; the stand-in applies the same default and cap
 * so a raw request cannot read more than CloudBase would return.
 *
 * Emulated: the actions above; `DATABASE_DUPLICATE_WRITE` on a duplicate `_id` and on the unique
 * indexes it is given (missing fields count as null, as in MongoDB, so two records missing a
 * unique field collide); `DATABASE_COLLECTION_NOT_EXIST` for an undeclared collection; atomic
 * single requests (Node handles one at a time), so a where-update is a true compare-and-set; the
 * query/order semantics in ./documents.ts. Signatures are required to be present but not checked.
 *
 * Not emulated: transactions, aggregate, remove, watch, upsert / replacing set(), non-unique
 * indexes (they only affect speed), permissions, quotas and rate limits, server dates, geo types,
 * error message texts (only codes are part of the contract). Anything unknown is refused with
 * STANDIN_UNSUPPORTED rather than guessed.
 */
import { randomBytes } from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { EJSON } from 'bson';
import { applyUpdate, getPath, matches, project, sortDocs, StandinError, type Doc } from './documents';

/** A collection as collections.ts declares it. */
export interface StandinCollection {
  /** Plain indexes only make CloudBase faster; the stand-in scans, so it accepts and ignores them. */
  indexes?: ReadonlyArray<ReadonlyArray<string>>;
  /** Unique indexes, each a list of (possibly dotted) fields; `_id` is always unique. */
  unique?: ReadonlyArray<ReadonlyArray<string>>;
}

export interface StandinOptions {
  /** The env id the SDK must use; requests for another env are refused. */
  env: string;
  collections: Record<string, StandinCollection>;
}

/** CloudBase's documented read limits for server SDKs. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

interface Collection {
  unique: string[][];
  /** By _id, in insertion order (which is also the tie order of a sort). */
  docs: Map<string, Doc>;
  /** Per unique index: each record's key by _id, and the _id holding each key. */
  keys: Array<Map<string, string>>;
  owners: Array<Map<string, string>>;
}

/** Missing fields count as null, as in a (non-sparse) MongoDB unique index. */
const uniqueKey = (doc: Doc, fields: string[]): string => JSON.stringify(fields.map((f) => getPath(doc, f) ?? null));

type Body = Record<string, unknown>;

const parseEjson = (field: string, v: unknown): Doc => {
  if (v === undefined || v === '') return {};
  if (typeof v !== 'string') throw new StandinError('INVALID_PARAM', `${field} must be an EJSON string`);
  return EJSON.parse(v, { relaxed: true }) as Doc;
};
const toEjson = (doc: Doc): string => EJSON.stringify(doc, { relaxed: false });

export class CloudbaseStandin {
  private readonly collections = new Map<string, Collection>();
  private server?: http.Server;
  /** Requests served, by action: lets a test prove the SDK really went over HTTP. */
  readonly served: Record<string, number> = {};

  constructor(private readonly options: StandinOptions) {
    for (const [name, c] of Object.entries(options.collections)) this.addCollection(name, c);
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    // The SDK keeps connections alive outside a cloud function; close them or close() waits.
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }

  private addCollection(name: string, c: StandinCollection): void {
    const unique = [['_id'], ...(c.unique ?? []).map((u) => [...u])];
    this.collections.set(name, { unique, docs: new Map(), keys: unique.map(() => new Map()), owners: unique.map(() => new Map()) });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestId = randomBytes(8).toString('hex');
      let reply: Body;
      try {
        // Everything from here to the reply is synchronous: one request is one atomic step.
        reply = { requestId, data: this.handle(req, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body) };
      } catch (e) {
        if (!(e instanceof StandinError)) console.error('[cloudbase-standin]', e);
        reply = { requestId, code: e instanceof StandinError ? e.code : 'SYS_ERR', message: (e as Error).message };
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply));
    });
  }

  private handle(req: http.IncomingMessage, body: Body): unknown {
    if (req.method !== 'POST') throw new StandinError('INVALID_PARAM', 'the database API is POST only');
    if (!/^(TC3-HMAC-SHA256 |Bearer )/.test(req.headers.authorization ?? ''))
      throw new StandinError('STANDIN_UNSIGNED', 'request carries no CloudBase signature');
    const env = new URL(req.url ?? '/', 'http://standin').searchParams.get('env');
    if (body.envName !== this.options.env || env !== this.options.env) throw new StandinError('INVALID_ENV', `unknown env ${String(body.envName)}`);
    const action = String(body.action);
    this.served[action] = (this.served[action] ?? 0) + 1;
    if (action === 'database.addCollection') return this.createCollection(body);
    const coll = this.collection(body.collectionName);
    if (body.transactionId !== undefined) throw new StandinError('STANDIN_UNSUPPORTED', 'the CloudBase stand-in does not emulate transactions');
    switch (action) {
      case 'database.insertDocument':
        return this.insert(coll, body);
      case 'database.getDocument':
        return this.get(coll, body);
      case 'database.calculateDocument':
        return { total: this.select(coll, body).length };
      case 'database.modifyDocument':
        return this.modify(coll, body);
      default:
        throw new StandinError('STANDIN_UNSUPPORTED', `the CloudBase stand-in does not emulate ${action}`);
    }
  }

  private collection(name: unknown): Collection {
    const coll = this.collections.get(String(name));
    if (!coll) throw new StandinError('DATABASE_COLLECTION_NOT_EXIST', `collection ${String(name)} does not exist`);
    return coll;
  }

  private createCollection(body: Body): object {
    const name = String(body.collectionName);
    if (this.collections.has(name)) throw new StandinError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    this.addCollection(name, {});
    return {};
  }

  private select(coll: Collection, body: Body): Doc[] {
    const query = parseEjson('query', body.query);
    return [...coll.docs.values()].filter((d) => matches(d, query));
  }

  /**
   * Throws DATABASE_DUPLICATE_WRITE if one of `docs` would share a unique key with another record.
   * `replacing`: the docs are new versions of stored records (an update), so their own old keys and
   * each other's are about to go.
   */
  private checkUnique(coll: Collection, docs: Doc[], replacing: boolean): void {
    const replaced = new Set(replacing ? docs.map((d) => d._id) : []);
    coll.unique.forEach((fields, i) => {
      const proposed = new Set<string>();
      for (const d of docs) {
        const key = uniqueKey(d, fields);
        const owner = coll.owners[i].get(key);
        if (proposed.has(key) || (owner !== undefined && !replaced.has(owner))) {
          throw new StandinError('DATABASE_DUPLICATE_WRITE', `write conflicts with unique index (${fields.join(', ')}) on ${key}`);
        }
        proposed.add(key);
      }
    });
  }

  private store(coll: Collection, doc: Doc): void {
    const id = doc._id as string;
    coll.docs.set(id, doc);
    coll.unique.forEach((fields, i) => {
      const old = coll.keys[i].get(id);
      if (old !== undefined && coll.owners[i].get(old) === id) coll.owners[i].delete(old);
      const key = uniqueKey(doc, fields);
      coll.keys[i].set(id, key);
      coll.owners[i].set(key, id);
    });
  }

  /** Ordered, like MongoDB's insertMany: records before the first conflict stay inserted. */
  private insert(coll: Collection, body: Body): object {
    if (!Array.isArray(body.data) || body.data.length === 0) throw new StandinError('INVALID_PARAM', 'data must be a non-empty array');
    const insertedIds: string[] = [];
    for (const raw of body.data) {
      const doc = parseEjson('data', raw);
      if (doc._id === undefined) doc._id = randomBytes(16).toString('hex');
      if (typeof doc._id !== 'string') throw new StandinError('STANDIN_UNSUPPORTED', 'the CloudBase stand-in only emulates string _ids');
      this.checkUnique(coll, [doc], false);
      this.store(coll, doc);
      insertedIds.push(doc._id);
    }
    return { insertedIds };
  }

  private get(coll: Collection, body: Body): object {
    const offset = Number(body.offset ?? 0);
    const limit = Math.min(Number(body.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0)
      throw new StandinError('INVALID_PARAM', 'offset and limit must be non-negative integers');
    const projection = parseEjson('projection', body.projection);
    const rows = sortDocs(this.select(coll, body), parseEjson('order', body.order)).slice(offset, offset + limit);
    return { list: rows.map((d) => toEjson(project(d, projection))), offset, limit };
  }

  /** All or nothing: every matched record is checked against the unique indexes before any is written. */
  private modify(coll: Collection, body: Body): object {
    if (body.upsert === true || body.merge === false)
      throw new StandinError('STANDIN_UNSUPPORTED', 'the CloudBase stand-in does not emulate upsert or replacing set()');
    const update = parseEjson('data', body.data);
    const matched = this.select(coll, body);
    const targets = body.multi === false ? matched.slice(0, 1) : matched;
    const updated = targets.map((d) => applyUpdate(d, update));
    this.checkUnique(coll, updated, true);
    for (const d of updated) this.store(coll, d);
    return { updated: updated.length };
  }
}
