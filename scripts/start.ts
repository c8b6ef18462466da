import { ensureH5Build } from './h5-build';
import { startLocalHost } from './local-host';

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
