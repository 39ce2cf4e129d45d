/**
 * `table [--fwb] [--rst]`: the named S1 x S2 matrix as a 72-column
 * plain-text table or a kernel ReST table, as the CLI guide
 * (src/content/docs/reference/cli.mdx, "table") documents.
 */
import { UsageError, type Command } from '../cli-io.ts';
import { rstTable } from '../format/rst-table.ts';
import { matrixReport } from '../format/matrix-report.ts';
import { combineMatrix, matrixRows } from './matrix.ts';

export const tableCommand: Command = async (args, io) => {
  let fwb = false;
  let rst = false;
  for (const arg of args) {
    if (arg === '--fwb') fwb = true;
    else if (arg === '--rst') rst = true;
    else throw new UsageError(`unknown argument '${arg}' (table takes --fwb and --rst)`);
  }
  if (!rst) {
    io.out(matrixReport(fwb, io.site));
    return 0;
  }
  const { header, rows } = matrixRows(combineMatrix(fwb));
  io.out(rstTable(header, rows));
  return 0;
};
