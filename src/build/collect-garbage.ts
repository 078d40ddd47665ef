import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, now. V8 collects when its heap grows, not when a program lets go of most of what it
 * held, and a thread that then mostly waits may keep that garbage for minutes: the build's thread let go of a
 * 10,000-transcript archive (2.2 GB of its heap) just before two render workers start in the same process, and
 * the process's memory peaked with both. After a collection V8 returns the freed pages within about a second.
 * Node offers no collection without `--expose-gc`; setting that flag at run time and taking `gc` from a new
 * context is how test runners' leak detectors get it too. Where that is not possible, this does nothing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  // Without options: a full, synchronous collection (Node 20's V8 ignores { type: "major", execution: "sync" }).
  gc?.();
}
