/**
 * A decoded MAIR value as 72-column text (the CLI, "Copy as plain text")
 * and as JSON (`mair --json`): each attribute's byte and type, and for a
 * whole register the Linux memory type at each index and whether the byte
 * is the one Linux programs there. The `MAIR value:` line is what a pasted
 * mail is read back from when its link is lost.
 */
import { LINUX_MAIR, matchesLinux, type MairAttr, type MairDecoding } from '../attrs/mair.ts';
import { hexByte } from '../attrs/memtype.ts';
import { wrap } from './wrap.ts';

export const MAIR_VALUE_LABEL = 'MAIR value:';

/** Linux's type at an attribute's index, in words: `MT_NORMAL_NC (0x44 at boot): the same byte`. */
function linuxWords(attr: MairAttr): string {
  if (!attr.linux) return 'Linux: index unused';
  const later = attr.linux.later ? `, ${hexByte(attr.linux.later.byte)} after ${attr.linux.later.by}` : '';
  return `Linux: ${attr.linux.name} (${hexByte(attr.linux.byte)} at boot${later}): ${matchesLinux(attr) ? 'the same byte' : 'a different byte'}`;
}

export function mairText(d: MairDecoding): string {
  if (d.input.width === 8) {
    const [attr] = d.attrs;
    if (!attr) return '';
    const names = attr.decoding.linux.length === 0 ? [] : wrap(`Linux: ${attr.decoding.linux.join(', ')}`);
    return [`${MAIR_VALUE_LABEL} ${d.hex} (one attribute byte)`, ...wrap(`${d.hex} is ${attr.decoding.name}: ${attr.decoding.description}`), ...names, ''].join('\n');
  }
  const fields = d.attrs.flatMap((a) => [`Attr${a.index}  ${hexByte(a.byte)}  ${a.decoding.name}`, ...wrap(linuxWords(a), '              ')]);
  return [
    `${MAIR_VALUE_LABEL} ${d.hex} (MAIR_EL1 or MAIR_EL2)`,
    'Attr<n> is bits [8n+7:8n].',
    '',
    ...fields,
    '',
    ...wrap(`Linux ${LINUX_MAIR.releases}: ${LINUX_MAIR.source}.`),
    '',
  ].join('\n');
}

export function mairJson(d: MairDecoding, model: number): string {
  const attrs = d.attrs.map((a) => ({
    index: a.index,
    byte: hexByte(a.byte),
    type: a.decoding.name,
    description: a.decoding.description,
    reserved: a.decoding.reserved ?? null,
    linuxNames: a.decoding.linux,
    ...(a.linux
      ? { linux: { index: a.linux.index, name: a.linux.name, byte: hexByte(a.linux.byte), ...(a.linux.later ? { later: hexByte(a.linux.later.byte) } : {}), matches: matchesLinux(a) } }
      : d.input.width === 64
        ? { linux: null }
        : {}),
  }));
  return `${JSON.stringify({ model, value: d.hex, attrs }, null, 2)}\n`;
}
