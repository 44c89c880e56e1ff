import { EventEmitter } from 'node:events';

/**
 * Tells a user's open devices (server-sent events) that something they may see has changed, so
 * they pull at once instead of at their next timer. With one server process an in-memory
 * emitter is enough; several processes on one Postgres use LISTEN/NOTIFY
 * (postgresChangeNotifier.ts) behind the same interface.
 */
export interface ChangeNotifier {
  publish(userId: string): void;
  subscribe(userId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

export function createMemoryChangeNotifier(): ChangeNotifier {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (userId) => {
      emitter.emit(userId);
    },
    subscribe(userId, listener) {
      emitter.on(userId, listener);
      return () => emitter.off(userId, listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}
