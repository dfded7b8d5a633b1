/**
 * The owner registry's records, as text: which stack (an "owner") manages which record ids of a zone, kept in
 * the zone itself, where every stack and tool that writes to the zone can read it (docs/ownership.md, "Two
 * stacks on one zone"). Pure: no API call. The stateful side is owner-registry.ts.
 *
 * A claim record is a TXT record at `_ovhdns-owner` (relative to the zone) whose text is
 * `v=ovhdns1 owner=<owner> stack=<key> ids=<id>,<id>,…`, the ids in decimal and ascending. The stack key
 * ({@link STACK_KEY}) tells claims of the same stack under different owner names (an owner renamed or removed)
 * from another stack's; claims written before it existed have none. External-dns keeps its
 * ownership the same way, in TXT records beside the ones it manages; one record per batch of ids (not one per
 * record) keeps the writes and the zone small. A text at that name that is not such a claim is nobody's claim.
 *
 * Web redirections (zone-redirection/) are claimed in the same registry, in claim records of their own:
 * `v=ovhdns1 owner=<owner> stack=<key> redirections=<id>,<id>,…`. OVH numbers redirections apart from records, so
 * one number may be both a record's id and a redirection's: in memory a redirection's claim id is its id behind
 * {@link REDIRECTION_CLAIM_PREFIX} (`r1342`), which no record id has, and a claim record holds ids of one kind.
 * Record claims keep the text they always had, so claims written before redirections read as before, and a
 * provider that predates them reads a redirection claim as nobody's (its `ids=` is missing), never as a record's.
 */
import { createHash } from "node:crypto";
import { decodeTxt } from "../records";

/** Where claim records live, relative to the zone. */
export const REGISTRY_SUBDOMAIN = "_ovhdns-owner";
const VERSION = "v=ovhdns1";
/** An owner name: what `ovhdns:owner` or a ZoneRecord's `owner` may be. */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$/;
/**
 * The longest claim text written. OVH stores a TXT value of more than 255 bytes as several quoted strings
 * (docs/ovh-api.md §5): 1,000 bytes is four of them, about 85 ids of 10 digits.
 */
export const MAX_CLAIM_BYTES = 1000;

/**
 * A stack key: the first 12 hex digits of the SHA-256 of `<organization>/<project>/<stack>` (sdk/zone-record.ts), which the
 * SDK passes to every ZoneRecord as `__stack`. Claims are served in public DNS: the key names no project.
 */
export const STACK_KEY = /^[0-9a-f]{12}$/;

/** The stack key of stack `stack` of project `project` in `organization` (see {@link STACK_KEY}). */
export function stackKeyOf(organization: string, project: string, stack: string): string {
  return createHash("sha256").update(`${organization}/${project}/${stack}`).digest("hex").slice(0, 12);
}

/** What marks a redirection's claim id (see the top): `r` and the redirection's decimal id. */
export const REDIRECTION_CLAIM_PREFIX = "r";

/** The claim id of redirection `id` (never equal to a record's). */
export function redirectionClaimId(id: string): string {
  return `${REDIRECTION_CLAIM_PREFIX}${id}`;
}

/** Whether a claim id is a redirection's (else it is a record id). */
export function isRedirectionClaimId(id: string): boolean {
  return id.startsWith(REDIRECTION_CLAIM_PREFIX);
}

/** One claim record's content. */
export interface Claim {
  owner: string;
  /** The stack key of the stack that wrote it (absent in claims written before stack keys). */
  stack?: string;
  /** Claim ids, ascending: record ids as decimal strings, or redirection claim ids (`r<id>`); one kind per claim. */
  ids: string[];
}

