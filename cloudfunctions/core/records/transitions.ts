import { AppError } from '../kernel/app-error';

/**
 * Which status changes the person who asked for something may make themselves. Everything else
 * (taking a work order on, resolving it) is the business's side, done in its own systems.
 */
export type TransitionTable<S extends string> = Record<S, readonly S[]>;

export function nextStatuses<S extends string>(table: TransitionTable<S>, from: S, canUpdate: boolean): S[] {
  return canUpdate ? [...(table[from] ?? [])] : [];
}

/** `records/invalid-state` unless `from → to` is in the table (staying put is always fine). */
export function checkTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): void {
  if (from !== to && !(table[from] ?? []).includes(to)) throw new AppError('records/invalid-state', { status: from, to });
}

/** Content edits only while the record is still in the state where nobody has acted on it. */
export function checkEditable(status: string, editableIn: string, edits: Record<string, unknown>): void {
  if (Object.keys(edits).length > 0 && status !== editableIn) throw new AppError('records/invalid-state', { status });
}
