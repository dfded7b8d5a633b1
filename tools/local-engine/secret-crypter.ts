import * as crypto from "crypto";
import { SECRET_SIG, SIG_KEY, isSecret } from "../plugin-host/sentinels";

/**
 * Encrypts secret values for the state file, as the CLI's passphrase secrets provider does: on disk a
 * secret is `{"4dabf...": "1b47...", "ciphertext": "..."}`, never the plain value. AES-256-GCM with a
 * key derived from the passphrase by scrypt (once per engine run; the salt lives in the state file).
 */
export class SecretCrypter {
  private readonly key: Buffer;

  constructor(passphrase: string, readonly salt: string) {
    this.key = crypto.scryptSync(passphrase, Buffer.from(salt, "base64"), 32);
  }

  /** A crypter with a fresh random salt. */
  static create(passphrase: string): SecretCrypter {
    return new SecretCrypter(passphrase, crypto.randomBytes(16).toString("base64"));
  }

  /** Replaces every `{sig, value}` secret with `{sig, ciphertext}`, at any depth. */
  encryptTree(v: unknown): unknown {
    if (isSecret(v)) return { [SIG_KEY]: SECRET_SIG, ciphertext: this.encrypt(JSON.stringify(v.value ?? null)) };
    return mapChildren(v, (x) => this.encryptTree(x));
  }

  /** Replaces every `{sig, ciphertext}` secret with `{sig, value}`, at any depth. */
  decryptTree(v: unknown): unknown {
    if (isEncrypted(v)) return { [SIG_KEY]: SECRET_SIG, value: JSON.parse(this.decrypt(v.ciphertext)) };
    return mapChildren(v, (x) => this.decryptTree(x));
  }

  private encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  private decrypt(text: string): string {
    const raw = Buffer.from(text, "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    } catch {
      throw new Error("cannot decrypt a secret in the state file: wrong passphrase");
    }
  }
}

function isEncrypted(v: unknown): v is { ciphertext: string } {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG && "ciphertext" in v;
}

function mapChildren(v: unknown, f: (x: unknown) => unknown): unknown {
  if (Array.isArray(v)) return v.map(f);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, f(x)]));
  return v;
}
