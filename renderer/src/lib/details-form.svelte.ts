// The connection-details form: its state (kept by the wizard so Back and Check again find it as it was),
// its validation with the shared rules of common/fields.ts, and the CheckIntent it turns into.
import type { DataCentreId } from '../../../common/check-report';
import {
  apiUrlProblem,
  connectTimeoutTextProblem,
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  emailProblem,
  proxyUrlProblem,
  secretProblem,
  workspaceIdProblem,
} from '../../../common/fields';
import type {
  CheckIntent,
  ConnectionDetails,
  DataCentreOption,
  RememberedSecrets,
  ProxySetting,
  ReachIntent,
  SavedProfile,
  SecretInput,
} from '../../../common/ipc/contract';

/** Fields that can be invalid, in the order they appear on the form. */
export const FIELD_ORDER = [
  'apiUrl',
  'workspaceId',
  'integrationEmail',
  'integrationSecret',
  'userEmail',
  'userPassword',
  'proxyUrl',
  'connectTimeout',
] as const;
export type FieldName = (typeof FIELD_ORDER)[number];
export type FieldProblems = Partial<Record<FieldName, string>>;

/** The fields "Test the network only" needs: where Arena is and how to get there, no account and no secret. */
export const REACH_FIELDS: readonly FieldName[] = ['apiUrl', 'proxyUrl', 'connectTimeout'];

export const FIELD_IDS: Readonly<Record<FieldName, string>> = {
  apiUrl: 'field-api-url',
  workspaceId: 'field-workspace-id',
  integrationEmail: 'field-integration-email',
  integrationSecret: 'field-integration-secret',
  userEmail: 'field-user-email',
  userPassword: 'field-user-password',
  proxyUrl: 'field-proxy-url',
  connectTimeout: 'field-connect-timeout',
};

export class DetailsForm {
  dataCentre: DataCentreId | 'custom' = $state('us');
  customApiUrl = $state('');
  workspaceId = $state('');
  integrationEmail = $state('');
  usePassword = $state(false);
  integrationSecret = $state('');
  remember = $state(false);
  checkUser = $state(false);
  userEmail = $state('');
  userPassword = $state('');
  /** How this computer reaches Arena: the system's proxy settings (as Chromium resolves them), none, or this proxy. */
  proxyMode: ProxySetting['mode'] = $state('system');
  proxyUrl = $state('');
  /** The connect limit in seconds, as typed (DNS, connecting and the TLS handshake, each). */
  connectTimeout = $state(String(DEFAULT_CONNECT_TIMEOUT_SECONDS));
  /** What the keychain holds for the current details (never the secrets themselves). */
  remembered: RememberedSecrets = $state({ integration: false, user: false });
  /** Whether to use the remembered secret rather than typing one (when there is one). */
  useRememberedIntegration = $state(true);
  useRememberedUser = $state(true);
  touched: Partial<Record<FieldName, boolean>> = $state({});
  submitted = $state(false);
  /** The fields on the form when it was last submitted: one revealed later waits for the admin before it complains. */
  submittedFields: readonly FieldName[] = $state.raw([]);

