/**
 * The IAM policy an OAuth2 service account needs instead of consumer-key access rules (docs/cli.md
 * "OAuth2 service accounts"): OVH checks service accounts against IAM actions named
 * `dnsZone:apiovh:...` on resources named by URN, not against access rules.
 */
import type { RuleScope } from "./access-rules";

/** The body of `POST /v2/iam/policy`, as OVH's IAM guide documents it. */
export interface IamPolicy {
  name: string;
  description: string;
  identities: string[];
  resources: { urn: string }[];
  permissions: { allow: { action: string }[] };
}

const READ_ACTIONS = ["dnsZone:apiovh:get", "dnsZone:apiovh:record/get"];
const WRITE_ACTIONS = [
  "dnsZone:apiovh:record/create",
  "dnsZone:apiovh:record/edit",
  "dnsZone:apiovh:record/delete",
  "dnsZone:apiovh:refresh",
];

/** What a ZoneRedirection adds (`--with-redirections`): its reads, and with write access its writes. */
const REDIRECTION_READ_ACTIONS = ["dnsZone:apiovh:redirection/get"];
const REDIRECTION_WRITE_ACTIONS = ["dnsZone:apiovh:redirection/create", "dnsZone:apiovh:redirection/edit", "dnsZone:apiovh:redirection/delete"];

/** What a ZoneDnssec adds (`--with-dnssec`): reading the status, and with write access enabling and disabling. */
const DNSSEC_READ_ACTIONS = ["dnsZone:apiovh:dnssec/get"];
const DNSSEC_WRITE_ACTIONS = ["dnsZone:apiovh:dnssec/create", "dnsZone:apiovh:dnssec/delete"];
/** What a ZoneSoa adds (`--with-soa`): reading the SOA, and with write access changing it. */
const SOA_READ_ACTIONS = ["dnsZone:apiovh:soa/get"];
const SOA_WRITE_ACTIONS = ["dnsZone:apiovh:soa/edit"];
/** What DynHostRecord and DynHostLogin add (`--with-dynhost`): their reads, and with write access their writes. */
const DYNHOST_READ_ACTIONS = ["dnsZone:apiovh:dynHost/record/get", "dnsZone:apiovh:dynHost/login/get"];
const DYNHOST_WRITE_ACTIONS = [
  "dnsZone:apiovh:dynHost/record/create", "dnsZone:apiovh:dynHost/record/edit", "dnsZone:apiovh:dynHost/record/delete",
  "dnsZone:apiovh:dynHost/login/create", "dnsZone:apiovh:dynHost/login/edit", "dnsZone:apiovh:dynHost/login/delete",
  "dnsZone:apiovh:dynHost/login/changePassword",
];

/** The URN region of an endpoint alias: `eu`, `ca` or `us` (`eu` for anything else, such as the emulator). */
function urnRegion(endpoint: string): string {
  const match = /^ovh-(eu|ca|us)$/.exec(endpoint);
  return match ? match[1] : "eu";
}

/**
 * The policy granting a service account what the provider needs on the zones of `scope`. The account
 * id (`xx1111-ovh`) is not known to this command: it is left as `<account>` for the user to fill in.
 */
export function iamPolicyFor(scope: RuleScope, clientId: string, endpoint: string): IamPolicy {
  const region = urnRegion(endpoint);
  const zones = scope.allZones ? ["*"] : scope.zones;
  const redirections = !scope.redirections ? [] : scope.readOnly ? REDIRECTION_READ_ACTIONS : [...REDIRECTION_READ_ACTIONS, ...REDIRECTION_WRITE_ACTIONS];
  const dnssec = !scope.dnssec ? [] : scope.readOnly ? DNSSEC_READ_ACTIONS : [...DNSSEC_READ_ACTIONS, ...DNSSEC_WRITE_ACTIONS];
  const soa = !scope.soa ? [] : scope.readOnly ? SOA_READ_ACTIONS : [...SOA_READ_ACTIONS, ...SOA_WRITE_ACTIONS];
  const dynhost = !scope.dynhost ? [] : scope.readOnly ? DYNHOST_READ_ACTIONS : [...DYNHOST_READ_ACTIONS, ...DYNHOST_WRITE_ACTIONS];
  const actions = [...(scope.readOnly ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ACTIONS]), ...redirections, ...dnssec, ...soa, ...dynhost];
  return {
    name: "pulumi-ovh-dns",
    description: `pulumi-ovh-dns ${scope.readOnly ? "read-only " : ""}access to ${scope.allZones ? "every zone" : zones.join(", ")}`,
    identities: [`urn:v1:${region}:identity:credential:<account>/oauth2-${clientId}`],
    resources: zones.map((zone) => ({ urn: `urn:v1:${region}:resource:dnsZone:${zone}` })),
    permissions: { allow: actions.map((action) => ({ action })) },
  };
}
