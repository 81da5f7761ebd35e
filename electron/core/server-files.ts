/** What `source` found on the server (or in a kit): the types every later step reads. */
import type { TriedPlace } from './errors.js';
import type { FileArch } from './vendor-layout.js';

export interface SourceFile {
  /** The name as it is on the server (case preserved). */
  name: string;
  /** Where it is, as the user would recognise it. */
  display: string;
  /** Where this process reads it. */
  local: string;
  /**
   * The SHA-256 (hex, upper case) the copy must have: set for a kit's files from its manifest, so a
   * file swapped between the manifest check and the copy is refused (issue 18 §4).
   */
  expectedSha256?: string;
}

export interface ServerFiles {
  input: string;
  /** PCCSRV, as the user would recognise it. */
  root: string;
  rootLocal: string;
  certificate: SourceFile | null;
  /** The IpXfer folder, or where it should have been. */
  ipxferFolder: string;
  ipxfer: Record<FileArch, SourceFile | null>;
  datfhs: Record<FileArch, SourceFile | null>;
  tried: TriedPlace[];
  /** Set when the files come from an offline kit. */
  kit?: KitInfo;
}

/** Where an offline kit came from, as its manifest says. */
export interface KitInfo {
  folder: string;
  createdAt: string;
  createdFrom: string;
  /** What was typed when the kit was made (`\\server`...): its host is the kit's server. */
  createdInput: string;
  build: number | null;
}
