/** Text put in place of a secret found where it must not be. */
const REDACTED = "[redacted]";

/** Secrets shorter than this are not scrubbed from text: too likely to match ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * Returns a function that replaces every occurrence of the given secrets in a text. The client
 * runs every server-provided text (error bodies, details) through it before building an error:
 * a server or proxy that echoes request headers must not leak a consumer key into a log.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const list = secrets.filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH);
  return (text) => list.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}

/** Applies a redactor to every string inside a JSON-like value. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact);
    return out as T;
  }
  return value;
}

/**
 * Defines `key` on `target` as a non-enumerable, read-only property, so that `JSON.stringify`,
 * `util.inspect`, `Object.keys` and object spread never carry it along. Read it by name.
 */
export function defineSecret<T extends object, K extends string>(target: T, key: K, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: false });
}
