import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../../shipped-scenarios.ts';
import { ScenarioError } from './errors.ts';
import { resolveKnobs } from '../knobs.ts';
import { parseScenario } from './parser.ts';
import { printScenario } from './printer.ts';
import { multiVcpuScenario, scenario } from './scenario-arbitrary.ts';

const HEAD = 'platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\n';

function errorOf(text: string): ScenarioError {
  try {
    parseScenario(text, 'x.race');
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

function where(text: string): string {
  const e = errorOf(text);
  return `${e.line}:${e.column}`;
}

describe('scenario language', () => {
  it('reads the example of the design brief', () => {
    const s = parseScenario(
      [
        'title PCIe FLR after stage-2 unmap, guest uses write-combining',
        'platform pcie                # pcie | soc',
        'fwb off',
        'guest-s1 Normal-NC',
        'guest-s2 Normal-NC',
        'option guest-stops=no',
        'guest store 0x0; store 0x8',
        'host unmap-s2; reset flr',
        'expect safe',
      ].join('\n'),
    );
    expect(s).toEqual({
      title: 'PCIe FLR after stage-2 unmap, guest uses write-combining',
      platform: 'pcie',
      fwb: false,
      guestS1: 'Normal-NC',
      guestS2: 'Normal-NC',
      options: { 'guest-stops': false },
      guest: [
        { op: 'store', offset: 0 },
        { op: 'store', offset: 8 },
      ],
      host: [{ op: 'unmap-s2' }, { op: 'reset', method: 'flr' }],
      expect: 'safe',
    });
  });

  it('lets op lists span lines, by a trailing ";" or by repeating the directive (CRLF too)', () => {
    const s = parseScenario(`${HEAD}guest store 0x0;\r\n  # a comment\r\n  store 8; dmb;\r\n dsb\r\nguest store 0x40\r\nhost reset ctrl\r\n`);
    expect(s.guest.map((op) => op.op)).toEqual(['store', 'store', 'dmb', 'dsb', 'store']);
  });

  it('applies the documented knob defaults, ne-honoured per platform, and same-pe implies guest-stops', () => {
    const soc = resolveKnobs(parseScenario(HEAD));
    expect(soc).toEqual({
      'guest-stops': false,
      'same-pe': false,
      'early-ack': true,
      'write-order': true,
      'np-pushes': true,
      'ne-honoured': true,
      'config-order': true,
      'unmap-cleans': true,
    });
    expect(resolveKnobs(parseScenario(HEAD.replace('soc', 'pcie')))['ne-honoured']).toBe(false);
    expect(resolveKnobs(parseScenario(`${HEAD}option same-pe=yes`))['guest-stops']).toBe(true);
  });

  it('reports errors as file:line:column with what was expected', () => {
    expect(errorOf('plat soc').message).toBe(
      "x.race:1:1: unknown directive 'plat'; expected title, platform, fwb, guest-s1, guest-s2, kernel, vma, option, guest, guest1, guest2, guest3, host or expect",
    );
    expect(where(`${HEAD}option early-ak=no`)).toBe('4:8');
    expect(errorOf(`${HEAD}option early-ak=no`).message).toContain('expected one of guest-stops');
    expect(where(`${HEAD}option early-ack=maybe`)).toBe('4:18');
    expect(where(`${HEAD}option early-ack`)).toBe('4:8');
    expect(where(`${HEAD}guest store 0x0; stor 0x8`)).toBe('4:18');
    expect(where(`${HEAD}guest store`)).toBe('4:12');
    expect(where(`${HEAD}guest store zero`)).toBe('4:13');
    expect(where(`${HEAD}guest store 0x0 0x8`)).toBe('4:17');
    expect(where(`${HEAD}host unmap; reset ctrl`)).toBe('4:6');
    expect(where(`${HEAD}host reset now`)).toBe('4:12');
    expect(where(`${HEAD}host dsb;; reset ctrl`)).toBe('4:10');
    expect(where(`${HEAD}guest store 0x0;`)).toBe('4:16');
    expect(where(`${HEAD}platform pcie`)).toBe('4:1');
    expect(where(`${HEAD}expect maybe`)).toBe('4:8');
    expect(where(`${HEAD}fwb sometimes`)).toBe('4:5');
    expect(where(`${HEAD}title   `)).toBe('4:6');
  });

  it("rejects 'flr' on soc and 'ctrl' on pcie, wherever the platform is declared", () => {
    expect(errorOf(`${HEAD}host reset flr`).message).toBe("x.race:4:12: 'reset flr' needs platform pcie; expected reset ctrl, reset reg or reset acpi on soc");
    expect(where('host reset ctrl\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nplatform pcie')).toBe('1:12');
  });

  it('requires platform, guest-s1 and guest-s2', () => {
    expect(errorOf('guest-s1 Normal-NC\nguest-s2 Normal-NC').message).toContain("missing 'platform'");
    expect(errorOf('platform soc\nguest-s2 Normal-NC').message).toContain("missing 'guest-s1'");
    expect(errorOf('platform soc\nguest-s1 Normal-NC').message).toContain("missing 'guest-s2'");
  });

  it('points at the attribute the combining engine rejects', () => {
    expect(where('platform soc\nguest-s1 Normal-XX\nguest-s2 Normal-NC')).toBe('2:10');
    expect(errorOf('platform soc\nguest-s1 Normal-XX\nguest-s2 Normal-NC').message).toContain('Normal-XX');
    expect(where('platform soc\nguest-s1 Normal-NC\nguest-s2   0x10')).toBe('3:12');
  });

  it('refuses a guest type resting on a reserved encoding, naming the encoding (M-type-reserved)', () => {
    const e = errorOf('platform soc\nfwb on\nguest-s1 Normal-NC\nguest-s2 0x8');
    expect(e.message).toMatch(/^x\.race:4:10: guest-s2 0x8: stage-2 MemAttr 0x8 with FWB/);
    expect(e.message).not.toContain('\n');
  });

  it('reads guest1..guest3 as further vCPUs, numbered without gaps (M-agents)', () => {
    const s = parseScenario(`${HEAD}guest store 0x0\nguest1 store 0x8; dmb\nguest2\nhost unmap-s2; reset ctrl`);
    expect(s.guest1).toEqual([{ op: 'store', offset: 8 }, { op: 'dmb' }]);
    expect(s.guest2).toEqual([]);
    expect(s.guest3).toBeUndefined();
    expect(parseScenario(printScenario(s))).toEqual(s);
    expect(errorOf(`${HEAD}guest store 0x0\nguest2 store 0x8`).message).toBe(
      "x.race:5:1: 'guest2' without 'guest1'; expected the vCPUs numbered from guest without gaps",
    );
  });

  it('reads dc civac and reset acpi, and path-order as a shorthand for write-order and np-pushes', () => {
    const s = parseScenario(`${HEAD}option path-order=no\nhost dc civac 0x40; dc civac all; dsb; reset acpi`);
    expect(s.host).toEqual([{ op: 'dc-civac', offset: 0x40 }, { op: 'dc-civac', offset: 'all' }, { op: 'dsb' }, { op: 'reset', method: 'acpi' }]);
    expect(s.options).toEqual({ 'write-order': false, 'np-pushes': false });
    expect(errorOf(`${HEAD}option path-order=no write-order=yes`).message).toContain("duplicate knob 'write-order'");
    expect(where(`${HEAD}host dc flush all`)).toBe('4:9');
  });

  it('asks for a dsb between a dc civac and a later read or reset, which the clean may otherwise follow (M-cache-dc-civac, D7.5.9.15)', () => {
    expect(errorOf(`${HEAD}host dc civac 0x40; read 0x0; dsb; reset reg`).message).toBe(
      "x.race:4:21: 'read 0x0' follows 'dc civac 0x40' (line 4) with no 'dsb' between: the clean may take effect after this Device access (DDI0487 M.a.a, D7.5.9.15; M-cache-dc-civac); expected 'dsb' (or 'unmap-s2', whose DSB waits too) after 'dc civac 0x40'",
    );
    expect(where(`${HEAD}host dc civac all;\n  dc civac 0x0; reset reg`)).toBe('5:17');
    // A DSB completes every clean before it: its own, or the one that ends unmap-s2 (M-unmap-dsb).
    expect(parseScenario(`${HEAD}host dc civac all; unmap-s2; reset reg`).host).toHaveLength(3);
    expect(parseScenario(`${HEAD}host dc civac all; dsb; read 0x0; reset reg`).host).toHaveLength(4);
  });

  it('refuses contradicting knobs and duplicates', () => {
    expect(where(`${HEAD}option same-pe=yes guest-stops=no`)).toBe('4:20');
    expect(where(`${HEAD}option early-ack=no\noption early-ack=yes`)).toBe('5:8');
    expect(errorOf(`${HEAD}guest-s1 0x44`).message).toContain('first given at line 2');
  });

  it('limits the guest to 64 stores over all vCPUs', () => {
    const stores = (n: number): string => Array.from({ length: n }, (_, i) => `store ${i * 8}`).join('; ');
    expect(parseScenario(`${HEAD}guest ${stores(32)}\nguest1 ${stores(32)}\n`).guest1).toHaveLength(32);
    expect(errorOf(`${HEAD}guest ${stores(32)}\nguest1 ${stores(33)}\n`).message).toMatch(/^x\.race:5:\d+: too many guest stores; expected at most 64 over all vCPUs/);
  });
});

describe('canonical printer', () => {
  it('parse(print(s)) == s for generated scenarios', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        expect(parseScenario(printScenario(s))).toEqual(s);
      }),
    );
  });

  it('parse(print(s)) == s for generated scenarios with several vCPUs, cacheable types and every host op', () => {
    fc.assert(
      fc.property(multiVcpuScenario(), fc.boolean(), (s, emptyFirst) => {
        const t = emptyFirst && s.guest1 ? { ...s, guest: [] } : s;
        expect(parseScenario(printScenario(t))).toEqual(t);
      }),
      { numRuns: 300 },
    );
  });

  it('prints each shipped scenario to a fixed point', () => {
    for (const [name, text] of SHIPPED) {
      const s = parseScenario(text, name);
      expect(parseScenario(printScenario(s))).toEqual(s);
      expect(printScenario(s).split('\n').every((line) => line.length <= 72)).toBe(true);
    }
  });
});

