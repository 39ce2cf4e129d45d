/**
 * The current model version as an EngineRelease, from the sources. The
 * archive builder (scripts/release/archive-engine.ts) writes the same list of
 * exports for a released commit, so an archived version and this one are
 * called the same way.
 */
import { combine } from '../attrs/combine.ts';
import { decodeS1 } from '../attrs/decode-s1.ts';
import { combineMatrix, matrixRows } from '../attrs/matrix.ts';
import { combineText } from '../format/combine-text.ts';
import { raceJson } from '../format/race-json.ts';
import { renderRaceText } from '../format/race-text.ts';
import { rstTable } from '../format/rst-table.ts';
import { textTable } from '../format/text-table.ts';
import { kvmText } from '../format/kvm-text.ts';
import { kvmDecide } from '../kvm/decide.ts';
import { checkScenario } from '../race/explore/check.ts';
import { ablate, repair, whyOf } from '../race/explain/index.ts';
import { parseScenario } from '../race/language/parser.ts';
import { printScenario } from '../race/language/printer.ts';
import type { EngineRelease } from './release.ts';
import { MODEL_VERSION } from '../version.ts';

export function currentRelease(scenarios: Readonly<Record<string, string>>): EngineRelease {
  return {
    model: MODEL_VERSION,
    scenarios,
    combine,
    decodeS1,
    combineText,
    matrixText: (fwb) => {
      const { header, rows } = matrixRows(combineMatrix(fwb));
      return textTable(header, rows);
    },
    matrixRst: (fwb) => {
      const { header, rows } = matrixRows(combineMatrix(fwb));
      return rstTable(header, rows);
    },
    checkScenario,
    renderRaceText,
    raceJson,
    parseScenario,
    printScenario,
    raceExplain: (check, options) => {
      const ablation = ablate(check, options);
      return { ablation, why: whyOf(check, ablation) };
    },
    raceFix: repair,
    kvmDecide,
    kvmText,
  };
}
