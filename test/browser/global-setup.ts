import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from './server.ts';

let server: DevServer | undefined;

export async function setup(project: TestProject) {
  server = await startDevServer(Number(process.env.TEST_PORT ?? 8799), '.wrangler/test-state');
  project.provide('baseUrl', server.url);
  project.provide('token', server.token);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    token: string;
  }
}
