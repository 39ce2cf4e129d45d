/**
 * Compares an old link's state across model versions off the main thread
 * and in a bundle of its own: the page that shows the notice loads neither
 * the current engines twice nor the archived one on its main thread.
 */
import { compareWithVersion, type Comparison, type NoticeKind } from './old-version.ts';

export interface CompareRequest {
  readonly kind: NoticeKind;
  readonly version: number;
  readonly search: string;
}

export type CompareResponse = { readonly comparison: Comparison | undefined } | { readonly failure: string };

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const { kind, version, search } = event.data;
  compareWithVersion(kind, version, search).then(
    (comparison) => self.postMessage({ comparison } satisfies CompareResponse),
    (error: unknown) => self.postMessage({ failure: error instanceof Error ? error.message : String(error) } satisfies CompareResponse),
  );
};
