import { jsonResponse, type SandboxResponse } from '../http.ts';

export const jsonApiType = 'application/vnd.api+json';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Validation Error',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface PinpointErrorObject {
  code: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
}

/** JSON:API error document (pinpoint-api.md §2): `status` is a string there, not a number. */
export function pinpointErrors(status: number, errors: PinpointErrorObject[]): SandboxResponse {
  const body = errors.map(({ code, detail, source }) => ({
    title: titles[status] ?? 'Error',
    code,
    status: String(status),
    detail,
    ...(source ? { source } : {}),
  }));
  return jsonResponse(status, { errors: body }, {}, jsonApiType);
}

export function pinpointError(
  status: number,
  code: string,
  detail: string,
  source?: PinpointErrorObject['source'],
): SandboxResponse {
  return pinpointErrors(status, [{ code, detail, ...(source ? { source } : {}) }]);
}

export function malformedQuery(parameter: string): SandboxResponse {
  return pinpointError(400, 'bad_request', 'Malformed query params', { parameter });
}

export function notFound(): SandboxResponse {
  return pinpointError(404, 'not_found', 'Record not found');
}

export function documentResponse(status: number, body: unknown): SandboxResponse {
  return jsonResponse(status, body, {}, jsonApiType);
}

export function isResponse(value: unknown): value is SandboxResponse {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
