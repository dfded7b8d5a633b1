/**
 * The DynHost model: a zone's dynamic records (`domain.zone.dynHost.Record`) and the logins a DynHost client
 * updates them with (`domain.zone.dynHost.Login`), their wire shapes and how each is named in messages
 * (docs/ovh-api.md §4, "DynHost"). Knows nothing of HTTP or Pulumi.
 */

/** A checked DynHost record: `""` is the apex. */
export interface DynHostRecordSpec {
  zoneName: string;
  subDomain: string;
  ip: string;
}

/** `GET /domain/zone/{zoneName}/dynHost/record/{id}` as the API answers it. */
export interface ApiDynHostRecord {
  id: number;
  ip: string;
  subDomain: string | null;
  ttl: number | null;
  zone: string;
}

/** The body of `POST .../dynHost/record` and `PUT .../dynHost/record/{id}` (the writable fields of the Record). */
export interface ApiDynHostRecordBody {
  ip: string;
  subDomain: string;
}

/** A checked DynHost login. */
export interface DynHostLoginSpec {
  zoneName: string;
  /** What the API's `loginSuffix` takes; OVH makes the login `<zoneName>-<loginSuffix>` ({@link loginOf}). */
  loginSuffix: string;
  /** The names the login may update: `*` (every name of the zone, the apex included), or one sub-domain. */
  subDomain: string;
  password: string;
}

/** `GET /domain/zone/{zoneName}/dynHost/login/{login}` as the API answers it. */
export interface ApiDynHostLogin {
  login: string;
  subDomain: string;
  zone: string;
}

/** The body of `POST .../dynHost/login` (`domain.zone.dynHost.LoginCreate`). */
export interface ApiDynHostLoginCreate {
  loginSuffix: string;
  password: string;
  subDomain: string;
}

/**
 * The login OVH makes of a suffix: the zone name, a dash, the suffix (the schema: "Suffix that will be concatenated
 * to the zoneName to create the login"; the dash is docs/ovh-api.md §4's finding).
 */
export function loginOf(zoneName: string, loginSuffix: string): string {
  return `${zoneName}-${loginSuffix}`;
}

/** `home -> 203.0.113.7` (`@` for the apex), for messages. */
export function describeDynHostRecord(spec: { subDomain: string; ip: string }): string {
  return `DynHost ${spec.subDomain || "@"} -> ${spec.ip}`;
}

/** Reads a record spec back out of stored outputs or checked inputs. */
export function dynHostRecordSpecOf(props: Record<string, unknown>): DynHostRecordSpec {
  const text = (key: string) => (typeof props[key] === "string" ? (props[key] as string) : "");
  return { zoneName: text("zoneName"), subDomain: text("subDomain"), ip: text("ip") };
}

/** Reads a login spec back out of stored outputs or checked inputs. */
export function dynHostLoginSpecOf(props: Record<string, unknown>): DynHostLoginSpec {
  const text = (key: string) => (typeof props[key] === "string" ? (props[key] as string) : "");
  return { zoneName: text("zoneName"), loginSuffix: text("loginSuffix"), subDomain: text("subDomain"), password: text("password") };
}
