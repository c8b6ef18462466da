/**
 * Reports the size of the built mini-program (dist/weapp): the main package and each subpackage.
 * WeChat refuses to upload a main package over 2 MB; we hold ours to 500 KB so the first screen
 * opens fast on a slow phone, and fail here rather than at upload time.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', 'dist', 'weapp');
const MAIN_LIMIT_KB = 500;
const REQUIRED_SUBPACKAGES = ['packages/owner', 'packages/committee', 'packages/staff'];

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
  const mainBytes = sizes.get('main') ?? 0;
  console.log(`主包 main: ${kb(mainBytes)} (上限 ${MAIN_LIMIT_KB} KB)`);
  for (const r of roots) console.log(`分包 ${r}: ${kb(sizes.get(r) ?? 0)}`);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`合计 total: ${kb(total)}`);

  if (mainBytes > MAIN_LIMIT_KB * 1024) {
    console.error(`主包超过 ${MAIN_LIMIT_KB} KB：请把只在某个角色页面使用的代码移到对应分包`);
    failed = true;
  }
  const missing = REQUIRED_SUBPACKAGES.filter((r) => !roots.includes(r));
  if (missing.length > 0) {
    console.error(`app.json 缺少分包：${missing.join('、')}`);
    failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
