import type { SidecarErrorData } from './errors';

export type Result<T> = { ok: true; data: T } | { ok: false; error: SidecarErrorData };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: SidecarErrorData): Result<never> => ({ ok: false, error });
