import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../shipped-scenarios.ts';
import { checkScenario, type RaceCheck } from '../race/explore/check.ts';
import { replay } from '../race/explore/replay.ts';
import { raceChart, stepText, type RaceChart } from './race-chart.ts';
import { sequenceChart } from './race-sequence.ts';
import { renderRaceText } from './race-text.ts';

const checks: RaceCheck[] = [...SHIPPED].map(([name, text]) => checkScenario(text, { file: `scenarios/${name}.race` }));
const unsafe = checks.filter((c) => c.result.verdict === 'unsafe');
const chartOf = (check: RaceCheck): RaceChart => raceChart(check.model, replay(check.model, check.result.trace));
const named = (file: string): RaceCheck => {
  const check = checks.find((c) => c.file === `scenarios/${file}.race`);
  if (!check) throw new Error(`no shipped ${file}`);
  return check;
};

/** The column of each lane in a chart's text: where its name starts in the header. */
function columns(lines: readonly string[], chart: RaceChart): number[] {
  return chart.lanes.map((lane, i) => lines[i]?.indexOf(lane.name) ?? -1);
}

describe('counterexample chart', () => {
  it('has one step per trace step, in order, with the engine’s words for it', () => {
    expect(unsafe.length).toBeGreaterThan(3);
    for (const check of unsafe) {
      const chart = chartOf(check);
      expect(chart.steps.map((s) => s.label)).toEqual(check.result.trace.map((t) => t.event));
      expect(chart.steps.map((s) => s.number)).toEqual(check.result.trace.map((_, i) => i + 1));
      expect(chart.components).toHaveLength(check.result.trace.length + 1);
      // Only the last step is the race: the explorer stops at the first violation.
      expect(chart.steps.map((s) => s.violation)).toEqual(check.result.trace.map((_, i) => i === check.result.trace.length - 1));
    }
  });

  it('draws a write leaving the guest PE’s buffer for the acknowledgement point, and the late write leaving it for the device', () => {
    const chart = chartOf(named('soc-nc-unmap-ctrl'));
    const accepted = chart.steps.find((s) => s.label === 'store 0x0 acknowledged at the interconnect');
    expect(accepted?.move).toEqual({ what: 'store 0x0', from: 'guest-pe', to: 'interconnect' });
    expect(chart.steps.at(-1)?.move).toEqual({ what: 'store 0x0', from: 'interconnect', to: 'device' });
    const reset = chart.steps.find((s) => s.lane === 'reset-controller');
    expect(reset?.move).toEqual({ what: 'write to the reset controller', from: 'interconnect', to: 'reset-controller' });
    // A store entering its own PE's buffer moves between no lanes.
    expect(chart.steps[0]?.move).toBeUndefined();
  });

  it('shows after each step what the components hold: the store in the buffer, then on the path, then at the device after the reset', () => {
    const chart = chartOf(named('soc-nc-unmap-ctrl'));
    const holding = (k: number, name: string) => chart.components[k]?.find((c) => c.name === name);
    expect(holding(0, 'Guest PE write buffer')?.items).toEqual([]);
    expect(holding(1, 'Guest PE write buffer')?.items).toEqual(['store 0x0']);
    const onPath = chart.steps.findIndex((s) => s.move?.to === 'interconnect' && s.move.what === 'store 0x0') + 1;
    expect(holding(onPath, 'Path to the device')?.items).toEqual(['store 0x0']);
    expect(holding(onPath, 'Guest PE write buffer')?.items).toEqual([]);
    const last = chart.steps.length;
    expect(holding(last, 'Device')).toEqual({ name: 'Device', lane: 'device', items: ['store 0x0 (after the reset)'], state: 'reset' });
    expect(holding(last, 'Reset controller')?.items).toEqual(['write to the reset controller']);
    expect(holding(last - 1, 'Stage 2 mapping')?.state).toMatch(/^unmapped/);
  });

  it('gives each vCPU its own lane, in vCPU order, named by its number beside the others', () => {
    const chart = chartOf(named('soc-nc-unmap-ctrl-4vcpu'));
    expect(chart.lanes.map((l) => l.name)).toEqual(['vCPU 0 PE', 'vCPU 1 PE', 'vCPU 2 PE', 'vCPU 3 PE', 'Host PE', 'Interconnect', 'Device', 'Reset controller']);
    expect(chart.components[0]?.filter((c) => c.name.endsWith('write buffer')).map((c) => c.name)).toEqual([
      'vCPU 0 PE write buffer',
      'vCPU 1 PE write buffer',
      'vCPU 2 PE write buffer',
      'vCPU 3 PE write buffer',
      'Host PE write buffer',
    ]);
    expect(chartOf(named('soc-nc-unmap-ctrl')).lanes[0]?.name).toBe('Guest PE');
  });

  it('draws a cacheable store entering the cache and its eviction leaving it for the path, and holds the dirty line meanwhile', () => {
    const chart = chartOf(named('pcie-wb-fwb-unmap-flr'));
    expect(chart.lanes.map((l) => l.lane)).toContain('cache');
    const into = chart.steps.findIndex((s) => s.move?.to === 'cache');
    expect(chart.steps[into]?.move?.from).toBe('guest-pe');
    expect(chart.components[into + 1]?.find((c) => c.name === 'Cache (dirty lines)')?.items).toEqual(['line 0x0: store 0x0']);
    const evicted = chart.steps.find((s) => s.move?.from === 'cache');
    expect(evicted?.move?.to).toBe('root-complex');
    expect(chart.components.at(-1)?.find((c) => c.name === 'Device')?.items.at(-1)).toMatch(/store 0x0 \(after the reset\)$/);
  });

  it('reads each step on its own, naming the lanes a write moves between', () => {
    const chart = chartOf(named('soc-nc-unmap-ctrl'));
    const step = chart.steps.at(-1);
    expect(step && stepText(chart, step)).toBe('device: receives store 0x0 after reset (store 0x0: Interconnect to Device), a guest write after the reset');
  });
});

