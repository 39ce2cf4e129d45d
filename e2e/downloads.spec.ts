import { test, expect } from '@playwright/test';

// The three plain-text downloads the build writes beside the pages.
test('/documentation.rst serves the kernel document, SPDX line first', async ({ request }) => {
  const response = await request.get('/documentation.rst');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text.split('\n')[0]).toBe('.. SPDX-License-Identifier: GPL-2.0');
  expect(text).toContain('Stage-2 memory types for device memory');
});

test('/documentation.patch says it needs an author and shows the change that adds the served document', async ({ request }) => {
  const [patch, rst] = await Promise.all(['/documentation.patch', '/documentation.rst'].map(async (path) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    return response.text();
  }));
  expect(patch).toMatch(/^This patch needs an author before it can be applied or sent:/);
  expect(patch).not.toMatch(/^(From|Signed-off-by): /m);
  expect(patch).toContain('Subject: [PATCH] KVM: arm64: Document ');
  expect(patch).toContain('+++ b/Documentation/virt/kvm/arm/device-memory.rst');
  expect(patch).toContain('+++ b/Documentation/virt/kvm/arm/index.rst');
  const added = [...(patch ?? '').matchAll(/^\+(?!\+\+ )(.*)$/gm)].map((m) => m[1]).slice(0, 3).join('\n');
  expect(rst?.startsWith(added)).toBe(true);
});

test('/documentation-long.rst serves the whole guide and says it is not the kernel document', async ({ request }) => {
  const response = await request.get('/documentation-long.rst');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain('It is not the proposed kernel document');
  expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
});
