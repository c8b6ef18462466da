/**
 * The runtime of this process, chosen once: kept apart from the Runtime type so that the adapters,
 * which implement the type, and this chooser, which imports the adapters, import no circle.
 */
import type { Runtime } from './runtime';

let current: Runtime | undefined;

export function getRuntime(): Runtime {
  if (!current) {
    // The deployed bundles are built with APP_RUNTIME defined as "cloudbase", so esbuild drops the
    // local branch: the embedded store and the dev login do not exist in a deployed function.
    current =
      process.env.APP_RUNTIME === 'local'
        ? (require('./local') as typeof import('./local')).createLocalRuntime()
        : (require('./cloudbase') as typeof import('./cloudbase')).createCloudbaseRuntime();
  }
  return current;
}

/** For the local host and tests, which build their runtime themselves. */
export function setRuntime(rt: Runtime | undefined): void {
  current = rt;
}
