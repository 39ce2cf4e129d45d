import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { linkLabel } from '../engine/links/link-line.ts';
import { describe, expect, it } from 'vitest';
import { loadRelease } from './load-release.ts';
import { MODEL_VERSION } from '../engine/version.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SITE_URL: 'https://example.org' } });

describe.concurrent('the CLI names its model version and computes with an older one on --model N', () => {
  it('--json output carries "model" (the current version by default)', () => {
    expect(JSON.parse(cli('combine', '--s1', '0x44', '--s2', '0x1', '--json').stdout).model).toBe(MODEL_VERSION);
    expect(JSON.parse(cli('race', 'scenarios/soc-nc-unmap-ctrl.race', '--json').stdout).model).toBe(MODEL_VERSION);
    const batch = spawnSync(process.execPath, ['src/cli/main.ts', 'combine', '--stdin'], { cwd: root, encoding: 'utf8', input: '{"s1":"0x44","s2":"0x1"}\n' });
    expect(JSON.parse(batch.stdout).model).toBe(MODEL_VERSION);
  });

  it('combine --model 1 answers with the archived engine, and its link says v=1', async () => {
    const v1 = await loadRelease(1);
    const json = JSON.parse(cli('combine', '--s1', 'Device-nGnRE', '--s2', '0x5', '--model', '1', '--json').stdout);
    expect(json).toEqual({ model: 1, ...JSON.parse(JSON.stringify(v1.combine({ s1: 0x04, s2: 0x5, fwb: false, cd: false, s1sh: 3, s2sh: 3 }))) });
    const text = cli('combine', '--s1', 'Device-nGnRE', '--s2', '0x5', '--model=1').stdout;
    expect(text.split('\n').slice(-3)).toEqual([linkLabel(1), 'https://example.org/play/combine/?v=1&s1=0x04', '']);
  });

  it('race --model 1 prints version 1 text and a v=1 link to the scenario as version 1 shipped it', () => {
    const run = cli('race', 'scenarios/soc-nc-unmap-ctrl.race', '--model', '1');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nLink \(model version 1; terminal: [^\n]*\):\nhttps:\/\/example\.org\/play\/race\/\?v=1&scenario=soc-nc-unmap-ctrl&h=[0-9a-f]{8}\n$/);
  });

  it('a BASE_PATH goes between SITE_URL and the page', () => {
    const run = spawnSync(process.execPath, ['src/cli/main.ts', 'table'], { cwd: root, encoding: 'utf8', env: { ...process.env, SITE_URL: 'https://example.org', BASE_PATH: '/kvm-device-memory/' } });
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`https://example.org/kvm-device-memory/play/combine/?v=${MODEL_VERSION}`);
  });

  it.each([
    [['--model', String(MODEL_VERSION + 1)], /newer than this site's/],
    [['--model', 'two'], /'two' is not a model version/],
    [['--model'], /--model needs a version number/],
  ])('%j is one line on stderr, exit 2, nothing on stdout', (extra, message) => {
    const run = cli('combine', '--s1', '0x44', '--s2', '0x1', ...extra);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('kvm and model versions', () => {
  it('kvm JSON carries "model", its link v=, and version 1, which had no KVM engine, is refused in one line', () => {
    const json = JSON.parse(cli('kvm', '--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'writecombine', '--json').stdout);
    expect(json.model).toBe(MODEL_VERSION);
    expect(cli('kvm', '--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'writecombine').stdout).toContain(`\n${linkLabel()}\nhttps://example.org/play/kvm/?v=${MODEL_VERSION}&`);
    const old = cli('kvm', '--kernel', '6.9', '--vma', 'pfnmap', '--pgprot', 'writecombine', '--model', '1');
    expect(old.status).toBe(2);
    expect(old.stdout).toBe('');
    expect(old.stderr).toBe('error: kvm: model version 1 had no KVM engine\n');
  });
});
