import { describe, expect, it } from 'vitest';
import { createHighlighter, type BundledLanguage } from 'shiki';
import { raceGrammar } from './race-grammar.ts';

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
