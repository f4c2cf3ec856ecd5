/** Thrown at boot when the environment is missing or has a bad variable; names every one. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: { variable: string; message: string }[],
  ) {
    super(
      `${service}: invalid configuration:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSet the variable(s) above (see README "Configuration") and start again.',
    );
    this.name = 'ConfigError';
  }
}
