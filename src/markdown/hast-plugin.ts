/**
 * The parts of Sätteri's hast plugin interface (satteri's
 * HastPluginDefinition and its visitor context) that our plugins use.
 */
export interface HastElement {
  readonly tagName: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface HastContext {
  setProperty(node: HastElement, key: string, value: unknown): void;
  textContent(node: HastElement): string;
  parent(node: HastElement): HastElement | undefined;
  indexOf(node: HastElement): number | undefined;
}
