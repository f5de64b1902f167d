import { int, optional, string } from '../../core/kernel/schema';

/** Field schemas the admin areas share. */
export const docId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
export const cursor = () => optional(string({ max: 200 }));
export const limit = () => optional(int({ min: 1, max: 100 }));
/** a name-prefix search */
export const query = () => optional(string({ max: 64 }));
