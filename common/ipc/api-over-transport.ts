// Builds the typed DoctorApi over any transport that can send a method's payload and receive its Result:
// Electron IPC in the preload, HTTP in the development bridge client. One implementation, two carriers.
import type { CheckProgress, DataOf, DoctorApi, DoctorMethod, PayloadOf, Result } from './contract.js';

export interface Transport {
  invoke(method: DoctorMethod, payload: unknown): Promise<unknown>;
  subscribe(listener: (progress: CheckProgress) => void): () => void;
}

export function apiOverTransport(transport: Transport): DoctorApi {
  // The main process answers every method with the contract's Result; this is where that promise is typed.
  const call =
    <M extends DoctorMethod>(method: M) =>
    (payload?: PayloadOf<M>): Promise<Result<DataOf<M>>> =>
      transport.invoke(method, payload ?? null) as Promise<Result<DataOf<M>>>;
  return {
    getStartup: () => call('getStartup')(),
    rememberedFor: call('rememberedFor'),
    runCheck: call('runCheck'),
    recheckUser: call('recheckUser'),
    gateFor: call('gateFor'),
    listScenarios: () => call('listScenarios')(),
    previewUsers: call('previewUsers'),
    runUsersCheck: call('runUsersCheck'),
    runPractice: call('runPractice'),
    runReach: call('runReach'),
    cancelCheck: () => call('cancelCheck')(),
    forgetSecrets: call('forgetSecrets'),
    exportReport: call('exportReport'),
    copyReportSummary: call('copyReportSummary'),
    copyText: call('copyText'),
    listHistory: () => call('listHistory')(),
    openHistory: call('openHistory'),
    deleteHistory: call('deleteHistory'),
    clearHistory: () => call('clearHistory')(),
    openExternal: call('openExternal'),
    explainMessage: call('explainMessage'),
    exportExplanation: call('exportExplanation'),
    copyExplanation: call('copyExplanation'),
    onCheckProgress: (listener) => transport.subscribe(listener),
  };
}
