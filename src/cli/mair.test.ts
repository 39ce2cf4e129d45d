import { describe, expect, it } from 'vitest';
import { UsageError, type CliIo } from './io.ts';
import { mairCommand } from './mair.ts';
import { runCli } from './run-cli.ts';
import { decodeS1 } from '../engine/attrs/decode-s1.ts';
import { MODEL_VERSION } from '../engine/version.ts';

async function call(args: readonly string[]): Promise<string> {
  let out = '';
  const io: CliIo = { readStdin: async () => '', readFile: async () => '', site: 'https://example.org', out: (t) => void (out += t), err: () => undefined };
  await mairCommand(args, io);
  return out;
}

describe('cli mair', () => {
  it('decodes a whole register as JSON: the value, then Attr0..Attr7 with type and Linux index', async () => {
    const json = JSON.parse(await call(['0x000000ff440c0400', '--json'])) as { model: number; value: string; attrs: Record<string, unknown>[] };
    expect(json.model).toBe(MODEL_VERSION);
    expect(json.value).toBe('0x000000ff440c0400');
    expect(json.attrs).toHaveLength(8);
    expect(json.attrs[0]).toMatchObject({ index: 0, byte: '0x00', type: 'Device-nGnRnE', linux: { index: 0, name: 'MT_NORMAL', byte: '0xff', matches: false } });
    expect(json.attrs[3]).toMatchObject({ index: 3, byte: '0x44', type: 'Normal-NC', linux: { name: 'MT_DEVICE_nGnRnE', matches: false } });
    expect(json.attrs[7]).toMatchObject({ index: 7, byte: '0x00', linux: null });
  });

  it('gives one entry for a single byte, hex with or without 0x, decimal as #N', async () => {
    for (const input of ['44', '0x44', '#68']) {
      const json = JSON.parse(await call([input, '--json'])) as { value: string; attrs: Record<string, unknown>[] };
      expect(json.value).toBe('0x44');
      expect(json.attrs).toEqual([expect.objectContaining({ index: 0, byte: '0x44', type: decodeS1(0x44).name })]);
    }
  });

  it('prints text of at most 72 columns ending with the playground link', async () => {
    const text = await call(['0x000000040044ffff']);
    expect(text).toMatch(/^MAIR value: 0x000000040044ffff /);
    expect(text).toContain('Attr2  0x44  Normal-NC');
    expect(text.trimEnd().endsWith('https://example.org/play/mair/?v=2&mair=0x000000040044ffff')).toBe(true);
    expect(text.split('\n').filter((line) => line.length > 72 && !line.startsWith('http'))).toEqual([]);
  });

  it('refuses bad input with one line and status 2', async () => {
    await expect(call(['0x1g'])).rejects.toBeInstanceOf(UsageError);
    await expect(call([])).rejects.toThrow(/missing the value/);
    await expect(call(['44', 'ff'])).rejects.toThrow(/one value expected/);
    const r = await runCli(['mair', '12345678901234567']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual(["error: mair: '12345678901234567' has more than 16 hex digits: a MAIR register is 64 bits"]);
  });
});
