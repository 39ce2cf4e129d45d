/**
 * One decoded MAIR attribute byte as email-ready plain text (at most 70
 * columns), as the MAIR decoder shows it: the type and its attributes,
 * what the architecture says of a reserved encoding and what this site
 * computes with, and the Linux names that produce it.
 */
import type { S1Decoding } from '../attrs/types.ts';
import { field } from './wrap.ts';

export function mairText(d: S1Decoding): string {
  const lines = [
    ...field('MAIR byte', `${d.hex} ${d.name}: ${d.description}`),
    ...(d.reserved ? [...field('Reserved', d.reserved.what), ...field('May instead', d.reserved.allowed), ...field('Computed as', d.reserved.chosen)] : []),
    ...field('Linux', d.linux.length === 0 ? '(no Linux name)' : d.linux.join(', ')),
  ];
  return lines.join('\n') + '\n';
}
