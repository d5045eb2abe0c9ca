import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
        // Two cores are shared with the language server and CLI processes some tests start.
        maxWorkers: 2,
        testTimeout: 30_000
    }
});