describe('parser robustness', () => {
  const onlyScenarioErrors = (text: string): void => {
    try {
      parseScenario(text, 'fuzz.race');
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      expect(error.message).toMatch(/^fuzz\.race:\d+:\d+: \S/);
    }
  };
  const pieces = [
    'platform', 'pcie', 'soc', 'fwb', 'on', 'guest-s1', 'guest-s2', 'Normal-NC', 'Device-nGnRE', '0x44', '0x5', '0x1ff',
    'option', 'early-ack=no', 'same-pe=yes', 'x=', '=', 'guest', 'host', 'store', 'read', '0x8', '99999999999', 'dmb',
    'dsb', 'unmap-s2', 'reset', 'flr', 'ctrl', 'reg', 'expect', 'safe', 'title', ';', '#', ' ', '\t', '\n', '\r\n', 'é',
  ];

  it('never throws anything but ScenarioError on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), onlyScenarioErrors), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(' ')), onlyScenarioErrors), {
      numRuns: 300,
    });
  });

  it('never throws anything but ScenarioError on mutated scenarios', () => {
    const mutated = fc
      .tuple(scenario(), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...pieces)), { maxLength: 6 }))
      .map(([s, edits]) =>
        edits.reduce((text, [at, cut, insert]) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + cut);
        }, printScenario(s)),
      );
    fc.assert(fc.property(mutated, onlyScenarioErrors), { numRuns: 300 });
  });
});
