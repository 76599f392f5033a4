import { Worker, type WorkerOptions } from 'node:worker_threads';

const tsxApi = import.meta.resolve('tsx/esm/api');

/**
 * A worker thread running one of the project's TypeScript modules. The thread registers tsx's
 * loader itself first: under a test runner the main thread's loader is not tsx, and a worker does
 * not inherit it anyway.
 */
export function tsWorker(moduleUrl: string, options: WorkerOptions = {}): Worker {
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