  fillFrom(profile: SavedProfile | null): void {
    if (!profile) return;
    const details = profile.details;
    this.dataCentre = details.dataCentre;
    this.customApiUrl = details.dataCentre === 'custom' ? details.apiUrl : '';
    this.workspaceId = details.workspaceId > 0 ? String(details.workspaceId) : '';
    this.integrationEmail = details.integrationEmail;
    this.usePassword = details.loginType === 'password';
    this.checkUser = details.userEmail !== null && details.userEmail !== '';
    this.userEmail = details.userEmail ?? '';
    this.remember = profile.remember;
    this.proxyMode = profile.proxy.mode;
    this.proxyUrl = profile.proxy.mode === 'manual' ? profile.proxy.url : '';
    this.connectTimeout = String(profile.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  /** The fields the form shows now (a remembered secret has no input; the Onshape user's only when checked). */
  visibleFields(): FieldName[] {
    return FIELD_ORDER.filter((field) => {
      switch (field) {
        case 'apiUrl':
          return this.dataCentre === 'custom';
        case 'integrationSecret':
          return !this.integrationSecretRemembered;
        case 'userEmail':
          return this.checkUser;
        case 'userPassword':
          return this.checkUser && !this.userPasswordRemembered;
        case 'proxyUrl':
          return this.proxyMode === 'manual';
        default:
          return true;
      }
    });
  }

  /** A submit: every field on the form now shows its problem (only those of a screen that shows some of them). */
  markSubmitted(only: readonly FieldName[] | null = null): void {
    this.submitted = true;
    this.submittedFields = this.visibleFields().filter((field) => only === null || only.includes(field));
  }

  /** A field shows its problem once the admin left it, or when it was on the form at the last submit. */
  showsProblemOf(field: FieldName): boolean {
    return this.touched[field] === true || (this.submitted && this.submittedFields.includes(field));
  }

  get proxy(): ProxySetting {
    return this.proxyMode === 'manual' ? { mode: 'manual', url: this.proxyUrl.trim() } : { mode: this.proxyMode };
  }

  get secretKind(): 'WebToken' | 'password' {
    return this.usePassword ? 'password' : 'WebToken';
  }

  get integrationSecretRemembered(): boolean {
    return this.remembered.integration && this.useRememberedIntegration;
  }

  get userPasswordRemembered(): boolean {
    return this.remembered.user && this.useRememberedUser;
  }

  problems(): FieldProblems {
    const problems: FieldProblems = {};
    const set = (field: FieldName, problem: string | null): void => {
      if (problem !== null) problems[field] = problem;
    };
    if (this.dataCentre === 'custom') set('apiUrl', apiUrlProblem(this.customApiUrl));
    set('workspaceId', workspaceIdProblem(this.workspaceId));
    set('integrationEmail', emailProblem(this.integrationEmail, 'integration user'));
    if (!this.integrationSecretRemembered) set('integrationSecret', secretProblem(this.integrationSecret, this.secretKind));
    if (this.checkUser) {
      set('userEmail', emailProblem(this.userEmail, 'Onshape user'));
      if (!this.userPasswordRemembered) set('userPassword', secretProblem(this.userPassword, 'password'));
    }
    if (this.proxyMode === 'manual') set('proxyUrl', proxyUrlProblem(this.proxyUrl));
    set('connectTimeout', connectTimeoutTextProblem(this.connectTimeout));
    return problems;
  }

  /** The connect limit as the service takes it: seconds (check problems() first). */
  get connectTimeoutSeconds(): number {
    return Number(this.connectTimeout.trim());
  }

  /** The non-secret details, or null while the parts that identify them are not valid yet. */
  details(centres: readonly DataCentreOption[]): ConnectionDetails | null {
    const problems = this.problems();
    if (problems.apiUrl || problems.workspaceId || problems.integrationEmail) return null;
    if (this.checkUser && problems.userEmail) return null;
    let apiUrl: string;
    if (this.dataCentre === 'custom') {
      apiUrl = this.customApiUrl.trim();
    } else {
      const centre = centres.find((candidate) => candidate.id === this.dataCentre);
      if (!centre) return null;
      apiUrl = centre.apiBase;
    }
    return {
      dataCentre: this.dataCentre,
      apiUrl,
      workspaceId: Number(this.workspaceId.trim()),
      integrationEmail: this.integrationEmail.trim(),
      loginType: this.usePassword ? 'password' : 'webtoken',
      userEmail: this.checkUser ? this.userEmail.trim() : null,
    };
  }

  /** The network test's request, or null while its fields are not valid: no account, no secret. */
  reachIntent(centres: readonly DataCentreOption[]): ReachIntent | null {
    const problems = this.problems();
    if (REACH_FIELDS.some((field) => problems[field] !== undefined)) return null;
    const apiUrl =
      this.dataCentre === 'custom' ? this.customApiUrl.trim() : centres.find((centre) => centre.id === this.dataCentre)?.apiBase;
    if (apiUrl === undefined) return null;
    return { target: { dataCentre: this.dataCentre, apiUrl }, proxy: this.proxy, connectTimeoutSeconds: this.connectTimeoutSeconds };
  }

  intent(centres: readonly DataCentreOption[], keychainAvailable: boolean): CheckIntent | null {
    const details = this.details(centres);
    if (!details || Object.keys(this.problems()).length > 0) return null;
    const integrationSecret: SecretInput = this.integrationSecretRemembered
      ? { source: 'remembered' }
      : { source: 'typed', value: this.integrationSecret };
    let userPassword: SecretInput = { source: 'none' };
    if (this.checkUser) {
      userPassword = this.userPasswordRemembered ? { source: 'remembered' } : { source: 'typed', value: this.userPassword };
    }
    return {
      details,
      integrationSecret,
      userPassword,
      remember: keychainAvailable && this.remember,
      confirmedChange: false,
      proxy: this.proxy,
      connectTimeoutSeconds: this.connectTimeoutSeconds,
    };
  }
}
