import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Which Chromium the browser tests drive, and the one font it renders with.
 *
 * `npm install && npm test` must pass on a fresh machine without apt-get, so when the machine has no
 * Chromium the tests use `@sparticuz/chromium` (a headless Chromium with the few libraries it needs,
 * brotli-packed inside the npm package, x64 Linux only). Text is drawn with Noto Sans SC from
 * `@expo-google-fonts/noto-sans-sc`, given to the browser as the ONLY font through a fontconfig file,
 * so screenshots and layout are the same whichever browser and whatever fonts the machine has.
 *
 * `CHROMIUM_PATH` names a binary; `TEST_CHROMIUM=npm` forces the npm one, `TEST_CHROMIUM=system` a
 * system one (failing when there is none). Not `BROWSER`: desktops set that to their web browser.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

export const FONT_FAMILY = 'Noto Sans SC';
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

export interface Chromium {
  executablePath: string;
  /** One line for the log: which browser, from where. */
  label: string;
  /** The browser's whole environment (playwright's `env` replaces, not extends, process.env). */
  env: Record<string, string>;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function packageDir(name: string): string {
  // The package.json of an ESM-only package is not exported, so walk up from node_modules directly.
  const dir = path.join(ROOT, 'node_modules', ...name.split('/'));
  if (!fs.existsSync(path.join(dir, 'package.json'))) throw new Error(`${name} is not installed: run npm install`);
  return dir;
}

function packageVersion(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the npm Chromium once per version into the temp folder, through the package's own inflate
 * code pointed at a staging folder (it writes to os.tmpdir(), so TMPDIR is the staging folder), then
 * renames it into place: a run killed half way never leaves a broken binary behind, and two runs at
 * once do not write into the same files. Never given a URL, the package reads only its own bin/.
 */
function unpackNpmChromium(pkg: string, version: string): { dir: string; ms: number } {
  const dir = path.join(os.tmpdir(), `wuye-chromium-${version}`);
  if (fs.existsSync(path.join(dir, 'chromium'))) return { dir, ms: 0 };
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  const started = Date.now();
  const script = `
    import Chromium, { inflate } from '@sparticuz/chromium';
    const bin = process.argv[1];
    await Chromium.executablePath(bin);
    await inflate(bin + '/al2023.tar.br');`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, path.join(pkg, 'bin')], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: staging },
    encoding: 'utf8',
  });
  if (res.status !== 0 || !fs.existsSync(path.join(staging, 'chromium'))) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`unpacking @sparticuz/chromium failed: ${res.stderr || res.error?.message || `exit ${res.status}`}`);
  }
  try {
    fs.renameSync(staging, dir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another run got there first
  }
  return { dir, ms: Date.now() - started };
}

/**
 * A fontconfig file whose only font folder is the npm font package: every family the app asks for
 * (PingFang SC, Microsoft YaHei, sans-serif, monospace…) and every fallback resolves to Noto Sans SC.
 */
function fontconfigFile(): string {
  const fonts = packageDir(FONT_PACKAGE);
  // One file per checkout, so two checkouts testing at once never rewrite each other's.
  const dir = path.join(os.tmpdir(), `wuye-fontconfig-${createHash('sha1').update(fonts).digest('hex').slice(0, 10)}`);
  fs.mkdirSync(dir, { recursive: true });
  const xml = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <cachedir>${path.join(dir, 'cache')}</cachedir>
</fontconfig>
`;
  const file = path.join(dir, 'fonts.conf');
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== xml) {
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, xml);
    fs.renameSync(tmp, file);
  }
  return file;
}

function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.FONTCONFIG_FILE = fontconfigFile();
  return env;
}

function npmChromium(forced: boolean): Chromium {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`@sparticuz/chromium runs on x64 Linux only (this is ${process.platform}-${process.arch}); set CHROMIUM_PATH to a Chromium/Chrome binary`);
  }
  const pkg = packageDir('@sparticuz/chromium');
  const version = packageVersion(pkg);
  const { dir, ms } = unpackNpmChromium(pkg, version);
  const env = baseEnv();
  // Its own NSS/NSPR/expat build, so the machine needs no browser libraries (glibc is enough).
  env.LD_LIBRARY_PATH = [path.join(dir, 'al2023', 'lib'), env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  const unpacked = ms ? `, unpacked to ${dir} in ${(ms / 1000).toFixed(1)} s` : ` (unpacked at ${dir})`;
  return {
    executablePath: path.join(dir, 'chromium'),
    label: `${forced ? 'TEST_CHROMIUM=npm' : 'no system chromium'}; using @sparticuz/chromium ${version} from npm${unpacked}`,
    env,
  };
}

export function findSystemChromium(): string | undefined {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CHROMIUM_PATH=${given} does not exist`);
    return given;
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of SYSTEM_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/** The browser to launch, decided once per test file; prints which one. */
export function chooseChromium(): Chromium {
  const want = process.env.TEST_CHROMIUM ?? '';
  if (!['', 'npm', 'system'].includes(want)) throw new Error(`TEST_CHROMIUM must be "npm" or "system", not "${want}"`);
  const system = want === 'npm' ? undefined : findSystemChromium();
  if (want === 'system' && !system) throw new Error('TEST_CHROMIUM=system but no chromium, chromium-browser or google-chrome was found (or set CHROMIUM_PATH)');
  const chosen = system ? { executablePath: system, label: `using system chromium at ${system}`, env: baseEnv() } : npmChromium(want === 'npm');
  console.log(`[browser] ${chosen.label}; text in ${FONT_FAMILY} from ${FONT_PACKAGE} ${packageVersion(packageDir(FONT_PACKAGE))}`);
  return chosen;
}
