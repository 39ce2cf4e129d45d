/**
 * A TextMate grammar for the scenario language, handed to
 * shiki (through Expressive Code) so that fenced ```race blocks are
 * highlighted at build time: directives, guest and host ops, knobs, memory
 * type names, numbers and comments. Highlighting only: the parser in
 * src/engine/race/ is the authority on what is valid.
 */

import type { LanguageRegistration } from 'shiki';
import { KNOB_NAMES, VCPU_DIRECTIVES } from '../engine/race/types.ts';
import { HOST_OP_NAMES, HOST_OPS } from '../engine/race/vocabulary/host-ops.ts';
import { PLATFORM_NAMES } from '../engine/race/vocabulary/platforms.ts';
import { RESET_METHOD_NAMES } from '../engine/race/vocabulary/reset-methods.ts';

const words = (list: readonly string[]): string => `\\b(?:${list.map((w) => w.replace(/-/g, '\\-')).join('|')})\\b`;

const directives = ['title', 'platform', 'fwb', 'guest-s1', 'guest-s2', 'kernel', 'vma', 'option', ...VCPU_DIRECTIVES, 'host', 'expect'];
const ops = [...new Set(['store', 'dmb', 'dsb', ...HOST_OP_NAMES.map((op) => HOST_OPS[op].keyword)])];
const values = [...PLATFORM_NAMES, 'on', 'off', 'yes', 'no', ...RESET_METHOD_NAMES, 'civac', 'all', 'safe', 'unsafe'];

export const raceGrammar: LanguageRegistration = {
  name: 'race',
  scopeName: 'source.race',
  aliases: ['scenario'],
  patterns: [
    { name: 'comment.line.number-sign.race', match: '#.*$' },
    {
      match: '^\\s*(title)\\s+([^#]*)',
      captures: { 1: { name: 'keyword.control.directive.race' }, 2: { name: 'string.unquoted.title.race' } },
    },
    { name: 'keyword.control.directive.race', match: `^\\s*${words(directives)}` },
    { name: 'variable.parameter.knob.race', match: words([...KNOB_NAMES, 'path-order']) },
    { name: 'entity.name.function.op.race', match: words(ops) },
    { name: 'support.type.memory-type.race', match: '\\b(?:Device|Normal)-[A-Za-z-]+' },
    { name: 'constant.language.value.race', match: words(values) },
    { name: 'constant.numeric.race', match: '\\b(?:0x[0-9A-Fa-f]+|\\d+)\\b' },
    { name: 'punctuation.separator.race', match: '[;=]' },
  ],
  repository: {},
};
