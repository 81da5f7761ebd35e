/**
 * The one shape every language's table has (the engine's, the fleet's, the CLI's and the page's):
 * English's table is the reference, and every other language `satisfies Wording<typeof en>`, so a
 * key missing, misspelt or extra in one language fails the build. A leaf is a string, a list of
 * strings (table headers), or a function with English's parameters that returns a string (the
 * engine words typed facts: unions, objects, counts). No Node: the page reaches it through the contract.
 */
export type Wording<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly string[]
      ? readonly string[]
      : { [K in keyof T]: Wording<T[K]> };

/** Every key of a table as a dotted path (`label.title`), leaves only: for the tests that compare languages. */
export function keysOf(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