/** What is wrong with `value` as an owner name, or `undefined` when it is one. */
export function ownerProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, not ${JSON.stringify(value)}`;
  if (OWNER.test(value)) return undefined;
  return `"${value}" is not an owner name: 1 to 63 characters among letters, digits, ".", "_", "/" and "-", starting with a letter or digit (for example "dns/prod")`;
}

/** Whether a record of the zone is a claim record (or sits where claim records live: never a Zone's or a program's). */
export function isRegistryRecord(record: { subDomain?: string | null; fieldType: string }): boolean {
  return (record.subDomain ?? "").toLowerCase() === REGISTRY_SUBDOMAIN;
}

/** The text of a claim record (of record ids, or of redirections when its ids are redirection claim ids). */
export function formatClaim(claim: Claim): string {
  const stack = claim.stack === undefined ? "" : ` stack=${claim.stack}`;
  const redirections = claim.ids.length > 0 && claim.ids.every(isRedirectionClaimId);
  const ids = sortIds(claim.ids).map((id) => (redirections ? id.slice(REDIRECTION_CLAIM_PREFIX.length) : id));
  return `${VERSION} owner=${claim.owner}${stack} ${redirections ? "redirections" : "ids"}=${ids.join(",")}`;
}

/** The claim a TXT target holds (OVH's quoted form or plain), or `undefined` when it is no claim. */
export function parseClaim(target: string): Claim | undefined {
  const m = /^v=ovhdns1 owner=(\S+)(?: stack=([0-9a-f]{12}))? (ids|redirections)=([0-9,]*)$/.exec(decodeTxt(target).trim());
  if (!m || ownerProblem(m[1]) !== undefined) return undefined;
  const numbers = m[4] === "" ? [] : m[4].split(",");
  if (numbers.some((id) => !/^[1-9][0-9]{0,15}$/.test(id))) return undefined;
  const ids = m[3] === "redirections" ? numbers.map(redirectionClaimId) : numbers;
  return { owner: m[1], ...(m[2] === undefined ? {} : { stack: m[2] }), ids: sortIds(ids) };
}

/**
 * `ids` of `owner` (written by stack `stack`) split into claims whose text fits {@link MAX_CLAIM_BYTES}, record ids
 * and redirection claim ids in claims of their own (sorted: records first).
 */
export function chunkClaims(owner: string, ids: readonly string[], stack?: string): Claim[] {
  const claim = (part: string[]): Claim => ({ owner, ...(stack === undefined ? {} : { stack }), ids: part });
  const claims: Claim[] = [];
  let current: string[] = [];
  for (const id of sortIds(ids)) {
    const otherKind = current.length > 0 && isRedirectionClaimId(current[0]) !== isRedirectionClaimId(id);
    if (current.length > 0 && (otherKind || formatClaim(claim([...current, id])).length > MAX_CLAIM_BYTES)) {
      claims.push(claim(current));
      current = [];
    }
    current.push(id);
  }
  if (current.length > 0) claims.push(claim(current));
  return claims;
}

/**
 * Whether `claim` is another stack's, for a resource of owner `owner` ("": none) in the stack of key `stack`: a
 * claim under another owner name, unless it bears this stack's key or that name is `formerly` (the name this
 * stack used before).
 */
export function isForeignClaim(claim: Claim, owner: string, stack?: string, formerly?: string): boolean {
  if (claim.owner === owner || claim.owner === formerly) return false;
  return stack === undefined || claim.stack !== stack;
}

/** Who claims each record id, from a zone's listed records (the SDK's view, one listing). */
export function claimedIds(records: readonly { subDomain?: string | null; fieldType: string; target: string }[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const r of records) {
    if (r.fieldType !== "TXT" || !isRegistryRecord(r)) continue;
    const claim = parseClaim(r.target);
    for (const id of claim?.ids ?? []) if (!owners.has(id)) owners.set(id, claim!.owner);
  }
  return owners;
}

/** Which claims are a stack's own: its owner name ("" or absent: none) and its stack key (absent: unknown). */
export interface ClaimSelf {
  owner?: string;
  stack?: string;
}

/**
 * The other owners whose claims predate a rewrite of the zone as text (docs/ownership.md, "What is not
 * protected"), from one listing of the zone. Editing a zone as text in the OVH console gives every record a new
 * id, claim records included, and OVH ids only grow (read.ts re-binds by the same rule): an owner (one owner name
 * and stack key) none of whose claimed record ids is in the zone any more, and one of them older than every
 * record of the zone, claimed its records before such a rewrite and has not claimed them again since. Its records
 * are then in the zone under ids no claim names, and look like nobody's. An owner whose claimed records were only
 * deleted by hand is not one: the zone still holds records older than them (at least OVH's apex NS records).
 */
export function ownersBehindRewrite(records: readonly { recordId: string; subDomain?: string | null; fieldType: string; target: string }[], self: ClaimSelf): string[] {
  if (records.length === 0) return [];
  const present = new Set(records.map((r) => r.recordId));
  const oldest = records.reduce((min, r) => (BigInt(r.recordId) < min ? BigInt(r.recordId) : min), BigInt(records[0].recordId));
  const byOwner = new Map<string, { owner: string; ids: string[] }>();
  for (const r of records) {
    if (r.fieldType !== "TXT" || !isRegistryRecord(r)) continue;
    const claim = parseClaim(r.target);
    if (!claim || !isForeignClaim(claim, self.owner ?? "", self.stack)) continue;
    const key = `${claim.owner}\n${claim.stack ?? ""}`;
    const entry = byOwner.get(key) ?? { owner: claim.owner, ids: [] };
    entry.ids.push(...claim.ids.filter((id) => !isRedirectionClaimId(id)));
    byOwner.set(key, entry);
  }
  const behind = [...byOwner.values()].filter(({ ids }) => ids.length > 0 && !ids.some((id) => present.has(id)) && ids.some((id) => BigInt(id) < oldest));
  return [...new Set(behind.map((b) => b.owner))].sort();
}

/** Record ids first, then redirection claim ids, each kind in numeric order. */
function sortIds(ids: readonly string[]): string[] {
  const key = (id: string) => (isRedirectionClaimId(id) ? [1, BigInt(id.slice(REDIRECTION_CLAIM_PREFIX.length))] as const : [0, BigInt(id)] as const);
  return [...new Set(ids)].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] !== kb[0] ? ka[0] - kb[0] : ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0;
  });
}
