import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDir, type StaticServer } from "../../src/cli/static-server.js";

describe("the dev preview server", () => {
  let server: StaticServer;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "verbatim-serve-"));
    await mkdir(join(dir, "2020", "10", "05", "talks"), { recursive: true });
    await writeFile(join(dir, "2020", "10", "05", "talks", "index.html"), "<!doctype html><title>Talks</title>");
    server = await serveDir(dir);
  });
  afterAll(() => server.close());

  const get = (path: string) => fetch(new URL(path, server.url), { redirect: "manual" });

  it("serves a folder's index page, and sends a folder URL without its slash to the one with it", async () => {
    const page = await get("/2020/10/05/talks/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Talks</title>");
    const bare = await get("/2020/10/05/talks?highlight=grain");
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/2020/10/05/talks/?highlight=grain");
  });

  it("answers an unknown URL with the site's 404 page, or plain text before the site has one", async () => {
    const before = await get("/no/such/page/");
    expect(before.status).toBe(404);
    expect(await before.text()).toBe("not found: /no/such/page/\n");
    await writeFile(join(dir, "404.html"), "<!doctype html><title>Not found</title><a href=\"/\">Home</a>");
    const after = await get("/no/such/page/");
    expect(after.status).toBe(404);
    expect(after.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await after.text()).toContain("<title>Not found</title>");
    expect((await get("/../../etc/passwd")).status).not.toBe(200);
  });
});
