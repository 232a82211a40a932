export type * from '../coordinator/state.ts';
