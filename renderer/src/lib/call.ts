// Calls a DoctorApi method and turns anything thrown (a broken preload, a bug) into a Result error, so
// every failure reaches the screen in plain words instead of vanishing in a rejected promise.
import type { Result } from '../../../common/ipc/contract';

export async function safeCall<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Something went wrong inside the app${detail}. Try again; if it keeps happening, restart Arena Connect Doctor.`,
      },
    };
  }
}
