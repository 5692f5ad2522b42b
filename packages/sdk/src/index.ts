export * from './entries/esm.ts';
