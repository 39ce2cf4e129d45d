import { describe, expect, it } from 'vitest';
import { decodeMair, parseMair } from '../attrs/mair.ts';
import { mairText } from '../format/mair-text.ts';
import { MAIR_DEFAULTS, MAIR_PARAMS, mairLink } from './mair-query.ts';
import { readPasted } from './paste-state.ts';
import { readQuery } from './query.ts';
import { linkLines } from './link-line.ts';

describe('the MAIR decoder as a link and as pasted text', () => {
  it('writes the value into the link and reads the same value back', () => {
    for (const text of ['44', 'f0', '0x000000ff440c0400', '#300']) {
      const state = { mair: parseMair(text) };
      const link = mairLink('https://example.org', state);
      const restored = readQuery(MAIR_PARAMS, new URL(link).search);
      expect(restored.problems).toEqual([]);
      expect(restored.values.mair ?? MAIR_DEFAULTS.mair).toEqual(state.mair);
    }
  });

  it('names a malformed value in the link', () => {
    expect(readQuery(MAIR_PARAMS, '?mair=0xzz').problems).toEqual([expect.stringContaining("parameter 'mair': '0xzz': 'z' at character 3 is not a hex digit")]);
  });

  it('restores a register from its plain text, with or without the link', () => {
    const value = parseMair('0x000000ff440c0400');
    const report = `${mairText(decodeMair(value))}${linkLines(mairLink('https://example.org', { mair: value }))}`;
    const quoted = report.split('\n').map((line) => `> ${line}`).join('\n');
    expect(readPasted(quoted, 'mair', new Map())).toMatchObject({ search: expect.stringContaining('mair=0x000000ff440c0400'), from: 'link' });
    const withoutLink = quoted.split('\n').filter((line) => !line.includes('http')).join('\n');
    expect(readPasted(withoutLink, 'mair', new Map())).toMatchObject({ search: expect.stringContaining('mair=0x000000ff440c0400'), from: 'text' });
  });
});
