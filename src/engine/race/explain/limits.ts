/**
 * How many host ops a fix may insert: at most MAX_FIX_OPS (a search
 * grows as positions x alphabet to that power), DEFAULT_FIX_OPS unless
 * asked. Apart from repair.ts so that a page's controls can offer the
 * choice without loading the engine.
 */
export const MAX_FIX_OPS = 3;
export const DEFAULT_FIX_OPS = 2;
