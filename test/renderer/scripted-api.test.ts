// The component tests' scripted API holds the wizard to the service's payload schemas.
import { describe, expect, it } from 'vitest';
import { createScriptedApi } from './support/scripted-api';

describe('the scripted API', () => {
  it('refuses a payload the service would refuse, as the service does', async () => {
    const { api, calls } = createScriptedApi();
    await expect(api.runPractice({ scenario: '' })).rejects.toThrow(/runPractice a payload the service refuses/);
    await expect(api.copyText('')).rejects.toThrow(/copyText a payload the service refuses/);
    expect(calls).toEqual([]);
  });

  it('answers a valid payload', async () => {
    const { api, calls } = createScriptedApi();
    expect((await api.runPractice({ scenario: 'healthy' })).ok).toBe(true);
    expect(calls).toEqual([{ method: 'runPractice', payload: { scenario: 'healthy' } }]);
  });
});
