/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { boundariesPlugin } from './boundaries.mts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app. Built into dist/web, which the API serves at / (apps/api/src/web/web-app.ts).
 * No @vitejs/plugin-react: Vite 8's built-in oxc transform compiles TSX with the automatic JSX
 * runtime, which is all the build needs (the plugin only adds fast refresh in dev and pulls in a
 * Babel 8 peer that conflicts with the API's Babel 7 tooling).
 */
export default defineConfig({
  root,
  publicDir: 'public',
  plugins: [boundariesPlugin()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // A job centre's intranet browsers are kept current, but not bleeding edge.
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run web:dev`: the API on :3000 answers /graphql and the static data.
    proxy: { '/graphql': 'http://localhost:3000', '/import': 'http://localhost:3000', '/hsds': 'http://localhost:3000', '/health': 'http://localhost:3000', '/web-config.json': 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
    // the machine is shared (CI runs the API suites beside): generous, not flaky
    testTimeout: 20000,
  },
});
