// `npm run bench`: every benchmark at the centre's scale (DOMAIN.md). Prints tables and ratios
// against a baseline measured in the same run; asserts nothing about time.
import { benchSeed } from './seed.bench';

await benchSeed();
await (await import('./genomics.bench')).benchGenomics();
