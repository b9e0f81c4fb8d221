/** Public API of the learning models behind the `baseline-race` figure (pure, seeded, no DOM). */
export * from './datasets';
export * from './optim';
export * from './common';
export * from './logistic';
export * from './mlp';
export * from './vqc';
export * from './runners';
export * from './validate';
