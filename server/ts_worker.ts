import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running one of the project's TypeScript modules. The thread registers tsx's
 * loader itself first: under a test runner the main thread's loader is not tsx, and a worker does
 * not inherit it anyway.
 */
export function tsWorker(moduleUrl: string, options: WorkerOptions = {}): Worker {
  // Resolved here, not on import: a script loading this module as CommonJS has no import.meta.resolve.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  // A module that fails to load must end the thread (its 'error' and 'exit' events), not leave it idle.
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); }).catch((e) => setImmediate(() => { throw e; }))`;
  return new Worker(boot, { ...options, eval: true });
}
