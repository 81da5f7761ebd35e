/**
 * What Windows shows for the exe (Properties → Details, Task Manager, SmartScreen): our names,
 * version and icon instead of Node.js's. Done after postject (which rewrites the resource section)
 * and before signing (any later change would break the signature).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as ResEdit from 'resedit';

export const PRODUCT_NAME = 'Apex One certificate fix';
export const COMPANY_NAME = 'Apex One certificate fix team';
const EN_US = { lang: 1033, codepage: 1200 };

/** "1.2.3-beta.4" → [1, 2, 3, 0]: a version resource holds four 16-bit numbers only. */
export function numericVersion(version) {
  const parts = version.split(/[-+]/)[0].split('.').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 0xffff)) {
    throw new Error(`package.json version "${version}" is not major.minor.patch`);
  }
  return [...parts, 0];
}

/** The string table written into the exe. */
export function versionStrings({ version, fileName, nodeVersion }) {
  return {
    ProductName: PRODUCT_NAME,
    FileDescription: `${PRODUCT_NAME}: command line (apex-cert-fix)`,
    CompanyName: COMPANY_NAME,
    ProductVersion: version,
    FileVersion: version,
    OriginalFilename: fileName,
    InternalName: 'apex-cert-fix',
    // The runtime inside is Node.js: its MIT licence asks for the notice to travel with it.
    LegalCopyright: `${COMPANY_NAME}. Includes Node.js ${nodeVersion} (MIT licence, Node.js contributors).`,
  };
}

export function setVersionAndIcon(exe, { version, fileName, nodeVersion, icon }) {
  const pe = ResEdit.NtExecutable.from(readFileSync(exe), { ignoreCert: true });
  const res = ResEdit.NtExecutableResource.from(pe);

  // Replace node.exe's icon group in place (same id and language), so Explorer picks ours.
  const [group] = ResEdit.Resource.IconGroupEntry.fromEntries(res.entries);
  const icons = ResEdit.Data.IconFile.from(readFileSync(icon)).icons.map((i) => i.data);
  ResEdit.Resource.IconGroupEntry.replaceIconsForResource(res.entries, group?.id ?? 1, group?.lang ?? EN_US.lang, icons);

  const [info] = ResEdit.Resource.VersionInfo.fromEntries(res.entries);
  if (!info) throw new Error(`${exe}: no version resource to update`);
  const [major, minor, patch, rev] = numericVersion(version);
  info.setFileVersion(major, minor, patch, rev, EN_US.lang);
  info.setProductVersion(major, minor, patch, rev, EN_US.lang);
  // After the numbers: resedit writes "0.1.0.0" into the strings too; people read package.json's form.
  for (const lang of info.getAllLanguagesForStringValues()) info.removeAllStringValues(lang);
  info.setStringValues(EN_US, versionStrings({ version, fileName, nodeVersion }));
  info.outputToResourceEntries(res.entries);

  res.outputResource(pe);
  writeFileSync(exe, Buffer.from(pe.generate()));
}
