export * from './errors';
export * from './envelope';
export * from './domain';
export * from './actions';
