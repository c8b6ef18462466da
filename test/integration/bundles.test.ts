/**
 * The deployed bundles, exercised the way CloudBase runs them: copied out of the repo (so nothing
 * can resolve from its node_modules) and loaded by a plain `node`, in cloudbase mode, with no
 * credentials. They must load, route, refuse the dev login, and carry no trace of the local store.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/storage/collections';
import {
  CLOUDBASE_RULES,
  CLOUDBASERC,
  FUNCTIONS_DIST,
  RUNTIME,
  buildFunctions,
  discoverFunctions,
  distIsFresh,
  functionConfigJson,
  functionSpec,
  renderCloudbasercText,
  renderRulesText,
} from '../../scripts/build-functions';

jest.setTimeout(120_000);

const names = discoverFunctions();
let tmp: string;

/** Runs `script` in a fresh node inside `cwd`, with no platform or app env that could change the bundle's mind. */
function runNode(cwd: string, script: string): { stdout: string; stderr: string } {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(APP_RUNTIME|TCB_|WX_|TENCENTCLOUD_|SCF_|NODE_PATH$)/.test(k)),
  ) as NodeJS.ProcessEnv;
  const res = spawnSync(process.execPath, ['-e', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) throw new Error(`node exited ${res.status}: ${res.error?.message ?? ''}\n${res.stdout}\n${res.stderr}`);
  return { stdout: res.stdout, stderr: res.stderr };
}

beforeAll(async () => {
  if (!distIsFresh()) await buildFunctions();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-bundles-'));
  for (const n of names) fs.cpSync(path.join(FUNCTIONS_DIST, n), path.join(tmp, n), { recursive: true });
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('function bundles', () => {
  it('are built for every function folder', () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(expect.arrayContaining(['session', 'fees', 'alerts']));
    expect(fs.readdirSync(FUNCTIONS_DIST).sort()).toEqual(names);
    // The copy lives outside the repo: no node_modules above it can satisfy a forgotten dependency.
    expect(path.relative(path.resolve(__dirname, '../..'), tmp).startsWith('..')).toBe(true);
  });

  it.each(names)('%s loads standalone and exports main', (name) => {
    const { stdout } = runNode(tmp, `const m = require('./${name}/index.js'); process.stdout.write(typeof m.main);`);
    expect(stdout).toBe('function');
  });

  it('fees reads its Chinese font beside the bundle and subsets it per slip', () => {
    const slip = {
      communityName: '阳光花园',
      roomLabel: '1栋-1单元-301',
      bills: [{ month: '2026-11', owingFen: 22343 }],
      account: { bank: '招商银行', accountName: '某物业公司', accountNo: '6225000011112222' },
      date: '2026-11-20',
    };
    const script = `require('./fees/index.js').slipsPdf([${JSON.stringify(slip)}]).then((b) => process.stdout.write(String(b.length) + ' ' + Buffer.from(b.slice(0, 5)).toString()));`;
    const [bytes, magic] = runNode(tmp, script).stdout.split(' ');
    expect(magic).toBe('%PDF-');
    expect(Number(bytes)).toBeLessThan(100_000);
  });

  it('filings reads the same font beside its bundle for the approval record PDF', () => {
    const sheet = {
      title: '输出信息审批记录',
      meta: ['文件：通报《东门封闭》第1版'],
      columns: [
        { title: '委员', weight: 1 },
        { title: '状态', weight: 1 },
      ],
      rows: [['王伟', '已签收']],
      body: '东门将于下周一起封闭施工。',
      attachments: [],
      signatures: ['经办人：'],
      filename: 'x.pdf',
    };
    const script = `require('./filings/index.js').recordPdfBytes(${JSON.stringify(sheet)}).then((r) => process.stdout.write(String(r.bytes.length) + ' ' + Buffer.from(r.bytes.slice(0, 5)).toString()));`;
    const [bytes, magic] = runNode(tmp, script).stdout.split(' ');
    expect(magic).toBe('%PDF-');
    expect(Number(bytes)).toBeLessThan(100_000);
  });

  it.each(names)('%s has no dependency left to install and no embedded store inside', (name) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(tmp, name, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: {} });
    const code = fs.readFileSync(path.join(tmp, name, 'index.js'), 'utf8');
    expect(code.includes('nedb')).toBe(false);
    expect(code.includes('@seald-io')).toBe(false);
    expect(code).not.toMatch(/require\(["']@cloudbase\//);
  });

  it('session refuses the dev login in a deployed bundle, before touching any database', () => {
    const script = `
      const { main } = require('./session/index.js');
      main({ action: 'devLogin', payload: { personId: 'x' } }, {})
        .then((r) => process.stdout.write(JSON.stringify(r)), (e) => process.stdout.write(JSON.stringify({ threw: String(e) })));`;
    const { stdout, stderr } = runNode(tmp, script);
    const result = JSON.parse(stdout);
    if (result?.error?.code === 'INTERNAL') {
      throw new Error(
        'devLogin answered INTERNAL instead of DEV_LOGIN_DISABLED: in cloudbase mode the runtime identifies the caller ' +
          'before the handler runs, and tcb.getCloudbaseContext({}) throws INVALID_CONTEXT for a context without ' +
          `\`environ\`/\`environment\`. Function log:\n${stderr.split('\n').slice(0, 4).join('\n')}`,
      );
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'DEV_LOGIN_DISABLED' } });
  });

  it.each([
    ['alerts', '{}'],
    ['timer', '{}'],
    // What a mini-program call looks like to the timer: a user, and no timer trigger source.
    ['timer', JSON.stringify({ request_id: 'r', environment: JSON.stringify({ TRIGGER_SRC: 'wx_client', WX_OPENID: 'o-x' }) })],
  ])('%s refuses a forged {"Type":"Timer"} with TIMER_ONLY (context %s), before touching any database', (name, context) => {
    const script = `require('./${name}/index.js').main({ Type: 'Timer', TriggerName: 'sweep' }, ${context}).then((r) => process.stdout.write(JSON.stringify(r)));`;
    expect(JSON.parse(runNode(tmp, script).stdout)).toMatchObject({ ok: false, error: { code: 'TIMER_ONLY' } });
  });

  // esbuild writes non-ASCII text as \uXXXX escapes; search for a phrase the way it appears in a bundle.
  const asBundled = (text: string): string => text.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  const otherZodLocales = { ja: '無効な入力', ko: '잘못된 입력', ru: 'Неверный ввод', es: 'Entrada inválida' };

  it.each(names.filter((n) => n !== 'timer'))("%s carries zod's Chinese messages and no other language pack", (name) => {
    const code = fs.readFileSync(path.join(tmp, name, 'index.js'), 'utf8');
    expect(code).toContain(asBundled('无效输入'));
    for (const [locale, phrase] of Object.entries(otherZodLocales)) expect([locale, code.includes(asBundled(phrase))]).toEqual([locale, false]);
  });

  it('session answers an unknown action with UNKNOWN_ACTION', () => {
    const { stdout } = runNode(tmp, `require('./session/index.js').main({ action: 'nope' }, {}).then((r) => process.stdout.write(JSON.stringify(r)));`);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });
});

