/**
 * Verifies an AWS Signature Version 4 `authorization` header the way AWS does: rebuilds the
 * canonical request from what arrived, signs it with the known secret and compares.
 * Enough of the spec for SDK-made requests (header auth, no presigned URLs).
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type SigV4Result = { ok: true; accessKeyId: string } | { ok: false; errorType: string; message: string };

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Checks the request's SigV4 signature for `service` against `credentials` (id → secret). */
export function verifySigV4(
  req: IncomingMessage,
  body: string,
  credentials: Record<string, string>,
  service: string,
): SigV4Result {
  const header = req.headers.authorization;
  if (!header) return fail("MissingAuthenticationTokenException", "Missing Authentication Token");
  const m = AUTH.exec(header);
  if (!m) return fail("IncompleteSignatureException", "authorization header is not AWS4-HMAC-SHA256");
  const [accessKeyId, date, region, signedService, signedHeaders, signature] = m.slice(1) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]; // all six groups are mandatory in AUTH
  const secret = credentials[accessKeyId];
  if (secret === undefined)
    return fail("UnrecognizedClientException", "The security token included in the request is invalid.");
  if (signedService !== service)
    return fail("InvalidSignatureException", `credential scope names ${signedService}, not ${service}`);
  const amzDate = String(req.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(date))
    return fail("IncompleteSignatureException", "x-amz-date does not match the credential scope");

  const names = signedHeaders.split(";");
  if (!names.includes("host")) return fail("IncompleteSignatureException", "host must be signed");
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(req, n)}\n`).join("");
  const url = new URL(req.url ?? "/", "http://localhost");
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? sha256(body));
  const canonicalRequest = [
    req.method,
    canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${secret}`, date);
  for (const part of [region, service, "aws4_request"]) key = hmac(key, part);
  const expected = createHmac("sha256", key).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) {
    return fail(
      "InvalidSignatureException",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  return { ok: true, accessKeyId };
}

function fail(errorType: string, message: string): SigV4Result {
  return { ok: false, errorType, message };
}

function headerValue(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  const joined = Array.isArray(v) ? v.join(",") : (v ?? "");
  return joined.trim().replace(/\s+/g, " ");
}

/** Non-S3 services sign the path with each segment URI-encoded again. */
function canonicalPath(path: string): string {
  return path
    .split("/")
    .map((segment) => encodeRfc3986(segment))
    .join("/");
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .sort()
    .join("&");
}

function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}
