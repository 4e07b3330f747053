// `npm run bench`: every benchmark at the centre's scale (DOMAIN.md). Prints tables and ratios
// against a baseline measured in the same run; asserts nothing about time.
import { benchSeed } from './seed.bench';
import { benchMatching } from './matching.bench';

// One benchmark by name: `npm run bench -- matching` (or BENCH=matching npm run bench).
const only = process.argv[2] ?? process.env.BENCH;
if (!only || only === 'seed') await benchSeed();
if (!only || only === 'matching') await benchMatching();
if (!only || only === 'genomics') await (await import('./genomics.bench')).benchGenomics();
if (!only || only === 'theranostics') await (await import('./theranostics.bench')).benchTheranostics();
if (!only || only === 'atlas') await (await import('./resistance-atlas.bench')).benchResistanceAtlas();
