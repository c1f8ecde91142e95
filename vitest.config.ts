import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Sums what the fault scenarios (tests/faults) measured into one line at the end of the run.
    globalSetup: ['tests/faults/tally-report.ts'],
    testTimeout: 20_000,
    // Tests run on Node 20, which the SDK will drop in 2027; the deployed functions run Node 22.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
