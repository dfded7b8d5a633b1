/**
 * What OVH refuses since 2026 is refused at preview, through the real Pulumi CLI, on the field and in OVH's words
 * (docs/ovh-api.md §5): a DKIM record at a name that is not `<selector>._domainkey` ("Invalid subdomain: dkim") and
 * an empty TXT (`{'target': ['Invalid input.']}`); nothing is sent to the API.
 */
import { recordsStack, withCalls } from "./support";

jest.setTimeout(300_000);

describe("OVH's 2026 refusals at preview through the real CLI", () => {
  const stack = recordsStack();

  // One record a preview: the engine stops a preview at the first resource its check refuses.
  it.each([
    [
      "a DKIM at dkim",
      { subDomain: "dkim", fieldType: "DKIM", target: "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1TuWA" },
      'property subDomain value {dkim} has a problem: OVH accepts a DKIM record only at "<selector>._domainkey" or "<selector>._domainkey.<name>" (it answers "Invalid subdomain: dkim")',
    ],
    [
      "an empty TXT",
      { subDomain: "note", fieldType: "TXT", target: '""' },
      `property target value {""} has a problem: the TXT text is empty (""); OVH refuses an empty TXT ("{'target': ['Invalid input.']}")`,
    ],
  ])("fails the preview of %s on its field, in OVH's words, and calls nothing", async (_name, record, message) => {
    stack.file.declare({ record });
    const preview = await withCalls(stack.emulator, () => stack.ws.run(["preview"]));
    expect(preview.result.code).not.toBe(0);
    expect(preview.result.stdout + preview.result.stderr).toContain(message);
    expect(preview.calls).toEqual([]);
  });
});
