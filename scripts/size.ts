/**
 * Reports the size of the built mini-program (dist/weapp): the main package and each subpackage,
 * each against its limit, and exits 1 when one is over. WeChat refuses a package over 2 MB; ours are
 * held far lower so a page opens fast on a slow phone: the main package (every launch downloads it)
 * to 400 KB, each subpackage (downloaded on the first visit to one of its pages) to 300 KB.
 * Counted as uploaded: every file but the devtools' project file and source maps.
 */
import * as fs from 'fs';
import * as path from 'path';
import { appPages } from '../src/domain/routes';

const ROOT = path.resolve(__dirname, '..', 'dist', 'weapp');
const MAIN_LIMIT_KB = 400;
const SUBPACKAGE_LIMIT_KB = 300;
const REQUIRED_SUBPACKAGES = appPages().subPackages.map((s) => s.root);

interface AppJson {
  subPackages?: Array<{ root: string }>;
  subpackages?: Array<{ root: string }>;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function main(): number {
  const appJsonPath = path.join(ROOT, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error(`未找到 ${path.relative(process.cwd(), appJsonPath)}：请先运行 npm run build:weapp`);
    return 1;
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));

  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])]);
  for (const file of filesUnder(ROOT)) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    // Devtools' project file and source maps are not uploaded as code.
    if (rel === 'project.config.json' || rel.endsWith('.map')) continue;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(file).size);
  }

  let failed = false;
  const check = (label: string, bytes: number, limitKb: number): void => {
    const over = bytes > limitKb * 1024;
    console.log(`${label}: ${kb(bytes)} (上限 ${limitKb} KB)${over ? '  ✗ 超过上限' : ''}`);
    failed ||= over;
  };
  check('主包 main', sizes.get('main') ?? 0, MAIN_LIMIT_KB);
  for (const r of roots) check(`分包 ${r}`, sizes.get(r) ?? 0, SUBPACKAGE_LIMIT_KB);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`合计 total: ${kb(total)}`);
  if (failed) console.error('有包超过上限：只在某类页面使用的代码放进对应分包，大的库只在用到它的页面引入（见 docs/architecture.md 的 Package sizes）');

  const missing = REQUIRED_SUBPACKAGES.filter((r) => !roots.includes(r));
  if (missing.length > 0) {
    console.error(`app.json 缺少分包：${missing.join('、')}（请重新运行 npm run build:weapp）`);
    failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
