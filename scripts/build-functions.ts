/**
 * Bundles every cloud function into a standalone folder CloudBase can run as is, and regenerates
 * `cloudbaserc.json` (functions, timer trigger) and `cloudbase-rules.json` (function and storage
 * security rules, collection permission) from the code so the deploy config cannot drift.
 *
 *   npm run build:functions          → dist/cloudfunctions/<name>/{index.js,package.json,config.json}
 *
 * A function is a folder under `cloudfunctions/` that does not start with `_` and has an `index.ts`
 * exporting `main`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { COLLECTION_NAMES } from '../cloudfunctions/_shared/storage/collections';
import { STORAGE_RULE, functionSecurityRule } from './cloudbase-plan';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_SRC = path.join(ROOT, 'cloudfunctions');
export const FUNCTIONS_DIST = path.join(ROOT, 'dist', 'cloudfunctions');
export const CLOUDBASERC = path.join(ROOT, 'cloudbaserc.json');
export const CLOUDBASE_RULES = path.join(ROOT, 'cloudbase-rules.json');

/**
 * CloudBase offers Node 16.13 / 18.15 / 20.19 / 22.21 / 24.11 (docs.cloudbase.net/cloud-function/runtime-support);
 * 18.15 is the CLI's default and the newest one every account has had for long, so bundles target node18.
 */
export const RUNTIME = 'Nodejs18.15';
const ESBUILD_TARGET = 'node18';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven fields: second minute hour day month weekday year, evaluated in UTC+8. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  /** Seconds; event functions allow 1–60. */
  timeout: number;
  /** WeChat cloud-call APIs the function may use (config.json `permissions.openapi`). */
  openapi: string[];
  triggers: TimerTrigger[];
  /** False: the function security rule closes it to every client (only its trigger runs it). */
  clientCallable: boolean;
}

const DEFAULT_TIMEOUT = 20;

/**
 * What differs from the defaults. `timer` holds the hourly sweeps and no client action; `alerts`
 * keeps the staff's on-demand sweep, so both get the longest event-function timeout.
 */
const FUNCTION_SETTINGS: Record<string, Partial<Omit<FunctionSpec, 'name'>>> = {
  alerts: { timeout: 60 },
  // A month's bills in chunks and a building's reminder slips (font subsetting) need more than 20 s at worst.
  fees: { timeout: 60 },
  // An import's chunk of 250 payment rows makes a few reads per row: seconds on the embedded store, more on CloudBase.
  // Invitations carry a mini-program code (wxacode.getUnlimited, a cloud call).
  admin: { timeout: 60, openapi: ['wxacode.getUnlimited'] },
  // An approval record as PDF subsets the 10 MB font (a few seconds on a cold instance).
  filings: { timeout: 60 },
  timer: {
    timeout: 60,
    openapi: ['subscribeMessage.send'],
    triggers: [{ name: 'sweep', type: 'timer', config: '0 0 * * * * *' }],
    clientCallable: false,
  },
};

/**
 * Any feature may raise an alert, and raising one may send a subscribe message: a bundle that
 * contains the alert delivery code gets the cloud-call permission even if the table forgot it.
 */
const RAISES_ALERTS = /cloudfunctions[\\/]_shared[\\/]alerts\.ts$/;

export function discoverFunctions(): string[] {
  return fs
    .readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

export function functionSpec(name: string, detectedOpenapi: string[] = []): FunctionSpec {
  const s = FUNCTION_SETTINGS[name] ?? {};
  return {
    name,
    timeout: s.timeout ?? DEFAULT_TIMEOUT,
    openapi: [...new Set([...(s.openapi ?? []), ...detectedOpenapi])].sort(),
    triggers: s.triggers ?? [],
    clientCallable: s.clientCallable ?? true,
  };
}

/**
 * The node-sdk reads its own package.json at run time (`../../package.json` from its dist) only to
 * report its version; inside a bundle that path does not exist, so the version is inlined instead.
 * (wx-server-sdk carries its own node-sdk copy, pinned by it; the filter covers both.)
 */
const inlineNodeSdkVersion: Plugin = {
  name: 'inline-node-sdk-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, (args) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(args.path), '..', '..', 'package.json'), 'utf8')) as { version: string };
      return { contents: `exports.version = ${JSON.stringify(pkg.version)};`, loader: 'js' };
    });
  },
};

/**
 * zod exposes every language pack as `z.locales` (`export * as locales` in its classic and core
 * entries), which esbuild cannot shake: each bundle carried 64 packs, ~290 KB. The functions speak
 * Chinese only (`src/domain/api/contract.ts` installs zh-CN), so that namespace is cut down to the
 * Chinese pack and the English default zod's schemas import on their own.
 */
