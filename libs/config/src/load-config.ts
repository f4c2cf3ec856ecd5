import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigError } from './config-error';

function flatten(errors: ValidationError[]): { variable: string; message: string }[] {
  return errors.flatMap((e) => {
    const own = Object.values(e.constraints ?? {}).map((message) => ({ variable: e.property, message }));
    return [...own, ...flatten(e.children ?? [])];
  });
}

/**
 * Builds a typed config object from the environment and validates it; a missing
 * or bad variable throws a ConfigError naming the variable (the service must not start).
 */
export function loadConfig<T extends object>(
  service: string,
  cls: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  // Empty strings mean "unset" (as in a .env file with `FOO=`), so defaults apply.
  const plain = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(cls, plain, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(service, flatten(errors));
  return config;
}
