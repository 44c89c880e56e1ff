// Sign-in limits: 5 failures per account and 30 attempts per address in 15 minutes, counted in
// the store. Each test uses its own accounts and addresses so counts do not leak between tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAuthServer, PASSWORD, signIn, type AuthServer } from './support/authServer';

let server: AuthServer;

beforeAll(async () => {
  server = await makeAuthServer();
});
afterAll(async () => server.close());

const LIMITED = { error: 'Too many sign-in attempts. Try again in 15 minutes.', code: 'rate-limited' };

async function failTimes(email: string, times: number, address: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await signIn(server.app, email, 'wrong password!', address)).statusCode);
  return statuses;
}

describe('per account', () => {
  it('refuses the 6th attempt after 5 failures, even with the right password', async () => {
    await server.addUser('lock@oakfield.sch.uk');
    expect(await failTimes('lock@oakfield.sch.uk', 5, '192.0.2.10')).toEqual([401, 401, 401, 401, 401]);

    const res = await signIn(server.app, 'lock@oakfield.sch.uk', PASSWORD, '192.0.2.10');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json()).toEqual(LIMITED);
    expect(res.cookies).toHaveLength(0);
  });

  it('counts failures for the account whichever address they come from', async () => {
    await server.addUser('roam@oakfield.sch.uk');
    for (const address of ['192.0.2.20', '192.0.2.21', '192.0.2.22', '192.0.2.23', '192.0.2.24']) {
      await failTimes('roam@oakfield.sch.uk', 1, address);
    }
    expect((await signIn(server.app, 'roam@oakfield.sch.uk', PASSWORD, '192.0.2.25')).statusCode).toBe(429);
  });

  it('limits unknown emails the same way, so the limit reveals nothing', async () => {
    expect(await failTimes('ghost@oakfield.sch.uk', 6, '192.0.2.30')).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('starts afresh after a successful sign-in', async () => {
    await server.addUser('fresh@oakfield.sch.uk');
    expect(await failTimes('fresh@oakfield.sch.uk', 4, '192.0.2.40')).toEqual([401, 401, 401, 401]);
    expect((await signIn(server.app, 'fresh@oakfield.sch.uk', PASSWORD, '192.0.2.40')).statusCode).toBe(200);
    // Without the reset the 6th attempt overall would already be refused.
    expect(await failTimes('fresh@oakfield.sch.uk', 5, '192.0.2.40')).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn(server.app, 'fresh@oakfield.sch.uk', PASSWORD, '192.0.2.40')).statusCode).toBe(429);
  });

  it('counts the account however the email is written', async () => {
    await server.addUser('case@oakfield.sch.uk');
    for (const email of ['case@oakfield.sch.uk', 'CASE@oakfield.sch.uk', ' Case@Oakfield.sch.uk', 'case@OAKFIELD.SCH.UK', 'cAsE@oakfield.sch.uk']) {
      await failTimes(email, 1, '192.0.2.50');
    }
    expect((await signIn(server.app, 'case@oakfield.sch.uk', PASSWORD, '192.0.2.50')).statusCode).toBe(429);
  });
});

describe('per address', () => {
  it('refuses the 31st attempt from one address across different accounts', async () => {
    await server.addUser('victim@oakfield.sch.uk');
    const address = '198.51.100.99';
    for (let i = 0; i < 30; i += 1) {
      // Each account stays under its own limit of 5.
      const res = await signIn(server.app, `guess${Math.floor(i / 3)}@oakfield.sch.uk`, 'wrong password!', address);
      expect(res.statusCode).toBe(401);
    }
    const res = await signIn(server.app, 'victim@oakfield.sch.uk', PASSWORD, address);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json()).toEqual(LIMITED);

    // The account itself is not locked: from another address the right password still works.
    expect((await signIn(server.app, 'victim@oakfield.sch.uk', PASSWORD, '198.51.100.100')).statusCode).toBe(200);
  });
});
