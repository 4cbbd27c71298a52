// Renders the whole wizard (App) against a scripted API, and helpers to walk to a screen.
import { render, screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import App from '../../../renderer/src/App.svelte';
import { createScriptedApi, type ScriptedApi, type ScriptedApiOptions } from './scripted-api';

export interface Rendered {
  scripted: ScriptedApi;
  user: UserEvent;
}

export function renderApp(options: ScriptedApiOptions = {}, userOptions: Parameters<typeof userEvent.setup>[0] = {}): Rendered {
  const scripted = createScriptedApi(options);
  const user = userEvent.setup(userOptions);
  render(App, { props: { api: scripted.api } });
  return { scripted, user };
}

export async function heading(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('heading', { level: 1, name });
}

/** Start → Connection details. */
export async function openDetails({ user }: Rendered): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Check my connection' }));
  await heading('Connection details');
}

/** Fills the form with valid details (WebToken login, no Onshape user). */
export async function fillValidDetails({ user }: Rendered): Promise<void> {
  await user.type(screen.getByLabelText('Workspace ID'), '123456789');
  await user.type(screen.getByLabelText('Integration user email'), 'onshape-integration@example.com');
  await user.type(screen.getByLabelText('WebToken'), 'wt-0123456789abcdef');
}

/** Start → details → warning → Continue, then waits for the result screen's heading. */
export async function runToResult(rendered: Rendered, resultHeading: string | RegExp): Promise<void> {
  await openDetails(rendered);
  await fillValidDetails(rendered);
  await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
  await heading('Before the check runs');
  await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
  await heading(resultHeading);
}

/** A failed result: "The check found a problem" above the heading, which is the diagnosis title. */
export async function failedHeading(): Promise<HTMLElement> {
  await screen.findByText('The check found a problem', { selector: '.result-kicker' });
  return screen.getByRole('heading', { level: 1 });
}

/** Start → … → a failed result; answers its heading (the diagnosis title). */
export async function runToFailure(rendered: Rendered): Promise<HTMLElement> {
  await openDetails(rendered);
  await fillValidDetails(rendered);
  await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
  await heading('Before the check runs');
  await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
  return failedHeading();
}

export function expectFocused(element: HTMLElement): void {
  expect(document.activeElement).toBe(element);
}

export { screen, within };
