/**
 * The reset race: can a guest write reach the device after the reset, on
 * PCIe, on an SoC, and with a cacheable mapping? Each family varies a
 * teaching scenario (the guest's memory type, the host's teardown, one
 * model assumption); the answer is the race engine's verdict on it, and
 * the reason is the one the "why" analysis gives (src/engine/race/explain/):
 * the cause of the shortest counterexample, or what a SAFE verdict rests
 * on. The link opens the race playground on the same scenario.
 */
import { checkScenario, parseScenario, printScenario, type Platform, type RaceCheck } from '../race/index.ts';
import { ablate, causeOf, causeSentence, whyOf } from '../race/explain/index.ts';
import { guestOpText, hostOpText } from '../race/language/printer.ts';
import { raceLink } from '../links/race-query.ts';
import { newAt, type ByLevel, type ChoiceInstance, type Fact, type PoseContext } from './instance.ts';

export type RaceFamily = 'pcie' | 'soc' | 'cacheable';

export const RACE_CHOICES: readonly string[] = ['SAFE', 'UNSAFE'];

interface Teaching {
  readonly platform: Platform;
  readonly fwb: boolean;
  /** Stage 1 and stage 2 as the scenario language writes them. */
  readonly types: ByLevel<readonly [string, string]>;
  readonly guest: ByLevel<string>;
  readonly host: ByLevel<string>;
  /** A knob setting (`config-order=no`), or '' for the defaults. */
  readonly knob: ByLevel<string>;
}

/**
 * The families, each starting from the scenarios of its guide section
 * (reset-race.mdx, cacheable.mdx): the thread's teardown and its omissions
 * first, then other reset methods, orders and guest types, then the model
 * assumptions a verdict rests on.
 */
const FAMILIES: Readonly<Record<RaceFamily, Teaching>> = {
  pcie: {
    platform: 'pcie',
    fwb: false,
    types: [[['Normal-NC', 'Normal-NC']], [], [['Device-nGnRE', 'Normal-NC']]],
    guest: [['store 0x0; store 0x8'], [], ['store 0x0; dsb; store 0x8']],
    host: [
      ['unmap-s2; reset flr', 'reset flr', 'reset flr; unmap-s2', 'dsb; reset flr'],
      ['unmap-s2; reset acpi', 'unmap-s2; read 0x0; reset acpi', 'read 0x0; reset flr', 'unmap-s2; dsb; reset flr'],
      ['unmap-s2; read 0x8; reset acpi', 'read 0x0; unmap-s2; reset acpi'],
    ],
    knob: [[''], [], ['config-order=no', 'np-pushes=no', 'write-order=no']],
  },
  soc: {
    platform: 'soc',
    fwb: false,
    types: [[['Normal-NC', 'Normal-NC']], [['Device-nGnRE', 'Normal-NC'], ['Device-nGnRnE', 'Normal-NC']], []],
    guest: [['store 0x0; store 0x8'], [], []],
    host: [
      ['unmap-s2; reset ctrl', 'unmap-s2; read 0x0; reset ctrl', 'reset ctrl'],
      ['read 0x0; unmap-s2; reset ctrl', 'unmap-s2; read 0x8; reset ctrl', 'unmap-s2; dsb; reset ctrl'],
      [],
    ],
    knob: [[''], ['early-ack=no'], ['np-pushes=no', 'ne-honoured=no']],
  },
  cacheable: {
    platform: 'pcie',
    fwb: true,
    types: [[['Normal-WB', '0x6']], [], [['Device-nGnRE', '0x6']]],
    guest: [['store 0x0; store 0x8'], [], []],
    host: [
      ['unmap-s2; reset flr', 'unmap-s2; dc civac all; dsb; reset flr', 'unmap-s2; dsb; reset flr'],
      // A clean needs a DSB after it before the reset (M-cache-dc-civac): these vary where the clean and its DSB go.
      ['dc civac all; dsb; unmap-s2; reset flr', 'dc civac all; unmap-s2; dsb; reset flr', 'unmap-s2; dsb; dc civac all; dsb; reset flr'],
      [],
    ],
    knob: [[''], ['guest-stops=yes'], ['unmap-cleans=yes']],
  },
};

