export * from './errors';
export * from './envelope';
export * from './domain';
export * from './admin';
export * from './registration';
export * from './account-merge';
export * from './actions';
export * from './notifications';
