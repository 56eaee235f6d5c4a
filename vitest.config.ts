import { defineConfig } from 'vitest/config';

// Two tiers: `unit` (pure logic, no processes, under a minute) and `integration` (real
// registry, S3 server, the bundles run as the runner runs them). The integration tier builds
// dist/ from the current sources first, so a stale bundle can never be what is tested.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // Unit files share one process per worker: no fork and re-import per file (half the wall
        // time), which the tier allows because its tests restore what they change (cwd, env).
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/build-dist.ts'],
        },
      },
    ],
  },
});
