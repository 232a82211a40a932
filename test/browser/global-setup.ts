import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from './server.ts';

let server: DevServer | undefined;

export async function setup(project: TestProject) {
  // Many tests sign in as the demo owner within the hour: lift the sign-in limits (their own tests are Worker tests).
  const lifted = { SIGNIN_CODES_PER_ADDRESS_PER_HOUR: '1000', SIGNIN_CODES_PER_IP_PER_HOUR: '1000', SIGNIN_VERIFIES_PER_IP_PER_HOUR: '1000' };
  server = await startDevServer(Number(process.env.TEST_PORT ?? 8799), '.wrangler/test-state', { vars: lifted });
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
