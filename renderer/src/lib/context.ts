// The DoctorApi reaches components through Svelte context, so tests can inject their own.
import { getContext, setContext } from 'svelte';
import type { DoctorApi } from '../../../common/ipc/contract';

export const DOCTOR_API_KEY = Symbol('doctor-api');

export function provideApi(api: DoctorApi): void {
  setContext(DOCTOR_API_KEY, api);
}

export function useApi(): DoctorApi {
  const api = getContext<DoctorApi | undefined>(DOCTOR_API_KEY);
  if (!api) throw new Error('No DoctorApi in context: render components inside App or pass one in the context.');
  return api;
}
