import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { FUNCTION_NAMES, type FunctionName } from '@domain/api';
import { errorEnvelope } from '@domain/envelope';
import { AppError } from '@domain/errors';
import { createLocalRuntime, type LocalContext } from '../cloudfunctions/_shared/local';
import { FUNCTIONS } from '../cloudfunctions/_shared/registry';
import { setRuntime, systemClock, type Clock } from '../cloudfunctions/_shared/runtime';
import { seedDemo } from '../cloudfunctions/_shared/seed/demo';

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
}

export interface LocalHost {
  url: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.pdf': 'application/pdf', '.csv': 'text/csv; charset=utf-8',
};
const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new AppError('INVALID_INPUT', '上传内容过大（最大10MB）'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `x-dev-now` takes an ISO date-time or epoch milliseconds. */
export function parseDevNow(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(n) ? n : undefined;
}

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const dataDir = path.resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data');
  const staticDir = path.resolve(options.staticDir ?? 'dist/h5');
  const filesDir = path.join(dataDir, 'files');
  fs.mkdirSync(filesDir, { recursive: true });
  const rt = createLocalRuntime({ dataDir, clock: options.clock ?? systemClock });
  setRuntime(rt);
  if (options.seed !== false && (await seedDemo(rt.store, rt.clock.now())) && !options.quiet) {
    console.log(`已写入演示小区「阳光花园」→ ${dataDir}`);
  }

  async function api(fn: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(FUNCTION_NAMES as string[]).includes(fn)) return send(res, 404, errorEnvelope(new AppError('UNKNOWN_FUNCTION').toBody()));
    let event: unknown;
    try {
      event = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch (e) {
      return send(res, 200, errorEnvelope((e instanceof AppError ? e : new AppError('INVALID_INPUT', '请求不是有效的 JSON')).toBody()));
    }
    const context: LocalContext = {
      devOpenid: (req.headers['x-dev-openid'] as string | undefined) || undefined,
      devNow: parseDevNow(req.headers['x-dev-now'] as string | undefined),
    };
    const started = Date.now();
    const envelope = await FUNCTIONS[fn as FunctionName](rt, event, context);
    if (!options.quiet) {
      const action = (event as { action?: string })?.action;
      console.log(`${fn}.${action} → ${envelope.ok ? 'ok' : envelope.error.code} ${Date.now() - started}ms`);
    }
    send(res, 200, envelope);
  }

  // Attachments and photos: CloudBase storage in production, this folder locally.
  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const ext = path.extname(url.searchParams.get('name') ?? '').toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 6);
    const id = `${Date.now().toString(36)}${randomBytes(6).toString('hex')}${ext}`;
    fs.writeFileSync(path.join(filesDir, id), await readBody(req));
    send(res, 200, { ok: true, data: { fileId: `local:${id}`, url: `/files/${id}` } });
  }

  function serveFile(res: http.ServerResponse, file: string): boolean {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
    res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
    return true;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const handle = async (): Promise<void> => {
      const apiMatch = /^\/api\/([a-zA-Z]+)$/.exec(url.pathname);
      if (apiMatch && req.method === 'POST') return api(apiMatch[1], req, res);
      if (url.pathname === '/files' && (req.method === 'POST' || req.method === 'PUT')) return upload(req, res, url);
      const fileMatch = /^\/files\/([a-z0-9]+(\.[a-z0-9]+)?)$/.exec(url.pathname);
      if (fileMatch && serveFile(res, path.join(filesDir, fileMatch[1]))) return;
      const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
      if (serveFile(res, path.join(staticDir, rel))) return;
      if (!serveFile(res, path.join(staticDir, 'index.html'))) {
        send(res, 404, '尚未构建 H5 应用：请运行 npm run build:h5（npm start 会自动构建）', 'text/plain; charset=utf-8');
      }
    };
    handle().catch((e) => {
      console.error('[local-host]', e);
      send(res, 500, errorEnvelope(new AppError('INTERNAL').toBody()));
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 10086, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
