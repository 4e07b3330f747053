import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli';

const HERE = dirname(fileURLToPath(import.meta.url));
const SNMMI_INPUT = join(HERE, '..', '..', 'core', 'test', 'fixtures', 'nucmed', 'snmmi-2021-lu177-dosimetry-input.json');

const cli = (args: string[]) => runCli(args);

describe('continuum decay and dosimetry (no server, no database)', () => {
  it('halves 7.4 GBq of Lu-177 over one half-life (ICRP-107: 6.647 d = 159.528 h)', async () => {
    const r = await cli([
      'decay',
      '--nuclide',
      'Lu-177',
      '--activity',
      '7.4GBq',
      '--at',
      '2026-01-01T00:00:00Z',
      '--to',
      '2026-01-07T15:31:40.8Z',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.nuclide).toBe('Lu-177');
    expect(out.activityMBq).toBeCloseTo(3700, 3);
  });

  it('corrects backwards too: F-18 (109.77 min) 100 MBq measured at 10:00 was 200 MBq at 08:10:14', async () => {
    const r = await cli([
      'decay',
      '--nuclide',
      'F-18',
      '--activity',
      '100MBq',
      '--at',
      '2026-01-01T10:00:00Z',
      '--to',
      '2026-01-01T08:10:13.8Z',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.stdout).activityMBq).toBeCloseTo(200, 0);
  });

  it('refuses an activity without a unit, naming the option, and an unknown nuclide with suggestions', async () => {
    const bare = await cli([
      'decay',
      '--nuclide',
      'Lu-177',
      '--activity',
      '7400',
      '--at',
      '2026-01-01T00:00:00Z',
      '--to',
      '2026-01-02T00:00:00Z',
    ]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--activity/);
    const unknown = await cli([
      'decay',
      '--nuclide',
      'Lu-178',
      '--activity',
      '1GBq',
      '--at',
      '2026-01-01T00:00:00Z',
      '--to',
      '2026-01-02T00:00:00Z',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Lu-177/);
  });

  it('reproduces the SNMMI 2021 Lu-177 challenge kidney TIA (7593.75 MBq·h, tolerance 1 %) with the method named', async () => {
    // Expected TIA from the challenge's reference results (PyTheranostics voxel_dosimetry_validation, Apache-2.0).
    const r = await cli(['dosimetry', SNMMI_INPUT, '--format', 'json']);
    expect(r.code).toBe(0);
    const kidney = JSON.parse(r.stdout).regions.find((x: { name: string }) => x.name === 'Kidney_Left');
    expect(Math.abs(kidney.tiaMBqH - 7593.75) / 7593.75).toBeLessThan(0.01);
    expect(kidney.doseGyPerGBq).toBeGreaterThan(0.3802 * 0.95);
    expect(kidney.doseGyPerGBq).toBeLessThan(0.3802 * 1.05);
    expect(kidney.method).toMatch(/S-values/);
  });
});
