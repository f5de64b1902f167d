export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
}
