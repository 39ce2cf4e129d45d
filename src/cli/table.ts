/**
 * `table [--fwb] [--rst]`: the named S1 x S2 matrix as a 72-column
 * plain-text table or a kernel ReST table, as the CLI guide
 * (src/content/docs/reference/cli.mdx, "table") documents.
 */
import { UsageError, type Command } from './io.ts';
import { COMBINE_DEFAULTS, combineLink } from '../engine/links/combine-query.ts';
import { linkLines } from '../engine/links/link-line.ts';
import { rstTable } from '../engine/format/rst-table.ts';
import { matrixReport } from '../engine/links/matrix-report.ts';
import { loadRelease } from './load-release.ts';
import { MODEL_VERSION } from '../engine/version.ts';
import { combineMatrix, matrixRows } from '../engine/attrs/matrix.ts';

export const tableCommand: Command = async (args, io) => {
  let fwb = false;
  let rst = false;
  for (const arg of args) {
    if (arg === '--fwb') fwb = true;
    else if (arg === '--rst') rst = true;
    else throw new UsageError(`unknown argument '${arg}' (table takes --fwb and --rst)`);
  }
  const model = io.model ?? MODEL_VERSION;
  if (model !== MODEL_VERSION) {
    const release = await loadRelease(model);
    io.out(rst ? release.matrixRst(fwb) : `${release.matrixText(fwb)}${linkLines(combineLink(io.site, { ...COMBINE_DEFAULTS, fwb }, model), model)}`);
    return 0;
  }
  if (!rst) {
    io.out(matrixReport(fwb, io.site));
    return 0;
  }
  const { header, rows } = matrixRows(combineMatrix(fwb));
  io.out(rstTable(header, rows));
  return 0;
};
