// The connection-details form and the warning after it, filled in as an admin would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ScenarioCheck } from '../../../main/simulator/index.js';
import { heading, WARNING_HEADING } from './screens.js';

export interface DetailsInput extends Omit<ScenarioCheck, 'loginType'> {
  /** The custom API address, e.g. a simulator's apiUrl. */
  apiUrl: string;
  loginType?: ScenarioCheck['loginType'] | undefined;
}

export interface FillOptions {
  /** Whether to tick "Also check an Onshape user"; by default, when the input has its email and password. */
  onshapeUser?: boolean | undefined;
  /** Tick "Remember in this computer's keychain". */
  remember?: boolean | undefined;
}

/** Fills every field, setting each choice explicitly (the form may start from the last check's details). */
export async function fillDetails(page: Page, input: DetailsInput, options: FillOptions = {}): Promise<void> {
  const password = input.loginType === 'password';
  await page.getByLabel('Data centre').selectOption('custom');
  await page.getByLabel('Custom API address').fill(input.apiUrl);
  await page.getByLabel('Workspace ID').fill(String(input.workspaceId));
  await page.getByLabel('Integration user email').fill(input.email);
  await page.getByLabel('Log in with a password instead').setChecked(password);
  await page.getByLabel(password ? 'Password' : 'WebToken', { exact: true }).fill(input.secret);
  const withUser = options.onshapeUser ?? Boolean(input.userEmail && input.userPassword);
  await page.getByLabel('Also check an Onshape user').setChecked(withUser);
  if (withUser) {
    await page.getByLabel("Onshape user's email").fill(input.userEmail ?? '');
    await page.getByLabel("Onshape user's Arena password", { exact: true }).fill(input.userPassword ?? '');
  }
  if (options.remember) await page.getByLabel("Remember in this computer's keychain").check();
}

/** Continue from the details form, wait for the warning, and start the check with "Log in now". */
export async function continueAndLogIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => heading(page)).toBe(WARNING_HEADING);
  await page.getByRole('button', { name: 'Log in now' }).click();
}
