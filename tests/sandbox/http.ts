import type { IncomingHttpHeaders } from 'node:http';

/** What a router sees: already read and parsed, so routers stay pure functions of (request, store). */
export interface SandboxRequest {
  host: string;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8',
): SandboxResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) };
}

export function textResponse(status: number, body: string): SandboxResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

export type BasicCredential = { kind: 'missing' } | { kind: 'malformed' } | { kind: 'present'; username: string };

/** Ashby and Lever both take the API key as the Basic username with an empty password. */
export function readBasicUsername(headers: IncomingHttpHeaders): BasicCredential {
  const header = headers.authorization;
  if (!header) return { kind: 'missing' };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) return { kind: 'malformed' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return { kind: 'present', username: separator === -1 ? decoded : decoded.slice(0, separator) };
}
