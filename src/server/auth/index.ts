// The auth module's public face for the rest of the server.
export { registerAuth } from './registerAuth';
export { requireUser, currentUser } from './requireUser';
export { currentSession, CSRF_HEADER } from './requestGuards';
export type { AuthUser } from './authTypes';
export type { SessionBody } from './signInRoutes';
export type { SetupNeededBody } from './setupRoutes';
