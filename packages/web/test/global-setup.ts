import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Builds the web app once per test run, from the current sources, before any browser test starts. */
export default function setup(): void {
  const web = join(dirname(fileURLToPath(import.meta.url)), '..');
  execSync('npx vite build --logLevel error', { cwd: web, stdio: 'inherit' });
}
