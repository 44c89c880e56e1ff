// The one account each Setwise run's server is given, shared by the server setup (Node) and
// the bench page (browser), which signs in with it on both devices.
export const SETWISE_BENCH_EMAIL = 'bench@oakfield.example';
export const SETWISE_BENCH_PASSWORD = 'a sensible passphrase';
