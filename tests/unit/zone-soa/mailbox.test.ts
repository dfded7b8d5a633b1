import { mailboxesEqual, mailboxOfRname, mailboxProblem } from "../../../provider/zone-soa/mailbox";

describe("mailboxOfRname", () => {
  test.each([
    ["hostmaster.example.com.", "hostmaster@example.com"],
    ["hostmaster.example.com", "hostmaster@example.com"],
    ["john\\.doe.example.com.", "john.doe@example.com"],
    ["tech.ovh.net.", "tech@ovh.net"],
  ])("reads %s as %s", (rname, mailbox) => {
    expect(mailboxOfRname(rname)).toBe(mailbox);
  });
  test.each([["localhost"], [".example.com"], ["example."]])("finds no mailbox in %s", (rname) => {
    expect(mailboxOfRname(rname)).toBeUndefined();
  });
});

describe("mailboxProblem", () => {
  test("a name that reads as no mailbox still gets an example of one", () => {
    expect(mailboxProblem("localhost")).toContain('use a mailbox such as "hostmaster@example.com"');
  });
  test.each([["hostmaster@example.com"], ["dns-admin+zone@sub.example.co.uk"], ["o'brien@example.ie"]])("accepts %s", (mailbox) => {
    expect(mailboxProblem(mailbox)).toBeUndefined();
  });
});

describe("mailboxesEqual", () => {
  test("case aside, the same mailbox; anything else is not", () => {
    expect(mailboxesEqual("Hostmaster@Example.COM", "hostmaster@example.com")).toBe(true);
    expect(mailboxesEqual("hostmaster@example.com", "hostmaster@example.net")).toBe(false);
    expect(mailboxesEqual(undefined, "hostmaster@example.com")).toBe(false);
  });
});
