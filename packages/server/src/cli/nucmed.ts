import { NucmedError, decayCommand, runDosimetry } from '@continuum/core';
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { dosimetryData } from '../theranostics/dosimetry-data';

/** Prints a NucmedError (it names the field, the limit and suggestions) and sets a failing exit code. */
function fail(error: unknown, where: string): void {
  if (error instanceof NucmedError || error instanceof SyntaxError) {
    process.stderr.write(`error: ${where}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  throw error;
}

const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

/** `continuum decay` and `continuum dosimetry`: the theranostics science, without a server. */
export function registerNucmedCommands(program: Command): void {
  program
    .command('decay')
    .description('decay-correct an activity between two instants (ICRP-107 half-lives)')
    .requiredOption('--nuclide <name>', 'e.g. Lu-177, Ga-68, F-18')
    .requiredOption('--activity <value>', 'with its unit, e.g. 7.4GBq, 200MBq, 5mCi')
    .requiredOption('--at <instant>', 'ISO instant with offset at which the activity was measured')
    .requiredOption('--to <instant>', 'ISO instant to correct to (earlier or later)')
    .option('--format <format>', 'text or json', 'text')
    .action((o: { nuclide: string; activity: string; at: string; to: string; format: string }) => {
      try {
        const r = decayCommand(o);
        process.stdout.write(o.format === 'json' ? `${JSON.stringify(r)}\n` : `${r.nuclide}: ${r.activityMBq.toFixed(1)} MBq at ${o.to}\n`);
      } catch (e) {
        fail(e, 'decay');
      }
    });

  program
    .command('dosimetry')
    .description('fit time-activity data per region and compute TIAs and absorbed doses (S-values, ICRP-89 phantoms)')
    .argument('<file>', 'JSON: { nuclide, injectedMBq, phantom, regions: [{ name, organ, timesH, activitiesMBq, massG? }] }')
    .option('--format <format>', 'table or json', 'table')
    .action((file: string, o: { format: string }) => {
      try {
        const report = runDosimetry(JSON.parse(readFileSync(file, 'utf8')), dosimetryData());
        if (o.format === 'json') {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const rows = report.regions.map((r) => [r.name, r.model, fixed(r.tiaMBqH, 1), fixed(r.doseGy, 3), fixed(r.doseGyPerGBq, 4), r.method]);
        const head = ['region', 'model', 'TIA MBq·h', 'dose Gy', 'Gy/GBq', 'method'];
        const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
        const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
        process.stdout.write(`${[line(head), ...rows.map((r) => line(r.map(String)))].join('\n')}\n`);
      } catch (e) {
        fail(e, file);
      }
    });
}
