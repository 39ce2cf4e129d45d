import { linkLabel } from '../engine/links/link-line.ts';
import { describe, expect, it } from 'vitest';
import { combine, differencesFromQemu, parseS2 } from '../engine/attrs/index.ts';
import type { ShEncoding } from '../engine/attrs/types.ts';
import { exampleArgs, showExample } from '../engine/links/qemu-differences.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { runCli } from './run-cli.ts';

async function expectUsageError(args: readonly string[], pattern: RegExp, input = ''): Promise<void> {
  const r = await runCli(args, input);
  expect(r.status).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stdout).toBe('');
}

describe.concurrent('cli combine --stdin', () => {
  it('answers the whole input space (131072 lines) exactly as the library does', async () => {
    const inputs: { s1: number; s2: number; fwb: boolean; s1sh: ShEncoding; s2sh: ShEncoding }[] = [];
    const shs = [0, 1, 2, 3] as const;
    for (const fwb of [false, true])
      for (let s1 = 0; s1 < 256; s1++) for (const s1sh of shs) for (let s2 = 0; s2 < 16; s2++) for (const s2sh of shs) inputs.push({ s1, s2, fwb, s1sh, s2sh });
    const text = inputs
      .map((i) => JSON.stringify({ s1: `0x${i.s1.toString(16).padStart(2, '0')}`, s2: `0x${i.s2.toString(16)}`, fwb: i.fwb, s1sh: i.s1sh, s2sh: i.s2sh }))
      .join('\n');
    const r = await runCli(['combine', '--stdin'], text + '\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(131072);
    inputs.forEach((input, n) => {
      const want = combine(input);
      const got = JSON.parse(lines[n] ?? '{}') as Record<string, unknown>;
      if (got.mair !== want.mairHex || got.sh !== want.sh || got.type !== want.typeName || got.rule !== want.rule.id || got.decidedBy !== want.decidedBy || got.xs !== want.type.xs) {
        expect({ line: n + 1, ...got }).toEqual({ line: n + 1, mair: want.mairHex, sh: want.sh, type: want.typeName, xs: want.type.xs, rule: want.rule.id, decidedBy: want.decidedBy, warnings: want.warnings });
      }
      if ((got.warnings as string[]).length !== want.warnings.length) expect(got.warnings).toEqual(want.warnings);
    });
  }, 60_000);

  it('accepts names, numbers, defaults and blank lines', async () => {
    const r = await runCli(['combine', '--stdin'], '{"s1":"Normal-WB","s2":"Normal-NC"}\n\n{"s1":68,"s2":6,"fwb":true,"s1sh":"0","s2sh":0,"cd":false}\n');
    expect(r.status).toBe(0);
    const [a, b] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { mair: string; sh: number; type: string; warnings: string[] });
    expect(a).toMatchObject({ mair: '0x44', sh: 2, type: 'Normal-NC', warnings: [] });
    expect(b).toMatchObject({ mair: '0xff', sh: 0, type: 'Normal-WB' });
    expect(parseS2('Normal-WB', true)).toBe(6);
  });

  it('stops at the first bad line: earlier lines answered, the error names line and value, exit 2', async () => {
    const r = await runCli(['combine', '--stdin'], '{"s1":"0x44","s2":"0x1"}\n{"s1":"0x04","s2":"0x5"}\n{"s1":"Bogus","s2":"0x5"}\n{"s1":"0x44","s2":"0x1"}\n');
    expect(r.status).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: line 3: .*'Bogus'/);
  });

  it.each([
    ['{"s1":"0x44","s2":"0x10"}', /line 1: .*'0x10' is out of range/],
    ['{"s1":"0x44"', /line 1: not valid JSON/],
    ['[1,2]', /line 1: not a JSON object/],
    ['{"s1":"0x44","s2":"0x1","s1sh":4}', /line 1: s1sh '4'/],
    ['{"s1":"0x44","s2":"Normal-WT","fwb":true}', /line 1: unknown stage-2 attribute \(FWB on\) 'Normal-WT'/],
    ['{"s2":"0x1"}', /line 1: s1 missing/],
  ])('rejects %s', async (line, pattern) => expectUsageError(['combine', '--stdin'], pattern, `${line}\n`));
});

describe.concurrent('cli combine (one combination)', () => {
  it('prints email-ready text, at most 70 columns', async () => {
    const r = await runCli(['combine', '--s1', 'Device-nGnRE', '--s2', 'Normal-WB', '--fwb', '--s1sh', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Result: +Normal-WB, MAIR-style 0xff/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(70);
  });

  it('--json gives the library result', async () => {
    const r = await runCli(['combine', '--s1=0x44', '--s2', '0x1', '--json', '--cd']);
    expect(JSON.parse(r.stdout)).toEqual({ model: MODEL_VERSION, ...JSON.parse(JSON.stringify(combine({ s1: 0x44, s2: 1, fwb: false, s1sh: 3, s2sh: 3, cd: true }))) });
  });

  it.each([
    [['--s1', 'Normal-XX', '--s2', '0x1'], /unknown stage-1 attribute 'Normal-XX'/],
    [['--s1', '0x100', '--s2', '0x1'], /'0x100' is out of range/],
    [['--s1', '0x44', '--s2', '16'], /'16' is out of range/],
    [['--s1', '0x44', '--s2', '0x1', '--s1sh', '5'], /s1sh '5'/],
    [['--s1', '0x44', '--s2', '0x1', '--frob'], /unknown argument '--frob'/],
    [['--s1', '0x44', '--s2'], /--s2 needs a value/],
    [['--s1', '0x44'], /missing --s2/],
  ])('rejects %j with one line on stderr and exit 2', async (args, pattern) => expectUsageError(['combine', ...args], pattern));
});

describe.concurrent('cli table', () => {
  it('prints the named matrix in at most 70 columns, one row per combination, then the link', async () => {
    for (const args of [[], ['--fwb']]) {
      const r = await runCli(['table', ...args]);
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      const table = lines.slice(0, -2);
      expect(table).toHaveLength(2 + 8 * 7);
      for (const line of table) expect(line.length).toBeLessThanOrEqual(70);
      expect(lines.at(-2)).toBe(linkLabel());
      expect(lines.at(-1)).toMatch(args.length ? /\/play\/combine\/\?v=\d+&fwb=on$/ : /\/play\/combine\/\?v=\d+$/);
    }
  });
  it('--rst prints a simple table', async () => {
    const lines = (await runCli(['table', '--rst'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^=+( +=+)+$/);
    expect(lines.at(-1)).toBe(lines[0]);
  });
  it('rejects unknown arguments', async () => expectUsageError(['table', '--html'], /unknown argument '--html'/));
});

describe('the QEMU differences page', () => {
  it('its CLI commands answer what the page shows, for every example', async () => {
    for (const example of differencesFromQemu.flatMap((d) => d.examples)) {
      const run = await runCli([...exampleArgs(example), '--json']);
      expect(run.stderr).toBe('');
      const { result } = showExample(example);
      expect(JSON.parse(run.stdout)).toMatchObject({ typeName: result.typeName, mairHex: result.mairHex, sh: result.sh });
    }
  });
});