/** A scenario as the printer writes it, without the title and `expect` that describe a shipped file: the language is the judge of what a family may draw. */
export function raceKey(text: string): string {
  const { title: _title, expect: _expect, ...scenario } = parseScenario(text, 'exercise');
  return printScenario(scenario);
}

function scenarioText(family: Teaching, choice: { types: readonly [string, string]; guest: string; host: string; knob: string }): string {
  return [
    `platform ${family.platform}`,
    `fwb ${family.fwb ? 'on' : 'off'}`,
    `guest-s1 ${choice.types[0]}`,
    `guest-s2 ${choice.types[1]}`,
    ...(choice.knob === '' ? [] : [`option ${choice.knob}`]),
    `guest ${choice.guest}`,
    `host ${choice.host}`,
  ].join('\n');
}

export function racePool(name: RaceFamily, level: number): string[] {
  const family = FAMILIES[name];
  type Choice = { types: readonly [string, string]; guest: string; host: string; knob: string };
  const choices = newAt<Choice>({ types: family.types, guest: family.guest, host: family.host, knob: family.knob }, level, (c) => scenarioText(family, c));
  return choices.map((c) => raceKey(scenarioText(family, c)));
}

const PLATFORM_WORDS: Readonly<Record<Platform, string>> = { pcie: 'PCIe', soc: 'SoC (the device reset through a reset controller)' };

/** The state a race exercise is about, as facts: the platform, the guest's memory type, both programs and any model assumption. */
export function raceFacts(check: RaceCheck): Fact[] {
  const { scenario } = check;
  const settings = Object.entries(scenario.options).map(([knob, value]) => `\`${knob}=${value ? 'yes' : 'no'}\``);
  return [
    { label: 'Platform', value: PLATFORM_WORDS[scenario.platform] },
    { label: 'Guest memory type', value: `${check.guestType} (stage 1 \`${scenario.guestS1}\`, stage 2 \`${scenario.guestS2}\`${scenario.fwb ? ', FWB' : ''})` },
    { label: 'The guest runs', value: `\`${scenario.guest.map(guestOpText).join('; ')}\`` },
    { label: 'The host runs', value: `\`${scenario.host.map(hostOpText).join('; ')}\`` },
    ...(settings.length === 0 ? [] : [{ label: 'Model assumption', value: settings.join(', ') }]),
  ];
}

/** Why the engine gives its verdict: the cause of the shortest counterexample, or what a SAFE verdict rests on (the "why" analysis). */
export function verdictReason(check: RaceCheck): string {
  const { result, model } = check;
  if (result.verdict === 'incomplete') throw new Error('the exercise scenario has no verdict within the state budget');
  if (result.verdict === 'safe') return whyOf(check, ablate(check)).headline ?? '';
  const cause = causeOf(model, result.trace);
  return cause === undefined ? `A guest write reaches the device after the reset in ${result.trace.length} steps.` : causeSentence(cause);
}

/** The shortest counterexample, one step a line, when the verdict is UNSAFE. */
export const stepsOf = (check: RaceCheck): { steps?: string[] } =>
  check.result.verdict === 'unsafe' ? { steps: check.result.trace.map((step) => `${step.actor}: ${step.event}`) } : {};

export function poseRace(text: string, ctx: PoseContext): ChoiceInstance {
  const check = checkScenario(text, { file: 'exercise' });
  const because = verdictReason(check);
  return {
    kind: 'race',
    key: raceKey(text),
    question: 'Can a guest write reach the device after the reset?',
    facts: raceFacts(check),
    choices: RACE_CHOICES,
    answer: check.result.verdict.toUpperCase(),
    because,
    ...stepsOf(check),
    link: raceLink(ctx.site, check.scenario, ctx.shipped),
    scenario: printScenario(check.scenario),
  };
}
