/**
 * A guide figure that asks first about a combining or MAIR state
 * (src/components/QuestionFigure.astro), as Markdown for the ReST export:
 * for each of its states, the question and the facts, then the answer and
 * the rule behind it, posed and answered by the same learn and combining
 * engines the web figure uses, now. The attributes are read from their
 * source text (`combine={{ s1: 0x44, s2: 0x1, fwb: false }}`,
 * `mair={0x0c}`); anything else stops the export with the page named.
 */
import { poseCombine, poseMair, type ChoiceInstance } from '../engine/learn/index.ts';
import type { CombineState } from '../engine/learn/combine-exercise.ts';

type Literal = Readonly<Record<string, number | boolean>>;

/** `{ s1: 0x44, fwb: false }`: an object literal of number and boolean values, as the pages write them. */
function objectLiteral(source: string, what: string): Literal {
  const body = /^\s*\{(.*)\}\s*$/s.exec(source)?.[1];
  if (body === undefined) throw new Error(`${what}: expected an object literal such as {{ s1: 0x44, s2: 0x1, fwb: false }}, not '${source}'`);
  const fields: Record<string, number | boolean> = {};
  for (const part of body.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\w+)\s*:\s*(0x[0-9a-fA-F]+|\d+|true|false)$/.exec(part);
    if (m === null) throw new Error(`${what}: cannot read '${part}' (a name, a colon and a number or true/false)`);
    fields[m[1]!] = m[2] === 'true' ? true : m[2] === 'false' ? false : Number(m[2]);
  }
  return fields;
}

function combineState(fields: Literal, what: string): CombineState {
  const { s1, s2, fwb } = fields;
  if (typeof s1 !== 'number' || typeof s2 !== 'number' || typeof fwb !== 'boolean' || Object.keys(fields).length !== 3) {
    throw new Error(`${what}: needs exactly s1 and s2 (numbers) and fwb (true or false)`);
  }
  return { s1, s2, fwb };
}

function stateMarkdown(instance: ChoiceInstance, engine: string): string {
  const facts = instance.facts.map((fact) => `- ${fact.label}: ${fact.value}`).join('\n');
  const notes = (instance.notes ?? []).map((note) => `Engine note: ${note}`);
  return [`${instance.question}\n\n${facts}`, `The ${engine} engine's answer: **${instance.answer}**. ${instance.because}`, ...notes].join('\n\n');
}

export function questionFigure(params: ReadonlyMap<string, string>, url: string): string {
  const what = `${url}: QuestionFigure`;
  const ctx = { site: '', shipped: new Map<string, string>() };
  const mair = params.get('mair');
  const combine = params.get('combine');
  if ((mair === undefined) === (combine === undefined)) throw new Error(`${what} needs exactly one of combine={{...}} and mair={<byte>}`);
  if (mair !== undefined) {
    if (!/^\s*(0x[0-9a-fA-F]+|\d+)\s*$/.test(mair)) throw new Error(`${what}: mair must be a byte, not '${mair}'`);
    return stateMarkdown(poseMair({ byte: Number(mair) }, ctx), 'MAIR decoding');
  }
  const first = combineState(objectLiteral(combine!, what), what);
  const control = params.get('control');
  const on = params.get('on');
  const change = on ?? params.get('off');
  const parts = [stateMarkdown(poseCombine(first, ctx), 'combining')];
  if (control !== undefined && change !== undefined) {
    const second = combineState({ ...first, ...objectLiteral(change, what) }, what);
    parts.push(`With the figure's control ${on !== undefined ? 'on' : 'off'} (“${control}”):`, stateMarkdown(poseCombine(second, ctx), 'combining'));
  }
  return parts.join('\n\n');
}
