import { configDefaults, defineConfig } from 'vitest/config';

// Pure code: the validation core (src/lib), the Worker's pure modules (workers/**/*.test.ts) and scripts. Runs in Node.
// `*.volume.test.ts` files (one full-size case per path) run only with VOLUME=1 (npm run test:volume).
const volume = !!process.env.VOLUME;
export default defineConfig({
  test: {
    include: volume ? ['src/**/*.volume.test.ts', 'workers/**/*.volume.test.ts', 'test/unit/**/*.volume.test.ts'] : ['src/**/*.test.ts', 'workers/**/*.test.ts', 'test/unit/**/*.test.ts'],
    exclude: volume ? configDefaults.exclude : [...configDefaults.exclude, '**/*.volume.test.ts'],
    environment: 'node',
    // Pure modules: a worker's files share its module cache (each file re-importing the core cost
    // a third of the layer's time). Tests restore what they spy on.
    isolate: false,
    // Vitest's default on two cores is one worker: the layer then left 40% of the machine idle.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
