/**
 * The state of a form that starts IpXfer (the repair screen's 修復する, the Run step's button):
 * the unload password or "none is set", the publisher confirmation, and whether it was sent once.
 * The password lives here only until the form is sent; `take` then empties it.
 */
export class PasswordForm {
  password = $state('');
  noPassword = $state(false);
  /** Sent once: an empty field is pointed out. */
  attempted = $state(false);
  /** Ticked once, it stays ticked for every retry (the session records the choice). */
  runAnyway = $state(false);

  constructor(runAnyway: boolean) {
    this.runAnyway = runAnyway;
  }

  /**
   * On send: the password to pass (null: none is set), or undefined while the form is incomplete
   * (no password and none ticked, or programs not verified and not confirmed).
   */
  take(unverified: number): string | null | undefined {
    this.attempted = true;
    if (!this.noPassword && this.password === '') return undefined;
    if (unverified > 0 && !this.runAnyway) return undefined;
    const given = this.noPassword ? null : this.password;
    this.attempted = false;
    this.password = '';
    return given;
  }
}
