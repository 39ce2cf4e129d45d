/**
 * The race model page defines each rule as a list item that starts with its
 * ID (`` - `M-same-pe`: ... ``). This hast plugin gives such an item the ID
 * as its `id`, so that a widget can link a knob or a step straight to its
 * rule (`/reference/race-model/#M-same-pe`). Only items that start with a
 * definition get one; a mention of a rule elsewhere does not.
 */
import { ruleDefinedBy } from '../engine/race/rule-ids.ts';
import type { HastContext, HastElement } from './hast-plugin.ts';

export function ruleAnchorsPlugin() {
  return {
    name: 'rule-anchors',
    element: {
      filter: ['li'],
      visit(node: HastElement, ctx: HastContext): void {
        const id = ruleDefinedBy(ctx.textContent(node));
        if (id !== undefined && node.properties['id'] === undefined) ctx.setProperty(node, 'id', id);
      },
    },
  };
}
