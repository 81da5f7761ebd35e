/**
 * The session's facts in words, one language: the shape the page shows (contract/view.ts calls
 * it SessionTextView) and the report stores. core/session-text.ts fills it.
 */

export interface SessionText {
  outcome: string | null;
  /** The outcome as a heading ("Fixed", "Not fixed"...). */
  outcomeTitle: string | null;
  verdict: string | null;
  tried: { path: string; result: string }[];
  evidence: string[];
  plan: { role: string; name: string; source: string; reason: string }[];
  notes: string[];
  checks: { result: string; text: string }[];
  /** Each checked program's verdict in a few words, by file name; `note`: why Windows did not judge it. */
  publisher: { name: string; outcome: string; badge: string; note: string | null }[];
  /** Windows is judging the programs' signatures: how long so far, in words. */
  osChecking: string | null;
  guidance: string | null;
  /** Days until the server certificate expires (negative once expired), or null. */
  certificateDaysLeft: number | null;
  /** The server certificate's SHA-1 thumbprint as Windows' certificate dialog shows it, or null. */
  certificateThumbprint: string | null;
  /**
   * The agent's certificate against the server's (KB 1102855's symptom), once the source was
   * checked: a short sentence for beside the two certificates, and the whole one for text.
   */
  diagnosis: { matches: boolean; short: string; full: string } | null;
  /** Waiting, in words: for another repair on this PC to end, for the agent to take the certificate, or for a service to start. */
  waiting: string | null;
  /** What became of the working folder after the run (removed after a fix, kept otherwise). */
  workDirAfter: string | null;
  /** `\\<server>\ofcscan\AutoPcc.exe` for the server in use (the placeholder when none is known). */
  autoPcc: string;
  /** One paragraph for a helpdesk ticket, once the session has an outcome. */
  ticket: string | null;
}
