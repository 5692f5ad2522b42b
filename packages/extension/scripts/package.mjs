// After rollup: copies the extension's static files into dist and zips dist (for the Chrome Web Store, or for
// IT to unpack and sign). No dependency: a small zip writer over node:zlib.
//   node packages/extension/scripts/package.mjs [dist] [zip]
// @default dist packages/extension/dist, zip <dist>/compagnon-extension.zip (inside dist: git ignores it; the zip
// never contains itself, nor the source maps)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(here, '../src');
export const STATIC_FILES = ['manifest.json', 'options.html', 'options.css', 'managed_schema.json'];
const BUNDLES = ['content.js', 'main-world.js', 'worker.js', 'options.js', 'picker.js'];

/** Copies the static files next to the bundles; throws when a bundle is missing (rollup has not run). */
export function copyStatic(dist) {
  mkdirSync(dist, { recursive: true });
  for (const file of STATIC_FILES) copyFileSync(join(SRC, file), join(dist, file));
  const absent = BUNDLES.filter((b) => !statSync(join(dist, b), { throwIfNoEntry: false }));
  if (absent.length) throw new Error(`${dist} lacks ${absent.join(', ')}: run the rollup build first`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]).sort();
}

/** A zip of every file under `dir` (deflated, fixed timestamps so the same build gives the same bytes). */
export function zipDir(dir, { exclude = () => false } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // 1980-01-01 00:00, the DOS epoch.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file).split(sep).join('/');
    if (exclude(name)) continue;
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, body);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = centrals.length / 2;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

export function packageExtension(dist, zip) {
  copyStatic(dist);
  // Source maps stay out of the published zip (they are in dist for local debugging).
  const bytes = zipDir(dist, { exclude: (name) => name.endsWith('.map') || name.endsWith('.zip') });
  if (zip) {
    mkdirSync(dirname(zip), { recursive: true });
    writeFileSync(zip, bytes);
  }
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? resolve(here, '../dist'));
  const zip = resolve(process.argv[3] ?? join(dist, 'compagnon-extension.zip'));
  const bytes = packageExtension(dist, zip);
  console.log(`extension: ${relative(process.cwd(), dist)} → ${relative(process.cwd(), zip)} (${bytes.length} bytes)`);
}
