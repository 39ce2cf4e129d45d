import { describe, expect, it } from 'vitest';
import { readModelVersion } from './links/query.ts';
import { KNOWN_VERSIONS, MODEL_VERSION, parseModelVersion, RELEASES } from './version.ts';

describe('model version parsing', () => {
  it('reads every released version and the current one, spaces around allowed', () => {
    for (const version of KNOWN_VERSIONS) expect(parseModelVersion(` ${version} `)).toBe(version);
    expect(KNOWN_VERSIONS.at(-1)).toBe(MODEL_VERSION);
    expect(Object.keys(RELEASES).map(Number).every((v) => v < MODEL_VERSION)).toBe(true);
  });

  it.each([
    ['x', /'x' is not a model version/],
    ['1.5', /not a model version/],
    ['-1', /not a model version/],
    ['', /not a model version/],
    ['0x2', /not a model version/],
    [String(MODEL_VERSION + 1), /newer than this site's/],
    ['0', /was never released/],
  ])('refuses %j with a message saying why', (raw, message) => {
    expect(() => parseModelVersion(raw)).toThrow(message);
  });

  it('a link without v is read as the current version, without a problem', () => {
    expect(readModelVersion('?s1=0x04')).toEqual({ version: MODEL_VERSION });
  });

  it('a link from an older version keeps its version', () => {
    expect(readModelVersion('?v=1&s1=0x04')).toEqual({ version: 1 });
  });

  it('a v from the future or not a number is a problem naming the parameter, and the current version answers', () => {
    for (const raw of [String(MODEL_VERSION + 5), 'two']) {
      const read = readModelVersion(`?v=${raw}`);
      expect(read.version).toBe(MODEL_VERSION);
      expect(read.problem).toMatch(/^parameter 'v': /);
    }
  });
});
