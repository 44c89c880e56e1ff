import pg from 'pg';
import { createMemoryChangeNotifier, type ChangeNotifier } from './changeNotifier';

const CHANNEL = 'setwise_changes';

/**
 * Change notifications across several server processes sharing one Postgres: a push in one
 * process NOTIFYs, every process LISTENs and tells its own open event streams. Notifications
 * are hints ("pull now"), never data; a lost one only delays a pull until the next timer.
 */
export async function createPostgresChangeNotifier(connectionString: string): Promise<ChangeNotifier> {
  const local = createMemoryChangeNotifier();
  const listener = new pg.Client({ connectionString });
  const publisher = new pg.Pool({ connectionString, max: 2 });
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel === CHANNEL && message.payload) local.publish(message.payload);
  });
  // A dropped LISTEN connection must not crash the server; devices still pull on their timers.
  listener.on('error', () => undefined);
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    publish(userId) {
      publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, userId]).catch(() => undefined);
    },
    subscribe: (userId, callback) => local.subscribe(userId, callback),
    async close() {
      await local.close();
      await listener.end().catch(() => undefined);
      await publisher.end().catch(() => undefined);
    },
  };
}
