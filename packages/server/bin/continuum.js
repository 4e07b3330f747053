#!/usr/bin/env node
// Continuum's CLI. The server and core run as TypeScript through tsx: no build step between
// a fresh clone and a running platform.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
