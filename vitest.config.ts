import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Simulator regressions build C++ models, which can take tens of seconds each.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
