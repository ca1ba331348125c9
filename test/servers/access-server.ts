/**
 * A local Cloudflare Access team domain for tests: `GET /cdn-cgi/access/certs` answers the
 * team's public keys as Access does (`{keys:[JWK…], public_cert, public_certs}`), RS256 keys
 * with a `kid`. During a rotation both the old and the new key are published, as Access does.
 *
 * Test control: `GET /__test/key` answers the current private key as a JWK (with `kid` and
 * `alg`) so a test can sign its own assertions; `POST /__test/rotate` makes a new current
 * key; `GET /__test/stats` counts certificate fetches (to see the Worker's key cache).
 */
import { generateKeyPairSync, randomUUID, type JsonWebKey } from "node:crypto";
import { createServer } from "node:http";

export interface AccessServer {
  url: string;
  close(): Promise<void>;
}

interface KeyPair {
  kid: string;
  publicJwk: JsonWebKey;
  privateJwk: JsonWebKey;
}

function newKey(): KeyPair {
  const kid = randomUUID().replaceAll("-", "");
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const meta = { kid, alg: "RS256", use: "sig" };
  return {
    kid,
    publicJwk: { ...publicKey.export({ format: "jwk" }), ...meta },
    privateJwk: { ...privateKey.export({ format: "jwk" }), ...meta },
  };
}

export async function startAccessServer(): Promise<AccessServer> {
  let keys: KeyPair[] = [newKey()];
  let certsFetches = 0;
  const server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const current = keys[keys.length - 1]!;
    if (req.method === "GET" && req.url === "/cdn-cgi/access/certs") {
      certsFetches++;
      return json(200, {
        keys: keys.map((k) => k.publicJwk),
        public_cert: { kid: current.kid, cert: "" },
        public_certs: [],
      });
    }
    if (req.method === "GET" && req.url === "/__test/key") return json(200, current.privateJwk);
    if (req.method === "POST" && req.url === "/__test/rotate") {
      // Access keeps the previous key published for a while after a rotation.
      keys = [keys[keys.length - 1]!, newKey()];
      return json(200, keys[1]!.privateJwk);
    }
    if (req.method === "GET" && req.url === "/__test/stats") return json(200, { certsFetches });
    json(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
