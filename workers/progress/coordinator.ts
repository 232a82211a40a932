export * from '../coordinator/coordinator.ts';
