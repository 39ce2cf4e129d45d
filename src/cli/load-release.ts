/**
 * Loading a model version in Node (the CLI, the corpus tools): the current
 * one from the sources and scenarios/, an older one from its archived
 * module under public/engines/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { currentRelease } from '../engine/release/current.ts';
import type { EngineRelease } from '../engine/release/release.ts';
import { archivePath, MODEL_VERSION } from '../engine/version.ts';

const root = new URL('../../', import.meta.url);

/** The repository's scenarios/ as name to text. */
export function currentScenarios(dir: URL = new URL('scenarios/', root)): Record<string, string> {
  const names = readdirSync(dir).filter((name) => name.endsWith('.race')).sort();
  return Object.fromEntries(names.map((name) => [name.slice(0, -'.race'.length), readFileSync(new URL(name, dir), 'utf8')]));
}

export async function loadRelease(version: number): Promise<EngineRelease> {
  if (version === MODEL_VERSION) return currentRelease(currentScenarios());
  return (await import(new URL(`public/${archivePath(version)}`, root).href)) as EngineRelease;
}
