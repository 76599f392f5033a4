import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a vector file copied into test/fixtures (never ../shared at test time). */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as T;
}
