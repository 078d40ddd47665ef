import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml", ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** The port cannot be listened on: another program holds it (EADDRINUSE) or it needs privileges (EACCES). */
export class PortError extends Error {
  override name = "PortError";
  constructor(readonly port: number, readonly host: string, readonly code: string) {
    super(code === "EADDRINUSE" ? `port ${port} on ${host} is in use` : `port ${port} on ${host} cannot be used (${code})`);
  }
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A local preview server for `verbatim dev`: `dir` at "/", folder URLs to index.html (and to their "/" form),
 * unknown URLs to the site's 404.html, nothing cached by the browser (pages change under it). It resolves `dir` on every request, so a rebuild that swaps the folder is
 * picked up at once. Bound to 127.0.0.1 only: a preview is not a publication.
 */
export async function serveDir(dir: string, port = 0, host = "127.0.0.1"): Promise<StaticServer> {
  const root = normalize(dir + sep);
  const server: Server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad URL");
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root) && file + sep !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) {
        // As static hosts do: a folder's URL ends in "/", so that the page's relative links resolve inside it.
        if (!path.endsWith("/")) {
          const url = new URL(req.url ?? "/", "http://localhost");
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = join(file, "index.html");
      }
      await stat(file);
    } catch {
      // The site's own 404 page, as a static host serves it; plain text when the site has none (yet).
      const page = await readFile(join(root, "404.html")).catch(() => null);
      if (page) res.writeHead(404, { "content-type": TYPES[".html"]!, "cache-control": "no-store" }).end(page);
      else res.writeHead(404, { "content-type": TYPES[".txt"]! }).end(`not found: ${path}\n`);
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).on("error", () => res.destroy()).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(err.code === "EADDRINUSE" || err.code === "EACCES" ? new PortError(port, host, err.code) : err));
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
