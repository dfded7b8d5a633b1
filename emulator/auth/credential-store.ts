/**
 * Applications, consumer keys and OAuth2 clients known to the emulator (docs/ovh-api.md §3, §6).
 * Kept in memory only: secrets are never written to the state file or the request log.
 */
import { randomBytes } from "node:crypto";
import { RULE_METHODS, type AccessRule } from "./access-rules";
import type { DefaultCredentialValues, SeedConsumerKey, SeedOAuth2Client } from "../options";

/** Consumer-key states (docs/ovh-api.md §3). */
export type CredentialState = "validated" | "pendingValidation" | "expired" | "refused";

/** A consumer key as stored. */
export interface StoredCredential {
  consumerKey: string;
  applicationKey: string;
  state: CredentialState;
  rules: AccessRule[];
  expiresAt?: number;
  credentialId: number;
  createdAt: number;
  lastUseAt?: number;
  validationToken?: string;
  redirection?: string | null;
  allowedIPs?: string[] | null;
}

/** The default working set exposed as `emulator.credentials`. */
export interface WorkingCredentials {
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  clientId: string;
  clientSecret: string;
}

const ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random alphanumeric string, the shape of OVH keys. */
export function randomKey(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHANUM[byte % ALPHANUM.length];
  return out;
}

/** Every method on every path: what the default consumer key is granted. */
const ALL_RULES: AccessRule[] = RULE_METHODS.map((method) => ({ method, path: "/*" }));

/** In-memory registry of credentials. */
export class CredentialStore {
  private readonly applications = new Map<string, { secret: string; id: number }>();
  private readonly credentials = new Map<string, StoredCredential>();
  private readonly clients = new Map<string, SeedOAuth2Client>();
  private nextId = 1;

  /** Creates the default working set and returns it. */
  seedDefaults(now: number, fixed: DefaultCredentialValues = {}): WorkingCredentials {
    const set: WorkingCredentials = {
      applicationKey: fixed.applicationKey ?? randomKey(16),
      applicationSecret: fixed.applicationSecret ?? randomKey(32),
      consumerKey: fixed.consumerKey ?? randomKey(32),
      clientId: fixed.clientId ?? `EU.${randomKey(16).toLowerCase()}`,
      clientSecret: fixed.clientSecret ?? randomKey(32),
    };
    this.addApplication(set.applicationKey, set.applicationSecret);
    this.addCredential({ consumerKey: set.consumerKey, applicationKey: set.applicationKey }, now);
    this.addClient({ clientId: set.clientId, clientSecret: set.clientSecret });
    return set;
  }

  /** Registers an application key and its secret. */
  addApplication(applicationKey: string, applicationSecret: string): void {
    this.applications.set(applicationKey, { secret: applicationSecret, id: this.nextId++ });
  }

  /** Registers a consumer key; validated with all rules unless told otherwise. */
  addCredential(seed: SeedConsumerKey, now: number): StoredCredential {
    const stored: StoredCredential = {
      consumerKey: seed.consumerKey,
      applicationKey: seed.applicationKey,
      state: seed.state ?? "validated",
      rules: seed.rules ?? ALL_RULES,
      expiresAt: seed.expiresAt,
      credentialId: this.nextId++,
      createdAt: now,
    };
    this.credentials.set(seed.consumerKey, stored);
    return stored;
  }

  /** Registers an OAuth2 client. */
  addClient(client: SeedOAuth2Client): void {
    this.clients.set(client.clientId, client);
  }

  /** The secret of an application, if it exists. */
  applicationSecret(applicationKey: string): string | undefined {
    return this.applications.get(applicationKey)?.secret;
  }

  /** The numeric id of an application (for `/auth/currentCredential`). */
  applicationId(applicationKey: string): number {
    return this.applications.get(applicationKey)?.id ?? 0;
  }

  /** A consumer key, if it exists. */
  credential(consumerKey: string): StoredCredential | undefined {
    return this.credentials.get(consumerKey);
  }

  /** The pending credential a validation token belongs to. */
  credentialByToken(token: string): StoredCredential | undefined {
    for (const credential of this.credentials.values()) {
      if (credential.validationToken === token) return credential;
    }
    return undefined;
  }

  /** An OAuth2 client, if it exists. */
  client(clientId: string): SeedOAuth2Client | undefined {
    return this.clients.get(clientId);
  }

  /** The state a credential is in at `now` (an expiry date turns it `expired`). */
  effectiveState(credential: StoredCredential, now: number): CredentialState {
    if (credential.expiresAt !== undefined && now >= credential.expiresAt) return "expired";
    return credential.state;
  }
}
