/** Progress: redrawn in place on a terminal, two plain lines elsewhere, nothing for a few calls. */
import { Progress } from "../../cli/progress";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe("Progress", () => {
  test("off a terminal, says how many to go and how many were done, in two lines", () => {
    const out = stream(false);
    const progress = new Progress("reading z", 20, out);
    for (let i = 0; i < 20; i++) progress.tick();
    progress.finish();
    expect(out.writes).toEqual(["reading z: 20 to go\n", "reading z: 20/20 done\n"]);
  });

  test("on a terminal, redraws one line at most once per percent, then ends it", () => {
    const out = stream(true);
    const progress = new Progress("reading z", 400, out);
    for (let i = 0; i < 400; i++) progress.tick();
    progress.finish();
    expect(out.writes).toHaveLength(1 + 100 + 1);
    expect(out.writes[0]).toBe("\r\x1b[2Kreading z: 0/400 (0%)");
    expect(out.writes[100]).toBe("\r\x1b[2Kreading z: 400/400 (100%)");
    expect(out.writes[101]).toBe("\r\x1b[2Kreading z: 400/400 done\n");
  });

  test("shows nothing for fewer than ten steps", () => {
    const out = stream(true);
    const progress = new Progress("reading z", 9, out);
    for (let i = 0; i < 9; i++) progress.tick();
    progress.finish();
    expect(out.writes).toEqual([]);
  });
});
