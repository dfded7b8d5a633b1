/**
 * The web redirection model: OVH's three redirection types, the checked spec of a redirection, its wire shapes
 * (`domain.zone.RedirectionCreate`, `RedirectionUpdate`, `Redirection`; docs/ovh-api.md §4) and how one is
 * named in messages. Knows nothing of HTTP or Pulumi.
 */

/** OVH's redirection types: `visible` answers HTTP 302, `visiblePermanent` 301, `invisible` serves a frame page. */
export const REDIRECTION_TYPES = ["visible", "visiblePermanent", "invisible"] as const;

/** One of {@link REDIRECTION_TYPES}. */
export type RedirectionType = (typeof REDIRECTION_TYPES)[number];

/** The fields of the frame page of an `invisible` redirection (its HTML title and meta tags). */
export const FRAME_FIELDS = ["title", "keywords", "description"] as const;

/** One of {@link FRAME_FIELDS}. */
export type FrameField = (typeof FRAME_FIELDS)[number];

/** A checked redirection: every field present; `""` is the apex for `subDomain` and "none" for the frame fields. */
export interface RedirectionSpec {
  zoneName: string;
  subDomain: string;
  type: RedirectionType;
  target: string;
  title: string;
  keywords: string;
  description: string;
}

/** `GET /domain/zone/{zoneName}/redirection/{id}` as the API answers it. */
export interface ApiRedirection {
  id: number;
  zone: string;
  subDomain: string | null;
  type: string;
  target: string;
  title: string | null;
  keywords: string | null;
  description: string | null;
}

/** The body of `POST /domain/zone/{zoneName}/redirection`. */
export interface ApiRedirectionCreate {
  subDomain: string;
  type: RedirectionType;
  target: string;
  title: string | null;
  keywords: string | null;
  description: string | null;
}

/** The body of `PUT /domain/zone/{zoneName}/redirection/{id}`: `subDomain` is not in it (OVH cannot move one). */
export type ApiRedirectionUpdate = Omit<ApiRedirectionCreate, "subDomain">;

/** Whether `value` is one of OVH's redirection types (exact spelling, as the API's enum has it). */
export function isRedirectionType(value: unknown): value is RedirectionType {
  return typeof value === "string" && (REDIRECTION_TYPES as readonly string[]).includes(value);
}

/**
 * The body that sets a redirection to `spec`. The frame fields mean something only for `invisible`; for the other
 * types they are sent as `null`, so that a change from `invisible` clears them rather than leaving a stale title.
 */
export function toApiRedirectionUpdate(spec: RedirectionSpec): ApiRedirectionUpdate {
  const frame = spec.type === "invisible";
  return {
    type: spec.type,
    target: spec.target,
    title: frame && spec.title !== "" ? spec.title : null,
    keywords: frame && spec.keywords !== "" ? spec.keywords : null,
    description: frame && spec.description !== "" ? spec.description : null,
  };
}

/** The body that creates `spec`. */
export function toApiRedirectionCreate(spec: RedirectionSpec): ApiRedirectionCreate {
  return { subDomain: spec.subDomain, ...toApiRedirectionUpdate(spec) };
}

/** The spec an API answer describes, in zone `zoneName` (null fields read as `""`). */
export function fromApiRedirection(zoneName: string, api: ApiRedirection): RedirectionSpec {
  return {
    zoneName,
    subDomain: (api.subDomain ?? "").toLowerCase(),
    // An unknown type is kept as OVH wrote it: the next diff shows it as a change to the declared one.
    type: api.type as RedirectionType,
    target: api.target ?? "",
    title: api.title ?? "",
    keywords: api.keywords ?? "",
    description: api.description ?? "",
  };
}

/** `www -> https://example.org/ (visiblePermanent)` (`@` for the apex), for messages. */
export function describeRedirection(spec: { subDomain: string; type: string; target: string }): string {
  return `${spec.subDomain || "@"} -> ${spec.target} (${spec.type})`;
}

/** Reads a spec back out of stored outputs or checked inputs. */
export function redirectionSpecOf(props: Record<string, unknown>): RedirectionSpec {
  const text = (key: string) => (typeof props[key] === "string" ? (props[key] as string) : "");
  return {
    zoneName: text("zoneName"),
    subDomain: text("subDomain"),
    type: text("type") as RedirectionType,
    target: text("target"),
    title: text("title"),
    keywords: text("keywords"),
    description: text("description"),
  };
}
