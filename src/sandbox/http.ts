import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxReply } from "./problems.js";

const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === "") return undefined;
  if ((contentType ?? "").includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return JSON.parse(raw);
}

export function serialize(reply: SandboxReply): { headers: Record<string, string>; payload: Buffer } {
  const payload = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body), "utf8");
  return { headers: { "content-type": "application/json; charset=utf-8", ...reply.headers }, payload };
}

export function send(res: ServerResponse, reply: SandboxReply): void {
  const { headers, payload } = serialize(reply);
  res.writeHead(reply.status, { ...headers, "content-length": String(payload.length) });
  res.end(payload);
}

/** Sends the headers and half of the body, then ends: a body cut off in transit. */
export function sendTruncated(res: ServerResponse, reply: SandboxReply): void {
  const { headers, payload } = serialize(reply);
  res.writeHead(reply.status, headers);
  res.end(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))));
}
