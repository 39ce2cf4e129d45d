/**
 * Older model versions in the browser: each is its own ES module under the
 * site's engines/v<N>/ (built by scripts/release/archive-engine.ts), fetched only
 * when a link from that version is opened, so no page pays for it before.
 */
import { archivePath } from '../../engine/version.ts';
import type { EngineRelease } from '../../engine/release/release.ts';
import { BASE } from '../shared/url-state.ts';

const loaded = new Map<number, Promise<EngineRelease>>();

export function loadArchivedRelease(version: number): Promise<EngineRelease> {
  let release = loaded.get(version);
  if (release === undefined) {
    release = import(/* @vite-ignore */ `${BASE}/${archivePath(version)}`) as Promise<EngineRelease>;
    loaded.set(version, release);
  }
  return release;
}
