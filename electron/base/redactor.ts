/**
 * The unload password must never be shown or stored. Everything that leaves the runner (command
 * line, output lines, errors) goes through one Redactor, which knows the secret only for the run.
 */
export const MASK = '********';

export class Redactor {
  private secrets: string[];

  constructor(...secrets: (string | undefined | null)[]) {
    this.secrets = secrets.filter((s): s is string => typeof s === 'string' && s !== '');
  }

  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(MASK);
    return out;
  }

  /** Forget the secrets (after the run): later text is passed through unchanged. */
  forget(): void {
    this.secrets = [];
  }
}
