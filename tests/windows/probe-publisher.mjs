// Run by Windows node.exe under Wine (tests/windows/publisher.test.ts): the built trust check on
// the lane's signed programs, given the lane's test root as its API parameter (never a file or
// variable a user could plant), and with the shipped roots. Prints one JSON document.
//   node.exe probe-publisher.mjs <dist core/trust/publisher.js URL> <root.der> <file>...
import { readFileSync } from 'node:fs';
const [distUrl, rootDer, ...files] = process.argv.slice(2);
const { checkPublisher } = await import(distUrl);
const out = [];
for (const file of files) {
  const withRoot = await checkPublisher(file, { roots: [readFileSync(rootDer)] });
  const shipped = await checkPublisher(file);
  out.push({ file, withTestRoot: withRoot.outcome, withShippedRoots: shipped.outcome });
}
process.stdout.write(JSON.stringify(out));
