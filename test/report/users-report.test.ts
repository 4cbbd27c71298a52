// The users check's CSV and text forms, from a real run against the simulator.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { UsersReport } from '../../common/users-report.js';
import { renderUsersCsv, renderUsersText } from '../../main/report/users-report.js';
import { generatedUser, startSimulator, usersScenario } from '../../main/simulator/index.js';
import { runUsersCheck } from '../../main/users/run-users.js';
import { checkRequestFor } from '../support/scenario-check.js';

async function report(emails: string[]): Promise<UsersReport> {
  const scenario = usersScenario({ users: 30 });
  const simulator = await startSimulator({ scenario });
  try {
    const { user: _none, ...base } = checkRequestFor(scenario, simulator.apiUrl);
    return await runUsersCheck({ ...base, emails, invalid: [{ line: 9, text: 'Dana, no address' }] });
  } finally {
    await simulator.close();
  }
}

describe('users report renderings', () => {
  it('CSV keeps names from Arena as text, never as a spreadsheet formula, and quotes commas and quotes', async () => {
    const base = await report([generatedUser(1).email.toLowerCase(), generatedUser(2).email.toLowerCase()]);
    const [first, second] = base.usersCheck.users;
    if (!first?.arena || !second?.arena) throw new Error('expected two users found');
    first.arena.fullName = '=HYPERLINK("https://evil.example","x")';
    second.arena.fullName = 'Smith, "Dana"';
    const rows = parse(renderUsersCsv(base), { columns: true }) as Record<string, string>[];
    expect(rows[0]?.arena_full_name).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(rows[1]?.arena_full_name).toBe('Smith, "Dana"');
  });

  it('text says how many are ready, groups the others with their advice, and lists invalid lines', async () => {
    const text = renderUsersText(await report([generatedUser(1).email.toLowerCase(), 'ghost@northwind.example']));
    expect(text).toMatch(/^1 of 2 Onshape users are ready for Arena; 1 need work\./);
    expect(text).toContain("NOT FOUND (1): Not among this workspace's Arena users\n  ghost@northwind.example");
    expect(text).toContain('line 9: Dana, no address');
    expect(text).not.toContain('Onshape user: none given');
  });
});
