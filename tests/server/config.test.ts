// Configuration mistakes must stop the server with a sentence naming the variable.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('uses safe defaults: localhost only, port 4780, ./data and ./dist', () => {
    expect(loadConfig({}, '/srv/setwise')).toEqual({
      host: '127.0.0.1',
      port: 4780,
      dataDir: resolve('/srv/setwise', 'data'),
      staticDir: resolve('/srv/setwise', 'dist'),
      logLevel: 'info',
    });
  });

  it('reads every variable and resolves directories against the working directory', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', PORT: '8080', DATA_DIR: 'var/data', STATIC_DIR: '/opt/app', LOG_LEVEL: 'warn' },
      '/srv/setwise',
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/srv/setwise/var/data',
      staticDir: '/opt/app',
      logLevel: 'warn',
    });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '  ', HOST: '' }).port).toBe(4780);
  });

  it('accepts port 0 (any free port, used by tests)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each(['abc', '80800', '-1', '12.5', '0x50'])('rejects PORT=%s with a clear message', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(
      `PORT=${JSON.stringify(port)} must be a whole number from 0 to 65535`,
    );
  });

  it('names a bad LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL="loud" must be one of/);
  });

  it('reads DATABASE_URL when set (PostgreSQL instead of SQLite)', () => {
    const url = 'postgres://setwise:secret@db.internal:5432/setwise';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('rejects a DATABASE_URL that is not PostgreSQL without repeating it (it may hold a password)', () => {
    const read = (): unknown => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/setwise' });
    expect(read).toThrow(/DATABASE_URL=\(hidden\) must be a PostgreSQL URL/);
    expect(read).not.toThrow(/hunter2/);
  });
});
