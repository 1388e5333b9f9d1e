// A configuration value Atrium cannot start with. The message names the
// environment variable and says what it must be; start-up prints it without a
// stack trace and exits.
export class ConfigError extends Error {
  override name = 'ConfigError';
}
