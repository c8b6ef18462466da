import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { startLocalHost, type LocalHost } from '../../scripts/local-host';
import { sniffImage } from '../../scripts/local-files';
import { DEMO } from '../helpers/harness';

/**
 * The local host's own edge: who may upload, how stored files come back, and what a too-large or
 * stalled request gets. Runs without an H5 build (only the API and /files are used).
 */
const TIMEOUTS = { headersMs: 600, requestMs: 5_000, bodyIdleMs: 400 };
const MB = 1024 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

let host: LocalHost;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-host-'));
  host = await startLocalHost({ port: 0, dataDir, staticDir: path.join(dataDir, 'no-h5'), seed: true, quiet: true, timeouts: TIMEOUTS });
  const login = await post('api/session', JSON.stringify({ action: 'devLogin', payload: { personId: DEMO.owner } }));
  token = ((await login.json()) as { data: { token: string } }).data.token;
}, 30_000);

afterAll(async () => {
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function post(where: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(where, host.url), {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const storedFiles = () => fs.readdirSync(path.join(dataDir, 'files')).length;

async function upload(name: string, content: string | Buffer): Promise<string> {
  const res = await post(`files?name=${encodeURIComponent(name)}`, content, { 'x-dev-openid': token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { url: string } }).data.url;
}

/** A raw request that sends its headers and part of a body, then goes silent. */
function stalledRequest(pathname: string): Promise<{ status: number | null; body: string; ms: number; closed: boolean }> {
  const { hostname, port } = new URL(host.url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      hostname,
      port,
      path: pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '1000', 'x-dev-openid': token },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => req.socket!.once('close', () => resolve({ status: res.statusCode ?? null, body, ms: Date.now() - started, closed: true })));
    });
    req.on('error', reject);
    req.write('{"action":');
  });
}

describe('uploads need the dev login', () => {
  it.each([
    ['no login', {}],
    ['an unknown identity', { 'x-dev-openid': 'nobody-at-all' }],
  ])('refuses an upload with %s: 401 with the Chinese envelope, nothing stored', async (_, headers) => {
    const before = storedFiles();
    const res = await post('files?name=a.png', PNG, headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(storedFiles()).toBe(before);
  });

  it('stores an upload from a signed-in person', async () => {
    const before = storedFiles();
    await upload('photo.png', PNG);
    expect(storedFiles()).toBe(before + 1);
  });
});

describe('stored files come back inert', () => {
  it.each([
    ['page.html', '<!doctype html><script>parent.alert(document.cookie)</script>'],
    ['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['fake.png', '<html><script>alert(1)</script></html>'],
    ['report.pdf', '%PDF-1.4 not really'],
  ])('%s is a download with nosniff, never active content', async (name, content) => {
    const res = await fetch(new URL(await upload(name, content), host.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9]+\.[a-z]+"$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).not.toMatch(/html|svg|xml|javascript/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(await res.text()).toBe(content);
  });

  it('a download may be saved under a readable name of the same type, never as another type', async () => {
    const url = new URL(await upload('report.pdf', '%PDF-1.4 not really'), host.url);
    url.searchParams.set('name', '输出信息审批记录_东门/封闭_第1版.pdf');
    const named = await fetch(url);
    expect(named.headers.get('content-type')).toBe('application/pdf');
    expect(named.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="[a-z0-9]+\\.pdf"; filename\\*=UTF-8''${encodeURIComponent('输出信息审批记录_东门_封闭_第1版.pdf')}$`),
    );
    url.searchParams.set('name', 'page.html');
    expect((await fetch(url)).headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9]+\.pdf"$/);
  });

  it('a real image is shown inline with its sniffed type', async () => {
    const res = await fetch(new URL(await upload('photo.jpg', PNG), host.url));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('sniffs png, jpeg, gif and webp, and nothing else', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a......'))).toBe('image/gif');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe('request size and time limits', () => {
  const big = Buffer.alloc(11 * MB, 0x61);
  const SIZE = { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '上传内容过大（最大10MB）' } };

  it('answers an 11 MB upload with 413 and the size message, not a dropped connection', async () => {
    const before = storedFiles();
    const res = await post('files?name=big.bin', big, { 'x-dev-openid': token });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(SIZE);
    expect(storedFiles()).toBe(before);
  });

  it('answers an 11 MB API call with 413 too', async () => {
    const res = await post('api/session', big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(SIZE);
  });

  it('counts a body sent without a length (chunked) and still answers 413', async () => {
    const { hostname, port } = new URL(host.url);
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = http.request({
        hostname,
        port,
        path: '/files?name=big.bin',
        method: 'POST',
        headers: { 'x-dev-openid': token, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      for (let i = 0; i < 11; i++) req.write(Buffer.alloc(MB, 0x62));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual(SIZE);
  });

  it('cuts a body that stalls, with a 408 after the idle timeout', async () => {
    const r = await stalledRequest('/api/session');
    expect(r.status).toBe(408);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'REQUEST_TIMEOUT', message: '请求超时，请检查网络后重试' } });
    expect(r.ms).toBeGreaterThanOrEqual(TIMEOUTS.bodyIdleMs - 50);
    expect(r.ms).toBeLessThan(TIMEOUTS.bodyIdleMs + 4_000);
    expect(r.closed).toBe(true);
  });

  it('cuts a stalled upload the same way and stores nothing', async () => {
    const before = storedFiles();
    expect((await stalledRequest('/files?name=a.png')).status).toBe(408);
    expect(storedFiles()).toBe(before);
  });

  it('closes a connection whose headers never finish', async () => {
    const { hostname, port } = new URL(host.url);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write('POST /api/session HTTP/1.1\r\nHost: x\r\n'));
      let got = '';
      socket.on('data', (c) => (got += c.toString('utf8')));
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
    });
    const ms = Date.now() - started;
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(ms).toBeLessThan(TIMEOUTS.headersMs + 4_000);
  });

  it('still serves ordinary calls after all that', async () => {
    const res = await post('api/session', JSON.stringify({ action: 'me', payload: {} }), { 'x-dev-openid': token });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });
});
