import { StoreConflictError, StoreTxConflictError } from '../ports';

/**
 * Runs `attempt` again when it lost a race (an id or unique key taken by a concurrent writer, or a
 * transaction conflict). The next attempt re-reads and finds the winner's result.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      const lostRace = e instanceof StoreConflictError || e instanceof StoreTxConflictError;
      if (!lostRace || i >= tries) throw e;
    }
  }
}
