import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real Eleventy builds, Pagefind and Chromium: generous limits, no timing assertions.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    reporters: ["default", "./test/support/plain-summary-reporter.ts"],
  },
});