describe('counterexample as a plain-text sequence chart', () => {
  it('fits 72 columns, for every shipped unsafe scenario', () => {
    for (const check of unsafe) {
      const lines = sequenceChart(chartOf(check));
      expect(lines.filter((line) => line.length > 72), check.file).toEqual([]);
    }
  });

  it('has one column per lane, and numbers each step on the line that draws it', () => {
    for (const check of unsafe) {
      const chart = chartOf(check);
      const lines = sequenceChart(chart);
      const x = columns(lines, chart);
      expect(new Set(x).size).toBe(chart.lanes.length);
      expect(x.every((c, i) => c > 0 && (i === 0 || c > (x[i - 1] ?? 0)))).toBe(true);
      const numbered = lines.filter((line) => /^ *\d+ /.test(line)).map((line) => Number(line.trim().split(' ')[0]));
      expect(numbered).toEqual(chart.steps.map((s) => s.number));
      // The labels, unwrapped, are the steps' labels.
      const start = lines.findIndex((line) => /^ *1 /.test(line));
      const labelAt = Math.max(...x) + 3;
      const labels = lines.slice(start).reduce<string[]>((acc, line) => {
        const text = line.slice(labelAt).trim();
        if (/^ *\d+ /.test(line)) acc.push(text);
        else acc[acc.length - 1] += ` ${text}`;
        return acc;
      }, []);
      expect(labels).toEqual(chart.steps.map((s) => s.label));
    }
  });

  it('draws each move as an arrow from the lane it leaves to the lane it reaches, the race with =', () => {
    for (const check of unsafe) {
      const chart = chartOf(check);
      const lines = sequenceChart(chart);
      const x = columns(lines, chart);
      const col = (lane: string): number => x[chart.lanes.findIndex((l) => l.lane === lane)] ?? -1;
      for (const step of chart.steps) {
        const line = lines.find((l) => new RegExp(`^ *${step.number} `).test(l)) ?? '';
        if (!step.move) {
          expect(line[col(step.lane)], `${check.file} step ${step.number}`).toBe('*');
          continue;
        }
        const [from, to] = [col(step.move.from), col(step.move.to)];
        expect(line[from]).toBe('o');
        expect(line[to]).toBe(to > from ? '>' : '<');
        const between = line.slice(Math.min(from, to) + 1, Math.max(from, to));
        expect(between).toBe((step.violation ? '=' : '-').repeat(between.length));
      }
    }
  });

  it('is what the plain text of a check prints as its counterexample', () => {
    for (const check of unsafe) expect(renderRaceText(check)).toContain(sequenceChart(chartOf(check)).join('\n'));
    const safe = checks.find((c) => c.result.verdict === 'safe');
    expect(safe && renderRaceText(safe)).not.toContain('Counterexample');
  });
});
