import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jsonResponse, type SandboxResponse } from '../http.ts';

function withRequestId(status: number, body: Record<string, unknown>, requestId: string): SandboxResponse {
  return jsonResponse(status, body, { 'x-ashby-request-id': requestId });
}

/** Ashby's error envelope (ashby-api.md §2): the deprecated `errors` list plus `errorInfo` carrying the request id. */
export function ashbyError(status: number, code: string, message: string): SandboxResponse {
  const requestId = randomUUID();
  return withRequestId(status, { success: false, errors: [code], errorInfo: { code, message, requestId } }, requestId);
}

/**
 * Business errors (unknown ids, invalid fields) come back as `success:false` inside HTTP 200: every endpoint's 200
 * response is `oneOf` success or error in Ashby's spec, and connector tests mock exactly that (ashby-api.md §2).
 */
export function refusal(code: string, message: string): SandboxResponse {
  return ashbyError(200, code, message);
}

export function notFound(kind: string, id: string): SandboxResponse {
  return refusal(`${kind}_not_found`, `No ${kind.replace(/_/g, ' ')} with id ${id}`);
}

export function success(results: unknown, extra: Record<string, unknown> = {}): SandboxResponse {
  const requestId = randomUUID();
  return withRequestId(200, { success: true, results, ...extra }, requestId);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: SandboxResponse };

/** Validates a request body the way Ashby does: unknown fields, missing fields and wrong types are `invalid_input`. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, response: refusal('invalid_input', `${where}${issue?.message ?? 'invalid request'}`) };
}

/**
 * The real API fills each page up to `limit` (≤ 100). The sandbox serves at most 3 a page, so the seed spans several
 * pages and every client meets the cursor loop; `limit` below 3 is honoured.
 */
export const sandboxPageSize = 3;

export const listFields = {
  cursor: z.string().optional(),
  syncToken: z.string().optional(),
  limit: z.number().int().min(1).max(100).optional(),
  createdAfter: z.number().int().nonnegative().optional(),
};

function encodeCursor(endpoint: string, offset: number): string {
  return Buffer.from(JSON.stringify({ endpoint, offset })).toString('base64url');
}

function decodeCursor(endpoint: string, cursor: string): number | undefined {
  try {
    const parsed = z
      .object({ endpoint: z.literal(endpoint), offset: z.number().int().nonnegative() })
      .safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.offset : undefined;
  } catch {
    return undefined;
  }
}

export function page<T>(
  endpoint: string,
  items: T[],
  request: { cursor?: string; limit?: number },
  toPayload: (item: T) => unknown,
): SandboxResponse {
  const offset = request.cursor === undefined ? 0 : decodeCursor(endpoint, request.cursor);
  if (offset === undefined) return refusal('invalid_next_cursor', 'The cursor is not valid for this endpoint');
  const size = Math.min(request.limit ?? 100, sandboxPageSize);
  const slice = items.slice(offset, offset + size);
  const more = offset + size < items.length;
  return success(slice.map(toPayload), {
    moreDataAvailable: more,
    ...(more ? { nextCursor: encodeCursor(endpoint, offset + size) } : { syncToken: randomUUID() }),
  });
}
