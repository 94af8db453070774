import { expect } from 'vitest';
import { SidecarError, type SidecarErrorData } from '@/lib/core/errors';

/** Awaits a promise that must reject with a SidecarError, and returns its error data. */
export async function sidecarFailure(promise: Promise<unknown>): Promise<SidecarErrorData> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SidecarError);
  return (error as SidecarError).data;
}
