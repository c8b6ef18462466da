import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { FUNCTION_NAMES, type FunctionName } from '@domain/api';
import { errorEnvelope } from '@domain/envelope';
import { AppError } from '@domain/errors';
import { loadCaller } from '../cloudfunctions/_shared/caller';
import { createLocalRuntime, type LocalContext } from '../cloudfunctions/_shared/local';
import { FUNCTIONS } from '../cloudfunctions/_shared/registry';
import { setRuntime } from '../cloudfunctions/_shared/platform';
import { systemClock, type Clock } from '../cloudfunctions/_shared/runtime';
import { seedDemo } from '../cloudfunctions/_shared/seed/demo';
import { importNedbFolder, NEDB_IMPORTED } from '../cloudfunctions/_shared/storage/from-nedb';
import { SQLITE_FILE } from '../cloudfunctions/_shared/storage/sqlite';
import { issueBootstrapCode } from '../cloudfunctions/_shared/bootstrap';
import { ROUTES } from '@domain/routes';
import { serveUserFile } from './local-files';
import { handle as timerHandle } from '../cloudfunctions/timer';
import type { Envelope } from '@domain/envelope';

/**
 * The local stand-in for CloudBase: serves the H5 build and answers `POST /api/<function>` with the
 * real function code on the embedded store. Identity comes from the dev-login token header and
 * exists only here; a deployed function never sees these headers.
 */
export interface LocalHostOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  staticDir?: string;
  seed?: boolean;
  clock?: Clock;
  quiet?: boolean;
  /** Largest request body in bytes (default 10 MB); larger ones get a 413 with the size message. */
  maxBodyBytes?: number;
  timeouts?: Partial<HostTimeouts>;
}

/** Slow or stalled clients must not hold a connection open forever (milliseconds). */
export interface HostTimeouts {
  /** From connect to the end of the request headers. */
  headersMs: number;
  /** From connect to the end of the whole request, body included. */
  requestMs: number;
  /** Silence allowed while a body is arriving; then a 408. */
  bodyIdleMs: number;
}

const DEFAULT_TIMEOUTS: HostTimeouts = { headersMs: 20_000, requestMs: 120_000, bodyIdleMs: 20_000 };

export interface LocalHost {
  url: string;
  /** Fires the hourly timer as the platform does (in process: no HTTP route can start it). */
  timer(): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
};
const MAX_BODY = 10 * 1024 * 1024;

/** A request the host answers itself, with an HTTP status, before any function runs. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: AppError,
  ) {
    super(error.message);
  }
}

const tooLarge = () => new Refusal(413, new AppError('PAYLOAD_TOO_LARGE'));

/** Reads a body up to `maxBytes`, refusing as soon as it is declared or found larger, or goes silent. */
function readBody(req: http.IncomingMessage, maxBytes: number, idleMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > maxBytes) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      clearTimeout(idle);
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > maxBytes) {
        stop();
        reject(tooLarge());
        return;
      }
      chunks.push(c);
      idle.refresh();
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (e: Error): void => {
      stop();
      reject(e);
    };
    const idle = setTimeout(() => {
      stop();
      reject(new Refusal(408, new AppError('REQUEST_TIMEOUT')));
    }, idleMs);
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * Answers a refusal while the client may still be sending. Closing at once would make the kernel
 * reset the connection over the unread bytes and the client would see a reset, not the answer; so
 * the rest is read and dropped, up to another `drainBytes` and while it keeps arriving, then cut.
 */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, r: Refusal, drainBytes: number, idleMs: number): void {
  const stalled = r.status === 408;
  res.writeHead(r.status, { ...BASE_HEADERS, 'content-type': JSON_TYPE, ...(stalled ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(errorEnvelope(r.error.toBody())));
  if (req.complete || stalled) return;
  let drained = 0;
  const cut = (): void => {
    req.socket.destroy();
  };
  const idle = setTimeout(cut, idleMs);
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > drainBytes) cut();
    else idle.refresh();
  });
  req.on('end', () => clearTimeout(idle));
  req.on('close', () => clearTimeout(idle));
  req.resume();
}

