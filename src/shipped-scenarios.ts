/**
 * The shipped scenarios (scenarios/*.race) as texts, bundled by Vite: the
 * site's race widgets and the unit tests read exactly the files the CLI
 * reads from disk. The engine never sees Vite or a file system: it gets
 * the texts.
 */
const files = import.meta.glob<string>('/scenarios/*.race', { query: '?raw', import: 'default', eager: true });

/** Name (file name without `.race`) to file text, in name order. */
export const SHIPPED: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]): [string, string] => [path.slice('/scenarios/'.length, -'.race'.length), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The file a CLI user would pass for this scenario, which the plain text names. */
export const shippedFile = (name: string): string => `scenarios/${name}.race`;
