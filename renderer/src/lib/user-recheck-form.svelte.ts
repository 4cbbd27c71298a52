// The small form of "Check only the Onshape user again": that user's email (as the check had it) and a
// password typed afresh, validated with the shared rules of common/fields.ts. Kept by the wizard, so a
// refusal brings the admin back to what they typed.
import { emailProblem, secretProblem } from '../../../common/fields';

export type UserRecheckField = 'email' | 'password';
export type UserRecheckProblems = Partial<Record<UserRecheckField, string>>;

export const USER_RECHECK_IDS: Readonly<Record<UserRecheckField, string>> = {
  email: 'user-recheck-email',
  password: 'user-recheck-password',
};

export class UserRecheckForm {
  email = $state('');
  password = $state('');
  touched: Partial<Record<UserRecheckField, boolean>> = $state({});
  submitted = $state(false);

  /** A fresh form for the check on screen: its Onshape user's email, and no password. */
  reset(email: string): void {
    this.email = email;
    this.password = '';
    this.touched = {};
    this.submitted = false;
  }

  problems(): UserRecheckProblems {
    const problems: UserRecheckProblems = {};
    const email = emailProblem(this.email, 'Onshape user');
    if (email !== null) problems.email = email;
    const password = secretProblem(this.password, 'password');
    if (password !== null) problems.password = password;
    return problems;
  }

  showsProblemOf(field: UserRecheckField): boolean {
    return this.submitted || this.touched[field] === true;
  }

  /** The corrected user, or null (every problem then shows) while a field is not valid. */
  submit(): { email: string; password: string } | null {
    this.submitted = true;
    if (Object.keys(this.problems()).length > 0) return null;
    return { email: this.email.trim(), password: this.password };
  }
}
