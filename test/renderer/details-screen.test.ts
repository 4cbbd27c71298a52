import { describe, expect, it } from 'vitest';
import {
  apiUrlProblem,
  connectTimeoutTextProblem,
  emailProblem,
  proxyUrlProblem,
  secretProblem,
  workspaceIdProblem,
} from '../../common/fields';
import { startupInfo } from './support/fixtures';
import { expectFocused, fillValidDetails, heading, openDetails, renderApp, screen, within } from './support/render-app';

describe('Connection details', () => {
  it('shows the shared validation message after leaving a field, tied with aria-describedby', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    const workspace = screen.getByLabelText('Workspace ID');
    await rendered.user.type(workspace, 'Example Robotics');
    expect(screen.queryByText(workspaceIdProblem('Example Robotics')!)).not.toBeInTheDocument();
    await rendered.user.tab();
    const message = screen.getByText(workspaceIdProblem('Example Robotics')!);
    expect(workspace).toHaveAttribute('aria-invalid', 'true');
    expect(workspace).toHaveAccessibleDescription(workspaceIdProblem('Example Robotics')!);
    expect(workspace.getAttribute('aria-describedby')).toContain(message.id);

    await rendered.user.clear(workspace);
    await rendered.user.type(workspace, '123456789');
    expect(screen.queryByText(workspaceIdProblem('Example Robotics')!)).not.toBeInTheDocument();
    expect(workspace).not.toHaveAttribute('aria-invalid');
  });

  it('shows every problem on submit and moves focus to the first invalid field', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await rendered.user.type(screen.getByLabelText('Workspace ID'), '42');
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(emailProblem('', 'integration user')!)).toBeInTheDocument();
    expect(screen.getByText(secretProblem('', 'WebToken')!)).toBeInTheDocument();
    expectFocused(screen.getByLabelText('Integration user email'));
    expect(rendered.scripted.payloadsOf('runCheck')).toHaveLength(0);
  });

  it('flags a WebToken with a trailing line break, as the shared rule does', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await rendered.user.type(screen.getByLabelText('WebToken'), 'abc ');
    await rendered.user.tab();
    expect(screen.getByText(secretProblem('abc ', 'WebToken')!)).toBeInTheDocument();
  });

  it('reveals a URL field for a custom API address and validates it', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    expect(screen.queryByLabelText('Custom API address')).not.toBeInTheDocument();
    await rendered.user.selectOptions(screen.getByLabelText('Data centre'), 'Custom API address');
    const url = screen.getByLabelText('Custom API address');
    await rendered.user.type(url, 'http://arena.example.com/v1');
    await rendered.user.tab();
    expect(screen.getByText(apiUrlProblem('http://arena.example.com/v1')!)).toBeInTheDocument();
  });

  it('uses the system proxy by default, and an explicit proxy when given one, validated by the shared rule', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    expect(screen.getByLabelText("Use this computer's proxy settings")).toBeChecked();
    await rendered.user.click(screen.getByLabelText('Use this proxy'));
    const address = screen.getByLabelText('Proxy address');
    await rendered.user.type(address, 'http://alice:secret@proxy.example.com:8080');
    await rendered.user.tab();
    expect(screen.getByText(proxyUrlProblem('http://alice:secret@proxy.example.com:8080')!)).toBeInTheDocument();
    await rendered.user.clear(address);
    await rendered.user.type(address, 'http://proxy.example.com:8080');
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')[0]?.proxy).toEqual({ mode: 'manual', url: 'http://proxy.example.com:8080' });
  });

  it('switches between WebToken and password and sends the login type', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await rendered.user.type(screen.getByLabelText('Workspace ID'), '123456789');
    await rendered.user.type(screen.getByLabelText('Integration user email'), 'integration@example.com');
    await rendered.user.click(screen.getByLabelText('Log in with a password instead'));
    expect(screen.queryByLabelText('WebToken')).not.toBeInTheDocument();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'off');
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(secretProblem('', 'password')!)).toBeInTheDocument();
    await rendered.user.type(password, 's3cret!');
    await rendered.user.click(screen.getByRole('button', { name: 'Show Password' }));
    expect(password).toHaveAttribute('type', 'text');
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
    await heading('The connection works');
    const [intent] = rendered.scripted.payloadsOf('runCheck');
    expect(intent).toEqual({
      details: {
        dataCentre: 'us',
        apiUrl: 'https://api.arenasolutions.com/v1',
        workspaceId: 123456789,
        integrationEmail: 'integration@example.com',
        loginType: 'password',
        userEmail: null,
      },
      integrationSecret: { source: 'typed', value: 's3cret!' },
      userPassword: { source: 'none' },
      remember: false,
      confirmedChange: false,
      proxy: { mode: 'system' },
      connectTimeoutSeconds: 10,
    });
  });

  it('keeps the connect limit with the proxy choice, checks it with the shared rule, and sends it with the check', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    const group = screen.getByRole('group', { name: 'How this computer reaches Arena' });
    const limit = within(group).getByLabelText('Connect limit (seconds)');
    expect(limit).toHaveValue('10');
    for (const typed of ['0', '61', 'ten', '']) {
      await rendered.user.clear(limit);
      if (typed !== '') await rendered.user.type(limit, typed);
      await rendered.user.tab();
      expect(limit).toHaveAccessibleDescription(expect.stringContaining(connectTimeoutTextProblem(typed)!));
    }
    await rendered.user.clear(limit);
    await rendered.user.type(limit, '61');
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    // The one invalid field takes the focus; nothing is sent.
    expectFocused(limit);
    expect(screen.queryByRole('heading', { level: 1, name: 'Before the check runs' })).not.toBeInTheDocument();
    await rendered.user.clear(limit);
    await rendered.user.type(limit, '2.5');
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await heading('Before the check runs');
    await rendered.user.click(screen.getByRole('button', { name: 'Log in now' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')[0]?.connectTimeoutSeconds).toBe(2.5);
  });

  it('fills the connect limit from the saved profile, and the default when the profile has none', async () => {
    const profile = {
      details: {
        dataCentre: 'us' as const,
        apiUrl: 'https://api.arenasolutions.com/v1',
        workspaceId: 555,
        integrationEmail: 'int@example.com',
        loginType: 'webtoken' as const,
        userEmail: null,
      },
      remember: false,
      proxy: { mode: 'direct' as const },
      lastReport: null,
    };
    const saved = renderApp({ startup: startupInfo({ profile: { ...profile, connectTimeoutSeconds: 30 } }) });
    await openDetails(saved);
    expect(screen.getByLabelText('Connect limit (seconds)')).toHaveValue('30');
    expect(screen.getByLabelText('Connect directly, without a proxy')).toBeChecked();
  });

  it('fills the form from the saved profile', async () => {
    const rendered = renderApp({
      startup: startupInfo({
        profile: {
          details: {
            dataCentre: 'europe',
            apiUrl: 'https://api.europe.arenaplm.com/v1',
            workspaceId: 555,
            integrationEmail: 'int@example.eu',
            loginType: 'webtoken',
            userEmail: 'designer@example.eu',
          },
          remember: true,
          proxy: { mode: 'system' },
          lastReport: null,
        },
      }),
    });
    await openDetails(rendered);
    expect(screen.getByLabelText('Data centre')).toHaveValue('europe');
    expect(screen.getByLabelText('Workspace ID')).toHaveValue('555');
    expect(screen.getByLabelText('Integration user email')).toHaveValue('int@example.eu');
    expect(screen.getByLabelText('Also check an Onshape user')).toBeChecked();
    expect(screen.getByLabelText("Onshape user's email")).toHaveValue('designer@example.eu');
    expect(screen.getByLabelText("Remember in this computer's keychain")).toBeChecked();
  });

  it('uses remembered secrets without ever holding them: sends {source: "remembered"}', async () => {
    const rendered = renderApp({ remembered: { integration: true, user: true } });
    await openDetails(rendered);
    await rendered.user.type(screen.getByLabelText('Workspace ID'), '123456789');
    await rendered.user.type(screen.getByLabelText('Integration user email'), 'integration@example.com');
    const group = await screen.findByRole('group', { name: 'WebToken' });
    expect(within(group).getByText('Remembered in the keychain')).toBeInTheDocument();
    // No input for the secret: nothing to type, nothing sent back.
    expect(group.querySelector('input')).toBeNull();
    expect(document.getElementById('field-integration-secret')).toBeNull();
    const lookups = rendered.scripted.payloadsOf('rememberedFor');
    expect(lookups.at(-1)).toMatchObject({ workspaceId: 123456789, integrationEmail: 'integration@example.com' });

    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Log in now' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')[0]).toMatchObject({
      integrationSecret: { source: 'remembered' },
      userPassword: { source: 'none' },
    });
  });

  it('lets the admin type a different secret, or forget the remembered ones', async () => {
    const rendered = renderApp({ remembered: { integration: true, user: false } });
    await openDetails(rendered);
    await rendered.user.type(screen.getByLabelText('Workspace ID'), '123456789');
    await rendered.user.type(screen.getByLabelText('Integration user email'), 'integration@example.com');
    const group = await screen.findByRole('group', { name: 'WebToken' });
    await rendered.user.click(within(group).getByRole('button', { name: 'Use a different one' }));
    const input = screen.getByLabelText('WebToken');
    expectFocused(input);
    await rendered.user.click(screen.getByRole('button', { name: 'Use the one remembered in the keychain' }));
    // One control for the account, whatever is remembered, with its scope said where it is.
    expect(screen.queryByRole('button', { name: 'Forget' })).not.toBeInTheDocument();
    const forget = screen.getByRole('button', { name: 'Forget the saved secrets for this account' });
    expect(forget).toHaveAccessibleDescription(
      "Removes from this computer's keychain every secret remembered for integration@example.com in workspace 123456789 at https://api.arenasolutions.com/v1: the WebToken or password, and any Onshape user's password. Nothing changes in Arena or Onshape.",
    );
    const block = forget.parentElement;
    await rendered.user.click(forget);
    // The confirmation appears beside the control, in a live region.
    const said = await screen.findByText('Forgotten: the keychain no longer holds secrets for this account.');
    expect(said).toHaveAttribute('role', 'status');
    expect(block).toContainElement(said);
    expect(screen.queryByRole('button', { name: 'Forget the saved secrets for this account' })).not.toBeInTheDocument();
    expect(rendered.scripted.payloadsOf('forgetSecrets')).toEqual([
      {
        dataCentre: 'us',
        apiUrl: 'https://api.arenasolutions.com/v1',
        workspaceId: 123456789,
        integrationEmail: 'integration@example.com',
        loginType: 'webtoken',
        userEmail: null,
      },
    ]);
    expect(screen.getByLabelText('WebToken')).toHaveValue('');
  });

  it('a field revealed after a failed submit waits for the admin: its problem shows once it is left, or at the next submit', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByLabelText('Workspace ID')).toHaveAttribute('aria-invalid', 'true');
    await rendered.user.click(screen.getByLabelText('Also check an Onshape user'));
    const email = screen.getByLabelText("Onshape user's email");
    const password = screen.getByLabelText("Onshape user's Arena password");
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(emailProblem('', 'Onshape user')!)).not.toBeInTheDocument();
    // Left without an address: now it says so; the password, not yet visited, still waits.
    await rendered.user.click(email);
    await rendered.user.tab();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(emailProblem('', 'Onshape user')!)).toBeInTheDocument();
    expect(password).not.toHaveAttribute('aria-invalid');
    // A second submit shows every problem on the form.
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(password).toHaveAttribute('aria-invalid', 'true');
  });

  it('disables "Remember" with the reason when the keychain is unavailable', async () => {
    const rendered = renderApp({
      startup: startupInfo({ keychain: { available: false, message: 'The keychain is locked.' } }),
    });
    await openDetails(rendered);
    const remember = screen.getByLabelText("Remember in this computer's keychain");
    expect(remember).toBeDisabled();
    expect(remember).toHaveAccessibleDescription('Not available: The keychain is locked.');
    expect(rendered.scripted.payloadsOf('rememberedFor')).toHaveLength(0);
  });

  it('checks an Onshape user with typed email and password, and remembers when ticked', async () => {
    const rendered = renderApp();
    await openDetails(rendered);
    await fillValidDetails(rendered);
    await rendered.user.click(screen.getByLabelText('Also check an Onshape user'));
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(emailProblem('', 'Onshape user')!)).toBeInTheDocument();
    expectFocused(screen.getByLabelText("Onshape user's email"));
    await rendered.user.type(screen.getByLabelText("Onshape user's email"), 'designer@example.com');
    await rendered.user.type(screen.getByLabelText("Onshape user's Arena password"), 'pw');
    await rendered.user.click(screen.getByLabelText("Remember in this computer's keychain"));
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await rendered.user.click(await screen.findByRole('button', { name: 'Log in now' }));
    await heading('The connection works');
    expect(rendered.scripted.payloadsOf('runCheck')[0]).toMatchObject({
      details: { userEmail: 'designer@example.com' },
      integrationSecret: { source: 'typed', value: 'wt-0123456789abcdef' },
      userPassword: { source: 'typed', value: 'pw' },
      remember: true,
    });
  });
});
