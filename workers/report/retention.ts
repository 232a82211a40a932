export * from '../retention/retention.ts';
