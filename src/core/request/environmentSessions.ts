/** A cookie jar per named environment (src/core/request/environments.ts), kept between runs. */
import { CookieJars } from './cookieJar';
import { environmentKey } from './environments';

/** Where a cookie jar is kept between runs (the editor: SecretStorage). */
export interface JarStorage {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export const JAR_KEY = 'nextRouteKit.cookieJar';

/**
 * One cookie jar per environment, loaded once and saved on demand. Two environments on the
 * same origin (a `local` and an `admin` both on localhost:3000) hold two sessions: what one
 * signs in to, the other never sends.
 */
export class EnvironmentSessions {
  private readonly jars = new Map<string, Promise<CookieJars>>();

  constructor(private readonly storage: JarStorage) {}

  jar(environment: string): Promise<CookieJars> {
    let jar = this.jars.get(environment);
    if (!jar) {
      jar = this.storage.get(environmentKey(JAR_KEY, environment)).then((json) => CookieJars.deserialize(json));
      this.jars.set(environment, jar);
    }
    return jar;
  }

  async save(environment: string): Promise<void> {
    const jar = await this.jar(environment);
    await this.storage.store(environmentKey(JAR_KEY, environment), await jar.serialize());
  }

  /** Forgets one environment's cookies; returns the origins that had some. */
  async clear(environment: string): Promise<string[]> {
    const jar = await this.jar(environment);
    const origins = await jar.origins();
    jar.clear();
    await this.storage.delete(environmentKey(JAR_KEY, environment));
    return origins;
  }
}
