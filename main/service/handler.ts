// The shape every request handler of the service has, and the two ways it answers.
import type { DataOf, DoctorMethod, IpcError, PayloadOf, Result } from '../../common/ipc/contract.js';
import type { AddSecrets } from '../logging/index.js';

export type Handlers = { [M in DoctorMethod]: (payload: PayloadOf<M>, addSecrets: AddSecrets) => Promise<Result<DataOf<M>>> };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T>(code: IpcError['code'], message: string, extra: Pick<IpcError, 'retryAt' | 'account'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** The first line of an error's text, for a message to the admin. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unknown error';
}
