import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { startLocalHost } from './local-host';

/** Newest modification time of any file under the given folders. */
function newest(dirs: string[]): number {
  let t = 0;
  const walk = (p: string): void => {
    const s = fs.statSync(p);
    if (s.isDirectory()) fs.readdirSync(p).forEach((f) => walk(path.join(p, f)));
    else t = Math.max(t, s.mtimeMs);
  };
  dirs.filter((d) => fs.existsSync(d)).forEach(walk);
  return t;
}

/** Builds the H5 app when the sources are newer than the last build. */
export function ensureH5Build(log = console.log): void {
  const index = path.resolve('dist/h5/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built >= newest(['src', 'config'])) return;
  log('正在构建 H5 应用（npm run build:h5）…');
  execSync('npm run build:h5', { stdio: 'inherit' });
}

async function main(): Promise<void> {
  ensureH5Build();
  const host = await startLocalHost({ port: Number(process.env.PORT ?? 10086), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`\n物业业委会沟通协调 已在本地运行：${host.url}`);
  console.log('数据保存在 .data/ 目录；在登录页选择演示人员即可体验各角色。按 Ctrl+C 停止。\n');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
