import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MOSCOW, ROOT, SOCHI } from "../support/paths.js";

describe("verbatim dev on a busy port", () => {
  let busy: Server | null = null;
  afterEach(async () => {
    await new Promise((done) => (busy ? busy.close(done) : done(undefined)));
    busy = null;
  });

  it("says the port is in use in one line and exits 2, before building anything", async () => {
    const project = await mkdtemp(join(tmpdir(), "verbatim-dev-port-"));
    await mkdir(join(project, "transcripts"));
    for (const f of [SOCHI, MOSCOW]) await copyFile(f, join(project, "transcripts", f.split("/").pop()!));
    busy = createServer((_req, res) => res.end("someone else"));
    const port = await new Promise<number>((done) => busy!.listen(0, "127.0.0.1", () => done((busy!.address() as { port: number }).port)));

    // Asynchronous servers in this process still hold the port while spawnSync waits: the kernel refuses the bind.
    const r = spawnSync(process.execPath, [join(ROOT, "bin/verbatim.js"), "dev", "--input", "transcripts", "--out", "site", "--port", String(port)], {
      cwd: project, encoding: "utf8", env: { ...process.env, CI: "true" }, timeout: 60_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe(`verbatim dev: port ${port} on 127.0.0.1 is in use; choose another with --port N\n`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
    // Checked before the build: no site was made.
    expect(existsSync(join(project, "site"))).toBe(false);
  });
});
