import { defineConfig } from 'vitest/config';

// Unit tests: pure TypeScript (simulator, experiments, figure models, step model), run in Node.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
  },
});
