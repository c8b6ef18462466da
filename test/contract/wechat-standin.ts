/**
 * A local stand-in for the cloud-call endpoint wx-server-sdk reaches through @cloudbase/node-sdk,
 * so the real send (cloud.openapi.subscribeMessage.send) runs unmodified on every test run.
 *
 * What the SDKs send (read from wx-server-sdk 4.0.2 and its node-sdk 3.17.2): `POST <url>?env=…`,
 * multipart/form-data with the fields `action: 'wx.openApi'`, `apiName: 'subscribeMessage.send'`,
 * `envName`, `wxCloudApiToken`, … and `requestData`: a protobuf `CommApiData` { apiType = OPEN_API,
 * openapiData: { pairs: [{ key, value: JSON bytes }] } }, the keys in snake case (template_id).
 * The answer is raw bytes: a protobuf `CommOpenApiResp` { respData: WeChat's JSON, contentType }.
 * The platform tells the node-sdk where to send with TCB_CONTEXT_CNFG = {"URL": …}.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';
import * as protobuf from 'protobufjs';
import { bundleOptions, ROOT } from '../../scripts/build-functions';

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: { fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 } } },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: { fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } } },
    CommOpenApiResp: { fields: { respData: { type: 'bytes', id: 1 }, contentType: { type: 'string', id: 2 }, errorCode: { type: 'int32', id: 3 } } },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export interface CapturedCall {
  url: string;
  /** Plain form fields (everything but requestData). */
  fields: Record<string, string>;
  apiType: number;
  /** The openapi pairs, each value parsed from its JSON bytes. */
  data: Record<string, unknown>;
}

/** Splits a multipart body into its named parts (enough for what form-data writes). */
function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const parts = new Map<string, Buffer>();
  const sep = Buffer.from(`--${boundary}`);
  let at = body.indexOf(sep);
  while (at >= 0) {
    const next = body.indexOf(sep, at + sep.length);
    if (next < 0) break;
    const part = body.subarray(at + sep.length + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString();
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name) parts.set(name, part.subarray(headEnd + 4));
    at = next;
  }
  return parts;
}

export class WechatStandin {
  calls: CapturedCall[] = [];
  /** WeChat's JSON answers for the next calls; when empty, `{ errcode: 0, errmsg: 'ok' }`. */
  answers: Array<Record<string, unknown>> = [];
  /** Binary answers (an image, as wxacode.getUnlimited gives) for the next calls, taken before `answers`. */
  images: Array<{ bytes: Buffer; contentType: string }> = [];
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const parts = parseMultipart(Buffer.concat(chunks), String(req.headers['content-type']));
          const fields = Object.fromEntries([...parts].filter(([k]) => k !== 'requestData').map(([k, v]) => [k, v.toString()]));
          const decoded = CommApiData.toObject(CommApiData.decode(parts.get('requestData') ?? Buffer.alloc(0)), { defaults: true }) as {
            apiType: number;
            openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> };
          };
          const data = Object.fromEntries((decoded.openapiData?.pairs ?? []).map((p) => [p.key, JSON.parse(Buffer.from(p.value).toString())]));
          this.calls.push({ url: req.url ?? '', fields, apiType: decoded.apiType, data });
          const image = this.images.shift();
          const answer = this.answers.shift() ?? { errcode: 0, errmsg: 'ok' };
          const resp = CommOpenApiResp.encode(
            CommOpenApiResp.create(
              image
                ? { respData: image.bytes, contentType: image.contentType }
                : { respData: Buffer.from(JSON.stringify(answer)), contentType: 'application/json; charset=utf-8' },
            ),
          ).finish();
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          res.end(Buffer.from(resp));
        } catch (e) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'STANDIN_UNSUPPORTED', message: String(e) }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/admin`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * `cloudfunctions/_shared/wechat.ts` bundled as a function is deployed, and a way to run one call of
 * it in a fresh plain node with the platform pointing the SDK at `standin` (none of this machine's
 * cloud variables leak in). `expr` is a promise over `require('./wechat.js')`; its result comes back.
 * Registers its own beforeAll/afterAll.
 */
export function bundledWechat(standin: WechatStandin, prefix: string): { runInNode: (expr: string) => Promise<unknown> } {
  let url = '';
  let tmp = '';
  beforeAll(async () => {
    url = await standin.start();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    await build(bundleOptions(path.join(ROOT, 'cloudfunctions/_shared/wechat.ts'), path.join(tmp, 'wechat.js')));
  });
  afterAll(async () => {
    await standin.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  const runInNode = (expr: string): Promise<unknown> => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(APP_RUNTIME|TCB_|WX_|TENCENTCLOUD|SCF_|NODE_PATH$)/.test(k)));
    const script = `(${expr}).then((r) => process.stdout.write(JSON.stringify(r)));`;
    return new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        ['-e', script],
        { cwd: tmp, env: { ...env, TENCENTCLOUD: 'true', TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }) }, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
      ),
    );
  };
  return { runInNode };
}