/** `x-dev-now` takes an ISO date-time or epoch milliseconds. */
export function parseDevNow(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(n) ? n : undefined;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** What a function learns from the request: the dev-login token and a moved clock. */
function contextOf(req: http.IncomingMessage): LocalContext {
  return {
    devOpenid: (req.headers['x-dev-openid'] as string | undefined) || undefined,
    devNow: parseDevNow(req.headers['x-dev-now'] as string | undefined),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, type = JSON_TYPE): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data');
  const staticDir = path.resolve(options.staticDir ?? 'dist/h5');
  const filesDir = path.join(dataDir, 'files');
  const maxBody = options.maxBodyBytes ?? MAX_BODY;
  const timeouts: HostTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const body = (req: http.IncomingMessage) => readBody(req, maxBody, timeouts.bodyIdleMs);
  fs.mkdirSync(filesDir, { recursive: true });
  const rt = createLocalRuntime({ dataDir, clock: options.clock ?? systemClock });
  setRuntime(rt);
  const carried = await importNedbFolder(dataDir, rt.store);
  if (carried && !options.quiet) console.log(`已将旧版（NeDB）本地数据 ${carried} 条迁入 ${SQLITE_FILE}，旧文件移至 ${NEDB_IMPORTED}/`);
  // DEMO_SEED=0 starts as production does: empty, with a one-time code for the first administrator.
  const seed = options.seed ?? process.env.DEMO_SEED !== '0';
  if (seed && (await seedDemo(rt.store, rt.clock.now())) && !options.quiet) {
    console.log(`已写入演示小区「阳光花园」→ ${dataDir}`);
  }
  if (!seed && !options.quiet) {
    const code = await issueBootstrapCode(rt.store, rt.clock.now());
    if (code) console.log(`空库启动。首位系统管理员初始化码：${code}（打开 /#${ROUTES.admin.join}?bootstrap=1 输入，7天内有效，只能使用一次）`);
  }

  async function api(fn: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(FUNCTION_NAMES as string[]).includes(fn)) return send(res, 404, errorEnvelope(new AppError('UNKNOWN_FUNCTION').toBody()));
    const raw = await body(req);
    let event: unknown;
    try {
      event = JSON.parse(raw.toString('utf8') || '{}');
    } catch {
      return send(res, 200, errorEnvelope(new AppError('INVALID_INPUT', '请求不是有效的 JSON').toBody()));
    }
    const context = contextOf(req);
    const started = Date.now();
    const envelope = await FUNCTIONS[fn as FunctionName](rt, event, context);
    if (!options.quiet) {
      const action = (event as { action?: string })?.action;
      console.log(`${fn}.${action} → ${envelope.ok ? 'ok' : envelope.error.code} ${Date.now() - started}ms`);
    }
    send(res, 200, envelope);
  }

  // Attachments and photos: CloudBase storage in production, this folder locally. Only a signed-in
  // demo person may store one, as only a signed-in WeChat user can upload to CloudBase storage.
  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const context = contextOf(req);
    const openid = await rt.identify(context);
    if (!openid || !(await loadCaller(rt.store, openid, rt.requestTime(context)))) throw new Refusal(401, new AppError('UNAUTHENTICATED'));
    const ext = path
      .extname(url.searchParams.get('name') ?? '')
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 6);
    const id = `${Date.now().toString(36)}${randomBytes(6).toString('hex')}${ext}`;
    fs.writeFileSync(path.join(filesDir, id), await body(req));
    send(res, 200, { ok: true, data: { fileId: `local:${id}`, url: `/files/${id}` } });
  }

  function serveFile(res: http.ServerResponse, file: string): boolean {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
    res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
    return true;
  }

  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // How often those two are checked; Node's 30 s default would let a short limit run long.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, timeouts.headersMs / 4)),
    },
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://local');
      const handle = async (): Promise<void> => {
        const apiMatch = /^\/api\/([a-zA-Z]+)$/.exec(url.pathname);
        if (apiMatch && req.method === 'POST') return api(apiMatch[1], req, res);
        if (url.pathname === '/files' && (req.method === 'POST' || req.method === 'PUT')) return upload(req, res, url);
        const fileMatch = /^\/files\/([a-z0-9]+(\.[a-z0-9]+)?)$/.exec(url.pathname);
        if (fileMatch && serveUserFile(res, path.join(filesDir, fileMatch[1]), url.searchParams.get('name'))) return;
        const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
        if (serveFile(res, path.join(staticDir, rel))) return;
        if (!serveFile(res, path.join(staticDir, 'index.html'))) {
          send(res, 404, '尚未构建 H5 应用：请运行 npm run build:h5（npm start 会自动构建）', 'text/plain; charset=utf-8');
        }
      };
      handle().catch((e) => {
        if (e instanceof Refusal) return refuse(req, res, e, maxBody, timeouts.bodyIdleMs);
        console.error('[local-host]', e);
        if (!res.headersSent) send(res, 500, errorEnvelope(new AppError('INTERNAL').toBody()));
      });
    },
  );
  // A socket silent for longer than a body may be is dropped even outside a request.
  server.setTimeout(timeouts.bodyIdleMs * 2);

  await new Promise<void>((resolve) => server.listen(options.port ?? 10086, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    timer: () => timerHandle(rt, { Type: 'Timer', TriggerName: 'sweep', Time: new Date(rt.clock.now()).toISOString() }, { devTimer: true }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
