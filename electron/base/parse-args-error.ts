/** What a `node:util` parseArgs error is about: the option as typed, and whether only its value is missing. */
export function parseArgsProblem(e: unknown): { option: string; missingValue: boolean } {
  const text = e instanceof Error ? e.message : String(e);
  // Node says e.g. "Option '--lang <value>' argument missing" or "Unknown option '--frob'".
  const option = (/'(-[^']+)'/.exec(text)?.[1] ?? text).replace(/ <value>$/, '');
  return { option, missingValue: (e as NodeJS.ErrnoException)?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' };
}
