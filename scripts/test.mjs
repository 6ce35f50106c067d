#!/usr/bin/env node
// `npm test`: the web app's component tests (Vitest), then every Jest suite — unit, e2e over HTTP,
// and the browser journeys in test/browser (they need `npm run build` first; CI builds before).
// With arguments (`npm test -- test/x.e2e-spec.ts`, `--selectProjects unit`) only Jest runs, with
// them, so running one suite stays one suite.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (args.length === 0) run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'apps/web/vite.config.mts']);
run(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args]);
