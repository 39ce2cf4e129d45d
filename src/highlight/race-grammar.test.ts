import { describe, expect, it } from 'vitest';
import { createHighlighter, type BundledLanguage } from 'shiki';
import { raceGrammar } from './race-grammar.ts';
import { scopeTokens } from './race-tokens.ts';
import { SHIPPED } from '../shipped-scenarios.ts';

const highlighter = await createHighlighter({ themes: ['github-light'], langs: [raceGrammar] });

// `race` is our own grammar, registered above, so it is not among shiki's bundled names.

/** The TextMate scopes shiki gives each token of one line. */
function scopes(line: string): Record<string, string> {
  const [tokens] = highlighter.codeToTokens(line, { lang: raceGrammar.name as BundledLanguage, theme: 'github-light', includeExplanation: true }).tokens;
  return Object.fromEntries(
    (tokens ?? [])
      .filter((t) => t.content.trim() !== '')
      .map((t) => [t.content.trim(), t.explanation?.at(-1)?.scopes.at(-1)?.scopeName ?? '']),
  );
}

describe('race scenario grammar', () => {
  it('marks directives, memory types and comments', () => {
    const s = scopes('guest-s1 Normal-NC   # write-combining');
    expect(s['guest-s1']).toBe('keyword.control.directive.race');
    expect(s['Normal-NC']).toBe('support.type.memory-type.race');
    expect(s['# write-combining']).toBe('comment.line.number-sign.race');
  });

  it('marks ops, numbers and separators', () => {
    const s = scopes('guest store 0x8; dsb');
    expect(s['store']).toBe('entity.name.function.op.race');
    expect(s['0x8']).toBe('constant.numeric.race');
    expect(s['dsb']).toBe('entity.name.function.op.race');
  });

  it('marks the further vCPU directives and the cache and firmware ops', () => {
    const s = scopes('guest2 store 0x0');
    expect(s['guest2']).toBe('keyword.control.directive.race');
    const h = scopes('host dc civac all; reset acpi');
    expect(h['dc']).toBe('entity.name.function.op.race');
    expect(h['acpi']).toBe('constant.language.value.race');
    expect(scopes('option write-order=no')['write-order']).toBe('variable.parameter.knob.race');
  });

  it('marks knobs and their values', () => {
    const s = scopes('option early-ack=no');
    expect(s['early-ack']).toBe('variable.parameter.knob.race');
    expect(s['no']).toBe('constant.language.value.race');
  });

  it('keeps a title as free text', () => {
    expect(scopes('title store after reset')['store after reset']).toBe('string.unquoted.title.race');
  });
});

describe('the grammar run in the browser (race-tokens.ts)', () => {
  /** The innermost scope of every character but blanks, as shiki gives it ('' for the grammar's root scope alone). */
  function shikis(line: string): string[] {
    const [tokens] = highlighter.codeToTokens(line, { lang: raceGrammar.name as BundledLanguage, theme: 'github-light', includeExplanation: true }).tokens;
    return (tokens ?? []).flatMap((t) => (t.explanation ?? []).flatMap((e) => [...e.content].map((c) => (c.trim() === '' ? ' ' : (e.scopes.at(-1)?.scopeName ?? '').replace(/^source\.race$/, '')))));
  }
  /** The same from our tokenizer. */
  function ours(line: string): string[] {
    const scope: string[] = [...line].map((c) => (c.trim() === '' ? ' ' : ''));
    for (const t of scopeTokens(line)) for (let i = t.from; i < t.to; i++) if (scope[i] !== ' ') scope[i] = t.scope;
    return scope;
  }

  it('gives every character of every shipped scenario the scope shiki gives it', () => {
    const lines = [...new Set([...SHIPPED.values()].flatMap((text) => text.split('\n')))].filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(ours(line), line).toEqual(shikis(line));
  });

  it('agrees on lines that mix every kind of token', () => {
    for (const line of ['title store after reset # hm', 'host dc civac all; reset acpi  # firmware', 'option write-order=no path-order=yes', 'vma noncached allow-any-uncached', 'guest2 store 0x10; dmb']) {
      expect(ours(line), line).toEqual(shikis(line));
    }
  });
});