const ZOD_LOCALES_INDEX = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/;
export const chineseZodLocaleOnly: Plugin = {
  name: 'chinese-zod-locale-only',
  setup(b) {
    b.onLoad({ filter: ZOD_LOCALES_INDEX }, () => ({
      contents: "export { default as zhCN } from './zh-CN.js';\nexport { default as en } from './en.js';\n",
      loader: 'js',
    }));
  },
};

/** How a deployed function is bundled; the wire test of the WeChat send bundles its sender the same way. */
export function bundleOptions(entry: string, outfile: string): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: ESBUILD_TARGET,
    format: 'cjs',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    // Fixing the runtime at build time lets esbuild drop the local branch of getRuntime() entirely.
    define: { 'process.env.APP_RUNTIME': '"cloudbase"' },
    // Whitespace and syntax only: identifiers stay readable in CloudBase's error logs.
    minifySyntax: true,
    minifyWhitespace: true,
    // Third-party licence notices stay with the code they cover.
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
    plugins: [inlineNodeSdkVersion, chineseZodLocaleOnly],
  };
}

/** Anything from the local runtime in a deployed bundle would be a security bug (dev login, the embedded stores). */
const LOCAL_ONLY_INPUTS = [
  /cloudfunctions[\\/]_shared[\\/]local\.ts$/,
  /cloudfunctions[\\/]_shared[\\/]storage[\\/](nedb|sqlite)[^\\/]*\.ts$/,
  /@seald-io[\\/]nedb/,
  /node-sqlite3-wasm/,
];
// Case-sensitive on purpose: the SDK legitimately contains "containedBy", which holds "nedB".
const LOCAL_ONLY_TEXT = ['nedb', '@seald-io', 'node-sqlite3-wasm'];

export interface BuiltFunction {
  spec: FunctionSpec;
  dir: string;
  bytes: number;
  gzipBytes: number;
}

/** The Chinese font every PDF embeds (`cloudfunctions/_shared/pdf.ts`): 10 MB, subset per document. */
const PDF_FONT = { from: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', to: 'NotoSansSC-Regular.ttf' };

/**
 * Files a function reads at run time, copied next to its bundle rather than inlined: the font of the
 * reminder slips (fees) and the approval-record PDFs (filings).
 */
export const FUNCTION_FILES: Record<string, Array<{ from: string; to: string }>> = {
  fees: [PDF_FONT],
  filings: [PDF_FONT],
};

async function buildOne(name: string, rootVersion: string): Promise<BuiltFunction> {
  const dir = path.join(FUNCTIONS_DIST, name);
  const outfile = path.join(dir, 'index.js');
  const result = await build(bundleOptions(path.join(FUNCTIONS_SRC, name, 'index.ts'), outfile));
  const meta = result.metafile!;

  const leakedInputs = Object.keys(meta.inputs).filter((p) => LOCAL_ONLY_INPUTS.some((re) => re.test(p)));
  if (leakedInputs.length) throw new Error(`${name}: local-only code got into the bundle: ${leakedInputs.join(', ')}`);
  const code = fs.readFileSync(outfile, 'utf8');
  const leakedText = LOCAL_ONLY_TEXT.filter((t) => code.includes(t));
  if (leakedText.length) throw new Error(`${name}: bundle mentions ${leakedText.join(', ')}; the embedded store must not ship`);

  const spec = functionSpec(name, Object.keys(meta.inputs).some((p) => RAISES_ALERTS.test(p)) ? ['subscribeMessage.send'] : []);

  // @cloudbase/node-sdk bundles cleanly (only Node built-ins stay external), so no dependencies remain.
  const pkg = {
    name,
    version: rootVersion,
    private: true,
    description: `物业业委会沟通协调 · 云函数 ${name}（构建产物，请勿手工修改）`,
    main: 'index.js',
    dependencies: {},
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(functionConfigJson(spec), null, 2) + '\n');
  for (const f of FUNCTION_FILES[name] ?? []) fs.copyFileSync(path.join(ROOT, f.from), path.join(dir, f.to));

  return { spec, dir, bytes: Buffer.byteLength(code), gzipBytes: zlib.gzipSync(code).length };
}

/** The per-function config.json WeChat DevTools reads on upload (cloud-call permissions, timer trigger). */
export function functionConfigJson(spec: FunctionSpec): { permissions: { openapi: string[] }; triggers?: TimerTrigger[] } {
  return { permissions: { openapi: spec.openapi }, ...(spec.triggers.length ? { triggers: spec.triggers } : {}) };
}

// ---------------------------------------------------------------------------------------------
// cloudbaserc.json

export function renderCloudbaserc(specs: FunctionSpec[]): Record<string, unknown> {
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV}}',
    $schema: 'https://framework-1258016615.tcloudbaseapp.com/schema/latest.json',
    // Read by `tcb fn deploy`: the bundles are self-contained, built by `npm run build:functions`.
    functionRoot: 'dist/cloudfunctions',
    functions: specs.map((s) => ({
      name: s.name,
      timeout: s.timeout,
      runtime: RUNTIME,
      // Dates and deadlines are computed in Asia/Shanghai whatever the server's zone; TZ makes logs agree.
      envVariables: { TZ: 'Asia/Shanghai' },
      handler: 'index.main',
      // Nothing to install: every dependency is inside index.js.
      installDependency: false,
      ...(s.triggers.length ? { triggers: s.triggers } : {}),
    })),
  };
}

