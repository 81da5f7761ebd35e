// Makes build/icon.ico (16-256 px, PNG-in-ICO), build/icon.png and the page's tab icon (32 px, a data:
// address in renderer/index.html) from build/icon.svg with Chromium. The tab icon is inline: fetched
// as a file, it was a request and a decode in the middle of the first screen (`npm run bench`).
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
const svg = readFileSync('build/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const pngs = [];
for (const size of [16, 32, 48, 256]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  pngs.push([size, await page.screenshot({ omitBackground: true })]);
}
await browser.close();
// ICO: header, one directory entry per image, then the PNG data (PNG-in-ICO, Windows Vista+).
const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(pngs.length, 4);
let offset = 6 + 16 * pngs.length;
const dir = []; const data = [];
for (const [size, png] of pngs) {
  const e = Buffer.alloc(16);
  e.writeUInt8(size === 256 ? 0 : size, 0); e.writeUInt8(size === 256 ? 0 : size, 1);
  e.writeUInt16LE(1, 4); e.writeUInt16LE(32, 6); e.writeUInt32LE(png.length, 8); e.writeUInt32LE(offset, 12);
  offset += png.length; dir.push(e); data.push(png);
}
writeFileSync('build/icon.ico', Buffer.concat([header, ...dir, ...data]));
writeFileSync('build/icon.png', pngs.at(-1)[1]);
const tab = `data:image/png;base64,${pngs.find(([size]) => size === 32)[1].toString('base64')}`;
const index = readFileSync('renderer/index.html', 'utf8');
writeFileSync('renderer/index.html', index.replace(/<link rel="icon" href="[^"]*" \/>/, `<link rel="icon" href="${tab}" />`));
