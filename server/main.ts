import { loadConfig } from './config';
import { createRuntime } from './runtime';
import { createHttpServer } from './http';

/** `npm start`: the whole product on the embedded runtime. */
async function main(): Promise<void> {
  const config = loadConfig();
  const rt = await createRuntime(config);
  const server = createHttpServer(rt);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const base = `http://${config.host}:${config.port}`;
  console.log(`Hulian local runtime ready (data in ${config.dataDir})`);
  console.log(`  Mini program (h5): ${base}/`);
  console.log(`  Admin console:     ${base}/console/`);
  console.log(`  Admin login:       ${config.adminUser} / ${config.adminPassword}${config.adminPasswordGenerated ? '   (generated; kept in DATA_DIR/admin-password)' : ''}`);
  if (config.dev) console.log(`  Dev simulators:    ${base}/api/dev/* (WeChat identity, SMS outbox, pay sandbox); HULIAN_DEV=0 turns them off`);
  const stop = () => {
    server.close();
    rt.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
