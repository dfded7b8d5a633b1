/**
 * The characters a credential or an endpoint may hold, checked where the value is read (stack config, environment,
 * ovh.conf, explicit options), before any request is built. A line break in a key used to reach Node's HTTP
 * layer, which refuses it in a header only once the request is being sent (a failure classed as "may have been
 * sent", so retried); one in an endpoint was silently dropped by the URL parser, sending the call to another path
 * (docs/ovh-api.md §3 "Characters of credentials and endpoints"). The messages name the character and its
 * position, never the value: it may be a secret.
 */
import { findCharacter, isControlCharacter, isControlOrSpace, isNotPrintableAscii } from "../text/characters";
import type { CredentialField } from "./credential-layers";

/**
 * What is wrong with `raw`, the value of `field` as read, e.g. `contains U+000A (line feed) at position 12; an
 * application key is ...`; `undefined` when it is usable. The whitespace at either end is not part of the value
 * (it is trimmed, as go-ovh and python-ovh do), but positions count it, so that they point into `raw`.
 */
export function credentialValueProblem(field: CredentialField, raw: string): string | undefined {
  const start = raw.length - raw.trimStart().length;
  const inner = raw.slice(0, raw.trimEnd().length);
  const rule = RULES[field];
  const found = findCharacter(inner, rule.refuses, start);
  return found === undefined ? undefined : `contains ${found.name} at position ${found.position}; ${rule.what}`;
}

interface Rule {
  refuses: (char: string) => boolean;
  /** What the value is, and what to do. */
  what: string;
}

const SET_AGAIN = "set it again without that character (a value pasted, or read from a file, often carries a line break); the value is not shown";

/**
 * OVH's keys, secrets and tokens are printable ASCII (the keys OVH issues are letters and digits, docs/ovh-api.md
 * §3): a control character would end an HTTP header, and a character beyond ASCII is not what OVH issued.
 */
const KEY: Rule = { refuses: isNotPrintableAscii, what: `OVH keys, secrets and tokens are one line of printable ASCII: ${SET_AGAIN}` };

const RULES: Readonly<Record<CredentialField, Rule>> = {
  endpoint: {
    refuses: isControlOrSpace,
    what:
      `an endpoint is an alias such as ovh-eu or a base URL such as https://eu.api.ovh.com/1.0, without spaces or line breaks: ${SET_AGAIN}`,
  },
  applicationKey: KEY,
  applicationSecret: KEY,
  consumerKey: KEY,
  clientId: KEY,
  clientSecret: KEY,
  accessToken: KEY,
  apiRateLimit: { refuses: isControlCharacter, what: "it is a number of requests per second, e.g. 5: set it again without that character" },
};
