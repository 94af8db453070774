import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Sandbox } from '../../sandbox/server.ts';

export interface SandboxReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SandboxCall {
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** Talks to one virtual host the way Chromium does after host-resolver mapping: SNI and Host name the real site. */
export function call(sandbox: Sandbox, options: SandboxCall): Promise<SandboxReply> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        servername: options.host === '127.0.0.1' ? undefined : options.host,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: options.host, ...options.headers },
        rejectUnauthorized: false,
        agent: false,
        timeout: options.timeoutMs ?? 5000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('client timeout')));
    request.on('error', reject);
    request.end(options.body);
  });
}

export function basic(key: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` };
}

export function ashbyCall(sandbox: Sandbox, path: string, key = sandbox.credentials.ashby.key, body = '{}') {
  return call(sandbox, {
    host: 'api.ashbyhq.com',
    path,
    method: 'POST',
    headers: { ...basic(key), 'content-type': 'application/json' },
    body,
  });
}

/**
 * A fetch that sends through node:https to the sandbox with the real host as Host and SNI, as Chromium does after
 * host-resolver mapping. `new Request` serialises the body (JSON or multipart with its boundary) the way fetch would.
 */
export function sandboxFetch(sandbox: Sandbox): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = { host: url.host };
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(
        {
          host: '127.0.0.1',
          port: sandbox.port,
          servername: url.hostname,
          path: url.pathname + url.search,
          method: request.method,
          headers,
          rejectUnauthorized: false,
          agent: false,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = incoming.statusCode ?? 0;
            const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(payload, { status, headers: responseHeaders }));
          });
        },
      );
      outgoing.on('error', reject);
      init?.signal?.addEventListener('abort', () => outgoing.destroy(new Error('aborted')), { once: true });
      outgoing.end(body);
    });
  };
}