describe('deploy configuration', () => {
  const rc = () => JSON.parse(fs.readFileSync(CLOUDBASERC, 'utf8'));

  it.each(names)('%s/config.json declares its cloud-call permissions and triggers', (name) => {
    const config = JSON.parse(fs.readFileSync(path.join(tmp, name, 'config.json'), 'utf8'));
    expect(config).toEqual(functionConfigJson(functionSpec(name, config.permissions.openapi)));
    expect(Array.isArray(config.permissions.openapi)).toBe(true);
  });

  it('the timer function may send subscribe messages and runs hourly on a 7-field timer; no other function has a trigger', () => {
    const config = JSON.parse(fs.readFileSync(path.join(tmp, 'timer', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toContain('subscribeMessage.send');
    expect(config.triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 0 * * * * *' }]);
    expect(config.triggers[0].config.split(' ')).toHaveLength(7);
    for (const n of names.filter((n) => n !== 'timer')) {
      expect(JSON.parse(fs.readFileSync(path.join(tmp, n, 'config.json'), 'utf8')).triggers).toBeUndefined();
    }
  });

  it('cloudbaserc.json is the generated one', () => {
    const specs = names.map((n) => {
      const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIST, n, 'config.json'), 'utf8'));
      return functionSpec(n, config.permissions.openapi);
    });
    expect(fs.readFileSync(CLOUDBASERC, 'utf8')).toBe(renderCloudbasercText(specs));
  });

  it('cloudbaserc.json lists every function with runtime, timezone and handler', () => {
    const config = rc();
    expect(config.envId).toBe('{{env.TCB_ENV}}');
    expect(config.functionRoot).toBe('dist/cloudfunctions');
    expect(config.functions.map((f: { name: string }) => f.name)).toEqual(names);
    for (const f of config.functions) {
      expect(f).toMatchObject({ runtime: RUNTIME, handler: 'index.main', envVariables: { TZ: 'Asia/Shanghai' }, installDependency: false });
      expect(f.timeout).toBeGreaterThanOrEqual(1);
      expect(f.timeout).toBeLessThanOrEqual(60);
    }
    const byName = (n: string) => config.functions.find((f: { name: string }) => f.name === n);
    expect(byName('timer')).toMatchObject({ timeout: 60, triggers: [{ name: 'sweep', type: 'timer', config: '0 0 * * * * *' }] });
    // The staff's on-demand sweep runs the same work as the timer.
    expect(byName('alerts').timeout).toBe(60);
    expect(byName('alerts').triggers).toBeUndefined();
    // The database plugin of `tcb framework deploy` is not on npm: collections come from scripts/init-cloudbase.ts.
    expect(config.framework).toBeUndefined();
  });

  it('cloudbase-rules.json is the generated one: timer closed to clients, every other function signed-in only, storage never public', () => {
    const specs = names.map((n) => functionSpec(n, JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIST, n, 'config.json'), 'utf8')).permissions.openapi));
    const text = fs.readFileSync(CLOUDBASE_RULES, 'utf8');
    expect(text).toBe(renderRulesText(specs));
    const rules = JSON.parse(text);
    expect(rules.functionSecurityRule).toEqual({
      '*': { invoke: 'auth != null' },
      ...Object.fromEntries(names.map((n) => [n, { invoke: n === 'timer' ? false : 'auth != null' }])),
    });
    expect(rules.storageSecurityRule).toEqual({ read: 'auth != null', write: 'resource.openid == auth.openid' });
    expect(Object.keys(rules.collectionPermission)).toEqual(COLLECTION_NAMES);
    expect(new Set(Object.values(rules.collectionPermission))).toEqual(new Set(['ADMINONLY']));
  });
});
