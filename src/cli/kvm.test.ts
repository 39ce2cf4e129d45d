import { linkLabel } from '../engine/links/link-line.ts';
import { describe, expect, it } from 'vitest';
import { docutilsProblems, hasDocutils } from '../export/docutils.ts';
import { UsageError, type CliIo } from './io.ts';
import { kvmCommand } from './kvm.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { runCli } from './run-cli.ts';

const run = (args: readonly string[]) => runCli(['kvm', ...args]);

/** In-process: the command with an io that collects stdout. */
async function call(args: readonly string[]): Promise<string> {
  let out = '';
  const io: CliIo = { readStdin: async () => '', readFile: async () => '', site: 'https://example.org', out: (t) => void (out += t), err: () => undefined };
  await kvmCommand(args, io);
  return out;
}

async function json(args: readonly string[]): Promise<Record<string, unknown>> {
  return JSON.parse(await call([...args, '--json'])) as Record<string, unknown>;
}

async function usageError(args: readonly string[], pattern: RegExp): Promise<void> {
  const error = await call(args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  expect(message).toMatch(pattern);
}

const textLines = (text: string): string[] => text.split('\n').filter((l) => !l.startsWith('http'));

describe('cli kvm as a process', () => {
  it('bad input: one line on stderr, exit status 2, nothing on stdout', async () => {
    const r = await run(['--kernel', '6.7', '--vma', 'ram', '--pgprot', 'device']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: kvm: --kernel: kernel release 6\.7 is older than 6\.8/);
  }, 30_000);
  it('--json prints one object with the contract fields', async () => {
    const r = await run(['--kernel', '6.17', '--vma', 'pfnmap', '--pgprot', 'cacheable', '--fwb', '--dic', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'mapped', s2: '0x6', fwb: true, type: 'Normal-WB' });
  }, 30_000);
});

describe('cli kvm', () => {
  it('--json: a vfio-pci BAR on 6.9 is mapped Normal-NC, MemAttr 0x5 without FWB', async () => {
    expect(await json(['--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'noncached', '--allow-any-uncached'])).toMatchObject({ outcome: 'mapped', s2: '0x5', fwb: false, type: 'Normal-NC' });
  });
  it('--json: cacheable PFNMAP on 6.17 with FWB and DIC is Normal-WB, MemAttr 0x6 read with FWB', async () => {
    expect(await json(['--kernel', '6.17', '--vma', 'pfnmap', '--pgprot', 'cacheable', '--fwb', '--dic'])).toMatchObject({ outcome: 'mapped', s2: '0x6', fwb: true, type: 'Normal-WB' });
  });
  it('--json: cacheable PFNMAP on 6.18 without DIC is refused at the memslot with EINVAL', async () => {
    const r = await json(['--kernel', '6.18', '--vma', 'pfnmap', '--pgprot', 'cacheable', '--fwb']);
    expect(r).toMatchObject({ outcome: 'refused', where: 'memslot', errno: 'EINVAL' });
    expect(r).not.toHaveProperty('s2');
  });
  it('--json: an instruction fetch from device memory on 7.1 fails at the fault with ENOEXEC', async () => {
    expect(await json(['--kernel', '7.1', '--vma', 'mixedmap', '--pgprot', 'device', '--exec'])).toMatchObject({ outcome: 'refused', where: 'fault', errno: 'ENOEXEC' });
  });
  it('--json lists the releases that answer differently', async () => {
    const r = await json(['--kernel', '6.12', '--vma', 'pfnmap', '--pgprot', 'noncached', '--allow-any-uncached']);
    expect(r.differences).toEqual([expect.objectContaining({ releases: '6.8', type: 'Device-nGnRE', s2: '0x1' })]);
  });
  it('--s1 adds what the guest access gets: S1 Device-nGnRE over S2 Normal-NC stays Device-nGnRE', async () => {
    const r = await json(['--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'noncached', '--allow-any-uncached', '--s1', 'Device-nGnRE']);
    expect(r.combined).toMatchObject({ type: 'Device-nGnRE', mair: '0x04' });
  });
  it('every release X.Y from 6.8 to 6.19 and 7.0 to 7.3 is accepted', async () => {
    const releases = [...Array.from({ length: 12 }, (_, n) => `6.${n + 8}`), '7.0', '7.1', '7.2', '7.3'];
    for (const kernel of releases) expect(await json(['--kernel', kernel, '--vma', 'ram', '--pgprot', 'cacheable'])).toMatchObject({ outcome: 'mapped', type: 'Normal-WB', s2: '0xf' });
  });
  it('plain text stays within 70 columns, except the link', async () => {
    const text = await call(['--kernel', '6.17', '--vma', 'mixedmap', '--pgprot', 'cacheable', '--dic', '--s1', '0x44']);
    for (const line of textLines(text)) expect(line.length).toBeLessThanOrEqual(70);
    expect(text).toMatch(/-EFAULT/);
    expect(text).toContain(`${linkLabel()}\nhttps://example.org/play/kvm/?v=${MODEL_VERSION}&backing=mixedmap&pgprot=cacheable&allowAnyUncached=off&fwb=off`);
  });
  it('--table: every input across every release within 70 columns', async () => {
    const lines = (await call(['--table'])).trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(70);
    expect(lines.filter((l) => /^(ram|pfnmap|mixedmap) /.test(l))).toHaveLength(192);
  });
  it.skipIf(!hasDocutils())('--table --rst is a table docutils accepts', async () => {
    expect(docutilsProblems(await call(['--table', '--rst']))).toBe('');
  });
  it('a release before 6.8 is one line on stderr, exit 2', () => usageError(['--kernel', '6.7', '--vma', 'ram', '--pgprot', 'device'], /older than 6\.8/));
  it('6.20 does not exist', () => usageError(['--kernel', '6.20', '--vma', 'ram', '--pgprot', 'device'], /6\.19 was followed by 7\.0/));
  it('a release newer than the newest read is refused, not guessed', () =>
    usageError(['--kernel', '7.4-rc1', '--vma', 'ram', '--pgprot', 'device'], /7\.4 is newer than 7\.3, the newest release this model has read/));
  it('a release that is not X.Y is refused', () => usageError(['--kernel', 'six', '--vma', 'ram', '--pgprot', 'device'], /not of the form X\.Y/));
  it('a missing --vma is named', () => usageError(['--kernel', '6.9', '--pgprot', 'device'], /missing --vma/));
  it('an unknown --pgprot value is named with the accepted ones', () => usageError(['--kernel', '6.9', '--vma', 'ram', '--pgprot', 'wc'], /--pgprot 'wc' is not one of noncached, device, writecombine, cacheable/));
  it('an unknown option is named', () => usageError(['--kernel', '6.9', '--vma', 'ram', '--pgprot', 'device', '--nc'], /unknown argument '--nc'/));
  it('a bad --s1 is named', () => usageError(['--kernel', '6.9', '--vma', 'ram', '--pgprot', 'device', '--s1', 'Normal-XX'], /--s1/));
  it('--json carries the model version', async () => expect(await json(['--kernel', '6.9', '--vma', 'ram', '--pgprot', 'device'])).toMatchObject({ model: MODEL_VERSION }));
  it('--model 1 has no KVM model', async () => {
    const error = await kvmCommand(['--kernel', '6.9', '--vma', 'ram', '--pgprot', 'device'], { readStdin: async () => '', readFile: async () => '', site: '', model: 1, out: () => undefined, err: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/model version 1 had no KVM engine/);
  });
  it('--table takes no inputs', () => usageError(['--table', '--kernel', '6.9'], /--table/));
});
