export * from '../../limits/rate-limit.ts';
