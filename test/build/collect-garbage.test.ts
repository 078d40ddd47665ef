import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/build/collect-garbage.js";

describe("collectGarbage", () => {
  it("frees what nothing refers to any more, at once, without --expose-gc on the command line", () => {
    expect(process.execArgv).not.toContain("--expose-gc");
    // Shaped like a parsed archive: many small objects and strings, about 250 MB of heap.
    let archive: { text: string; ids: number[] }[] | null = Array.from({ length: 1_000_000 }, (_, i) => ({ text: `paragraph ${i} `.repeat(4), ids: [i, i + 1] }));
    const held = process.memoryUsage().heapUsed;
    expect(archive.length).toBe(1_000_000);
    archive = null;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    expect(held - after).toBeGreaterThan(150e6);
  });
});
