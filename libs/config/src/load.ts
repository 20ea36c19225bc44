import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configSchema, toConfig, type Config, type RawConfig } from './schema';

/** A configuration that failed validation; `message` is one line naming every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment once. Callers at process boundaries (apps, launchers, test setup)
 * call this; nothing else reads `process.env`.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
  isTty: boolean = Boolean(process.stdout.isTTY),
  readSecret: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const got = env[name];
      return `${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return toConfig(withPasswordFiles(parsed.data, cwd, readSecret), cwd, isTty);
}

/**
 * Puts the passwords of DATABASE_PASSWORD_FILE and DATABASE_OWNER_PASSWORD_FILE (compose or
 * Kubernetes secrets) into their URLs, so no password has to be written in a variable.
 */
function withPasswordFiles(raw: RawConfig, cwd: string, readSecret: (path: string) => string): RawConfig {
  const pairs = [
    ['DATABASE_URL', 'DATABASE_PASSWORD_FILE'],
    ['DATABASE_OWNER_URL', 'DATABASE_OWNER_PASSWORD_FILE'],
  ] as const;
  const out = { ...raw };
  for (const [urlName, fileName] of pairs) {
    const file = raw[fileName];
    const url = raw[urlName];
    if (file === undefined || url === undefined) continue;
    let password: string;
    try {
      password = readSecret(resolve(cwd, file)).trim();
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration: ${fileName}: cannot read ${file} (${(error as Error).message.split('\n')[0]})`,
      );
    }
    if (!password) throw new ConfigError(`Invalid configuration: ${fileName}: ${file} is empty`);
    const withPassword = new URL(url);
    withPassword.password = encodeURIComponent(password);
    out[urlName] = withPassword.toString();
  }
  return out;
}

/**
 * Loads the configuration or ends the process with one clear line on stderr: the behaviour
 * every entry point wants.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
