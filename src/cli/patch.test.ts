import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const run = (args: readonly string[]) => runCli(['patch', ...args]);

describe('cli patch', () => {
  it('--author makes the mail from and signed off by that author', async () => {
    const r = await run(['--author', 'Ada Lovelace <ada@example.org>']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^From 0{40} Mon Sep 17 00:00:00 2001\nFrom: Ada Lovelace <ada@example\.org>\n/);
    expect(r.stdout).toMatch(/\nSigned-off-by: Ada Lovelace <ada@example\.org>\n---\n/);
    expect(r.stdout).toContain('+++ b/Documentation/virt/kvm/arm/device-memory.rst');
  });

  it('without --author prints the patch for reading, saying it needs one, and says so on stderr', async () => {
    const r = await run([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^This patch needs an author/);
    expect(r.stdout).not.toMatch(/^(From|Signed-off-by): /m);
    expect(r.stderr).toMatch(/no --author/);
  });

  it('a bad --author is one line on stderr, exit status 2, nothing on stdout', async () => {
    for (const bad of ['ada@example.org', 'Project <docs@project.invalid>']) {
      const r = await run(['--author', bad]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: patch: --author: /);
    }
  });

  it('--cover prints the recipients from MAINTAINERS and a send-email line', async () => {
    const r = await run(['--cover']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('To: Marc Zyngier <maz@kernel.org>');
    expect(r.stdout).toContain('Cc: linux-doc@vger.kernel.org');
    expect(r.stdout).toContain('git send-email');
  });

  it('an unknown argument is named', async () => {
    const r = await run(['--sign']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown argument '--sign'/);
  });
});
