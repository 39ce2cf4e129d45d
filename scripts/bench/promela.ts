/**
 * `npm run bench` (third part): our explorer against SPIN on the exported
 * Promela model, per size of the scaling family (N guest stores to distinct
 * offsets, Normal-NC, soc, host `unmap-s2; read 0x0; reset ctrl`, safe, and
 * the same without `read`, unsafe). One run of each: our exploration time
 * beside pan's search time (`cc -O2 -DSAFETY`, `./pan -c0`; building pan is
 * shown apart), and their ratio. With the reductions (race, race
 * --promela) and without (--no-reduction), where ours stays within its
 * state budget.
 *
 * Prints a table only; nothing here asserts on time.
 */
import { buildModel, explore, parseScenario } from '../../src/engine/race/index.ts';
import { toPromela } from '../../src/engine/race/promela/index.ts';
import { runSpin } from '../lib/spin.ts';

const UNREDUCED_BUDGET = 100_000;
const SIZES = 8;

function familyText(n: number, read: boolean): string {
  const stores = Array.from({ length: n }, (_, i) => `store 0x${(i * 8).toString(16)}`).join('; ');
  return `platform soc\nguest-s1 Normal-NC\nguest-s2 Normal-NC\nguest ${stores}\nhost unmap-s2; ${read ? 'read 0x0; ' : ''}reset ctrl\n`;
}

const row = (cells: (string | number)[], widths: readonly number[]): string => cells.map((cell, i) => String(cell).padStart(widths[i] ?? 0)).join('  ');

async function family(read: boolean, reduction: boolean): Promise<void> {
  const widths = [3, 7, 8, 9, 8, 9, 7, 9];
  const how = reduction ? 'reductions on' : 'no reduction';
  console.log(`\nRace vs SPIN, host 'unmap-s2; ${read ? 'read 0x0; ' : ''}reset ctrl' (N stores, Normal-NC, soc), ${how}\n`);
  console.log(row(['N', 'verdict', 'states', 'ours ms', 'states', 'SPIN ms', 'SPIN/', 'pan build'], widths));
  console.log(row(['', '', 'ours', '', 'SPIN', '', 'ours', 'ms'], widths));
  for (let n = 1; n <= SIZES; n += 1) {
    const scenario = parseScenario(familyText(n, read));
    const ours = explore(buildModel(scenario), { reduction, budget: UNREDUCED_BUDGET });
    if (ours.verdict === 'incomplete') {
      console.log(row([n, `(over ${UNREDUCED_BUDGET} states: larger sizes skipped)`], [3, 0]));
      return;
    }
    const spin = await runSpin(toPromela(scenario, { reduction }), { optimise: 2, hashBits: 22 });
    const ratio = spin.searchMs / Math.max(ours.stats.timeMs, 0.01);
    console.log(
      row(
        [n, ours.verdict, ours.stats.states, ours.stats.timeMs.toFixed(1), spin.states, spin.searchMs.toFixed(1), ratio.toFixed(1), spin.buildMs.toFixed(0)],
        widths,
      ),
    );
  }
}

for (const reduction of [true, false]) {
  await family(true, reduction);
  await family(false, reduction);
}
