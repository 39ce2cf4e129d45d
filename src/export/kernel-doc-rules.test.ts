import { describe, expect, it } from 'vitest';
import { kernelDocProblems, kernelPatchProblems } from './kernel-doc-rules.ts';

const filler = Array.from({ length: 90 }, () => 'Ten words of filler text that make up the length.').join('\n');
const good = `.. SPDX-License-Identifier: GPL-2.0

=====
Title
=====

Chapter
=======

commit c034ec84e879 ("KVM: arm64: Introduce new flag for non-cacheable
IO memory") and https://lore.kernel.org/all/ZTEN_oe97VRWbnHb@arm.com/

Section
-------

${filler}
`;

const problems = (rst: string) => kernelDocProblems(rst, 'device-memory');

describe('the kernel rules for a Documentation/ file', () => {
  it('pass a file that keeps them', () => {
    expect(problems(good)).toEqual([]);
  });

  it('want the SPDX line first', () => {
    expect(problems(good.replace('.. SPDX-License-Identifier: GPL-2.0\n\n', ''))).toContainEqual(expect.stringMatching(/line 1: must be/));
  });

  it("want heading adornments in the kernel's order: = over and under, =, -, ~", () => {
    expect(problems(good.replace('Chapter\n=======', 'Chapter\n-------'))).toContainEqual(
      expect.stringMatching(/"Chapter" uses '-' under where the kernel's order puts '=' under/),
    );
  });

  it('want lines of at most 80 columns unless a URL needs more', () => {
    expect(problems(good.replace('Section\n', `${'x'.repeat(81)}\n\nSection\n`))).toContainEqual(expect.stringMatching(/81 columns/));
    expect(problems(good.replace('Section\n', `${'x'.repeat(70)} https://lore.kernel.org/all/a@b/\n\nSection\n`))).toEqual([]);
  });

  it('refuse a localhost link and any link that is not to lore', () => {
    const rst = good.replace('Section\n', 'See http://localhost:4321/guide/ and https://elixir.bootlin.com/linux/\n\nSection\n');
    expect(problems(rst)).toContainEqual(expect.stringMatching(/plain http:\/\/ link to a local server/));
    expect(problems(rst)).toContainEqual(expect.stringMatching(/elixir.bootlin.com\/linux\/ is not a lore link/));
  });

  it('want each commit cited by 12 digits with the subject of the commits table', () => {
    expect(problems(good.replace('non-cacheable\nIO memory', 'non-cacheable memory'))).toContainEqual(
      expect.stringMatching(/c034ec84e879 has the subject "KVM: arm64: Introduce new flag for non-cacheable IO memory"/),
    );
    expect(problems(good.replace('c034ec84e879', 'c034ec84e8795cf3'))).toContainEqual(expect.stringMatching(/first 12 hex digits/));
    expect(problems(good.replace('and https', 'and commit 8c47ce3e1d2c, https'))).toContainEqual(expect.stringMatching(/without its subject/));
  });

  it('want labels that start with the file name', () => {
    expect(problems(good.replace('Section\n', '.. _section:\n\nSection\n'))).toContainEqual(expect.stringMatching(/label 'section'/));
  });

  it('refuse list tables and grid tables', () => {
    expect(problems(good.replace('Section\n', '.. list-table::\n\nSection\n'))).toContainEqual(expect.stringMatching(/use a simple table/));
    expect(problems(good.replace('Section\n', '+---+---+\n\nSection\n'))).toContainEqual(expect.stringMatching(/a grid table/));
  });

  it('refuse text about the project and hedges about its checking', () => {
    expect(problems(good.replace('Section\n', 'The widget shows it.\n\nSection\n'))).toContainEqual(expect.stringMatching(/"widget"/));
    expect(problems(good.replace('Section\n', 'This is unverified.\n\nSection\n'))).toContainEqual(expect.stringMatching(/"unverified"/));
  });

  it('want 800 to 1,500 words', () => {
    expect(problems(good.replace(filler, 'Short.'))).toContainEqual(expect.stringMatching(/words, outside 800-1500/));
  });
});

const rst = '.. SPDX-License-Identifier: GPL-2.0\n\nSee https://lore.kernel.org/all/a@b/\n';
const patch = `From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001
From: Ada Lovelace <ada@example.org>
Date: Tue, 1 Dec 2026 10:00:00 +0000
Subject: [PATCH] Documentation: add a file

Body.

Link: https://lore.kernel.org/all/ZTEN_oe97VRWbnHb@arm.com/
Signed-off-by: Ada Lovelace <ada@example.org>
---
 Documentation/x.rst | 3 +++
 1 file changed, 3 insertions(+)

diff --git a/Documentation/x.rst b/Documentation/x.rst
new file mode 100644
--- /dev/null
+++ b/Documentation/x.rst
@@ -0,0 +1,3 @@
+.. SPDX-License-Identifier: GPL-2.0
+
+See https://lore.kernel.org/all/a@b/
`;

describe('the rules for the patch', () => {
  const check = (text: string) => kernelPatchProblems(text, rst, 'Documentation/x.rst');

  it('pass a format-patch mail that adds the document', () => {
    expect(check(patch)).toEqual([]);
  });

  it('catch a hunk whose line counts are wrong', () => {
    expect(check(patch.replace('@@ -0,0 +1,3 @@', '@@ -0,0 +1,4 @@'))).toContainEqual(expect.stringMatching(/counts -0 \+4 but holds -0 \+3/));
  });

  it('catch a patch whose file differs from the served document', () => {
    expect(kernelPatchProblems(patch, rst.replace('See', 'Read'), 'Documentation/x.rst')).toContainEqual(expect.stringMatching(/differs/));
  });

  it('want a Link: tag, and only to messages of the mails table', () => {
    expect(check(patch.replace('Link: https://lore.kernel.org/all/ZTEN_oe97VRWbnHb@arm.com/\n', ''))).toContainEqual(expect.stringMatching(/no Link: tag/));
    expect(check(patch.replace('Link: https://lore.kernel.org/all/ZTEN_oe97VRWbnHb@arm.com/', 'Link: https://lore.kernel.org/all/c@d/'))).toContainEqual(
      expect.stringMatching(/Link: https:\/\/lore\.kernel\.org\/all\/c@d\/ is not the lore address of a message in src\/sources\/mails\.ts/),
    );
  });

  it('want commit message lines of at most 75 columns, and no words about the project', () => {
    expect(check(patch.replace('Body.', 'x'.repeat(76)))).toContainEqual('commit message body line 1: 76 columns, over 75');
    expect(check(patch.replace('Body.', 'Generated by the site widget.'))).toContainEqual(expect.stringMatching(/"widget" belongs to the project/));
  });

  it('want the mail headers and a diffstat', () => {
    expect(check(patch.replace(/^Date: .*\n/m, ''))).toContainEqual('the patch has no Date: header');
    expect(check(patch.replace(' 1 file changed, 3 insertions(+)\n', ''))).toContainEqual('no diffstat after the --- line');
  });
});
