/**
 * `npx tsx scripts/tab-icons.ts`: draws the tab bar icons (首页, 我的; normal and selected) as
 * 81×81 PNGs into miniapp/src/assets/tabbar/. WeChat's tabBar takes only PNG or JPG files, and
 * every byte of them is in the main package (decision 0027), so:
 * - the shapes are SVG here, rasterised by the Chromium the browser tests use (tests/e2e/chromium.ts),
 *   which draws them onto a canvas and hands back the alpha channel;
 * - the PNG is written by hand as a 2-bit indexed image: one colour at 4 levels of opacity
 *   (tRNS), 0.3–0.4 KiB an icon (16 levels took 0.45–0.7 KiB, and showed no difference at the
 *   27 pt WeChat draws a tab icon at; Chromium's own RGBA screenshot ≈ 3 KiB).
 * Running it again gives the same bytes (same shapes, same browser major).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/chromium';

const size = 81;
/** Bits a pixel: 2 gives 4 opacity levels (0, ⅓, ⅔, 1). */
const bits = 2;
const levels = (1 << bits) - 1;
const outDir = resolve(fileURLToPath(new URL('../miniapp/src/assets/tabbar', import.meta.url)));

/** The tab bar's colours in app.config.ts: #4d4d4d normal (7.6:1 on white), #a61b1b selected. */
const colours = { normal: [0x4d, 0x4d, 0x4d], selected: [0xa6, 0x1b, 0x1b] } as const;

/** 24-unit line icons, stroked; the selected one is filled so the state does not rest on colour alone. */
const shapes: Record<string, { normal: string; selected: string }> = {
  home: {
    normal:
      '<path d="M3.5 11 12 4l8.5 7" fill="none" stroke="#000" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>' +
      '<path d="M6 9.5V20h4.5v-5.5h3V20H18V9.5" fill="none" stroke="#000" stroke-width="1.8" stroke-linejoin="round"/>',
    selected:
      '<path d="M3.5 11 12 4l8.5 7" fill="none" stroke="#000" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>' +
      '<path d="M6 9.5 12 4.6l6 4.9V20h-4.5v-5.5h-3V20H6z" fill="#000"/>',
  },
  me: {
    normal:
      '<circle cx="12" cy="8" r="4" fill="none" stroke="#000" stroke-width="1.8"/>' +
      '<path d="M4.5 20.5c.6-4 3.6-6.5 7.5-6.5s6.9 2.5 7.5 6.5z" fill="none" stroke="#000" stroke-width="1.8" stroke-linejoin="round"/>',
    selected:
      '<circle cx="12" cy="8" r="4.9" fill="#000"/>' +
      '<path d="M3.6 21.4c.6-4.6 4-7.6 8.4-7.6s7.8 3 8.4 7.6z" fill="#000"/>',
  },
};

/** Alpha (0–255) of every pixel of one SVG drawn at size×size. */
async function rasterise(page: import('playwright-core').Page, body: string): Promise<number[]> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24">${body}</svg>`;
  return page.evaluate(
    async ({ svg, size }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0, size, size);
      const { data } = context.getImageData(0, 0, size, size);
      return Array.from({ length: size * size }, (_, i) => data[i * 4 + 3] ?? 0);
    },
    { svg, size },
  );
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An indexed PNG of `bits` a pixel: palette entry i is the colour at opacity i/levels. */
export function indexedPng(alpha: number[], rgb: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = bits; // bit depth
  header[9] = 3; // indexed colour
  const palette = Buffer.from(Array.from({ length: levels + 1 }, () => [...rgb]).flat());
  const transparency = Buffer.from(
    Array.from({ length: levels + 1 }, (_, i) => Math.round((i * 255) / levels)),
  );
  const perByte = 8 / bits;
  const rowBytes = Math.ceil(size / perByte);
  const raw = Buffer.alloc((rowBytes + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (rowBytes + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const level = Math.round(((alpha[y * size + x] ?? 0) * levels) / 255);
      const at = row + 1 + Math.floor(x / perByte);
      raw[at] = (raw[at] ?? 0) | (level << (8 - bits * ((x % perByte) + 1)));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('tRNS', transparency),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const [name, states] of Object.entries(shapes)) {
      for (const state of ['normal', 'selected'] as const) {
        const png = indexedPng(await rasterise(page, states[state]), colours[state]);
        const file = join(outDir, state === 'normal' ? `${name}.png` : `${name}-selected.png`);
        writeFileSync(file, png);
        console.log(`${file}: ${png.length} bytes`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
