import type { Clock } from '../ports/clock';

export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();