export const renderCloudbasercText = (specs: FunctionSpec[]): string => JSON.stringify(renderCloudbaserc(specs), null, 2) + '\n';

/**
 * The security settings the tcb CLI has no place for in cloudbaserc.json, in the console's own
 * formats: paste each into its console page, or let `scripts/init-cloudbase.ts` apply them.
 */
export function renderRules(specs: FunctionSpec[]): Record<string, unknown> {
  return {
    $comment: '由 npm run build:functions 生成，请勿手工修改；scripts/init-cloudbase.ts 会应用这些规则',
    functionSecurityRule: functionSecurityRule(specs),
    storageSecurityRule: STORAGE_RULE,
    collectionPermission: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 'ADMINONLY'])),
  };
}
export const renderRulesText = (specs: FunctionSpec[]): string => JSON.stringify(renderRules(specs), null, 2) + '\n';

// ---------------------------------------------------------------------------------------------

export async function buildFunctions(options: { log?: (line: string) => void } = {}): Promise<BuiltFunction[]> {
  const log = options.log ?? (() => undefined);
  const names = discoverFunctions();
  if (!names.length) throw new Error('no cloud functions found under cloudfunctions/');
  const rootVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  // Stale folders of renamed or removed functions must not be deployed by `tcb fn deploy`.
  fs.rmSync(FUNCTIONS_DIST, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  // One at a time: esbuild is already parallel inside, and the machine is small.
  for (const name of names) built.push(await buildOne(name, rootVersion));

  fs.writeFileSync(CLOUDBASERC, renderCloudbasercText(built.map((b) => b.spec)));
  fs.writeFileSync(CLOUDBASE_RULES, renderRulesText(built.map((b) => b.spec)));

  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  for (const b of built) {
    const extras = [b.spec.openapi.length ? `openapi: ${b.spec.openapi.join(',')}` : '', b.spec.triggers.map((t) => `timer ${t.name} "${t.config}"`).join(' ')]
      .filter(Boolean)
      .join('; ');
    log(`  ${b.spec.name.padEnd(12)} ${kb(b.bytes).padStart(10)}  (gzip ${kb(b.gzipBytes)})${extras ? `  ${extras}` : ''}`);
  }
  log(`  wrote ${path.relative(ROOT, CLOUDBASERC)} (${names.length} functions) and ${path.relative(ROOT, CLOUDBASE_RULES)}`);
  return built;
}

function newestMtime(dir: string, keep: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, keep));
    else if (keep(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist holds a bundle for every function, each newer than every source it could include. */
export function distIsFresh(): boolean {
  const names = discoverFunctions();
  if (!fs.existsSync(FUNCTIONS_DIST) || !fs.existsSync(CLOUDBASERC) || !fs.existsSync(CLOUDBASE_RULES)) return false;
  const distNames = fs.readdirSync(FUNCTIONS_DIST).sort();
  if (distNames.join() !== names.join()) return false;
  const outputs = names.flatMap((n) => ['index.js', 'package.json', 'config.json'].map((f) => path.join(FUNCTIONS_DIST, n, f)));
  if (!outputs.every((f) => fs.existsSync(f))) return false;
  const oldestOutput = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs), fs.statSync(CLOUDBASERC).mtimeMs, fs.statSync(CLOUDBASE_RULES).mtimeMs);
  const isSource = (f: string): boolean => /\.(ts|tsx|js|json)$/.test(f);
  const newestSource = Math.max(
    newestMtime(FUNCTIONS_SRC, isSource),
    newestMtime(path.join(ROOT, 'src', 'domain'), isSource),
    ...[__filename, path.join(__dirname, 'cloudbase-plan.ts'), path.join(ROOT, 'package-lock.json')]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.statSync(f).mtimeMs),
  );
  return newestSource < oldestOutput;
}

if (require.main === module) {
  const started = Date.now();
  console.log(`Building cloud functions → ${path.relative(ROOT, FUNCTIONS_DIST)} (${RUNTIME})`);
  buildFunctions({ log: (l) => console.log(l) })
    .then(() => console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
