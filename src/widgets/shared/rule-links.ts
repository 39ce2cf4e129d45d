/**
 * Where on the site each combining rule is explained: the rule itself is
 * the engine's (src/engine/attrs/rules.ts); this maps it to a page section.
 */
import type { RuleId } from '../../engine/attrs/types.ts';
import { BASE } from './url-state.ts';

export function ruleHref(id: RuleId): string {
  return BASE + (id.startsWith('fwb-') ? '/guide/fwb/#the-re-encoding' : '/guide/combining/#the-rules');
}
