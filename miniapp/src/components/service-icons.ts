/**
 * The home page's service icons: white line drawings on a coloured tile, as SVG (a few hundred
 * bytes each, sharp at elderly-mode size) shown through <Image> as a base64 data URL — WeChat's
 * image takes SVG, and a data URL needs no file in the main package and no request. Tile colours
 * are the ones the glyph circles had (white on each ≥ 4.5:1, though the icons are decoration:
 * the service's name is the accessible text).
 */
const tiles: Record<string, { colour: string; body: string }> = {
  // A form with lines and a tick.
  registration: {
    colour: '#a61b1b',
    body: '<rect x="6" y="4" width="12" height="16" rx="2"/><path d="M9 9h6M9 12.5h6M9 16l1.5 1.5L14 15"/>',
  },
  // A card with a portrait and two lines.
  certificates: {
    colour: '#1f5f8b',
    body: '<rect x="3.5" y="6" width="17" height="12" rx="2"/><circle cx="9" cy="11" r="1.8"/><path d="M6.5 15.2c.5-1.3 1.4-2 2.5-2s2 .7 2.5 2M14 10h3.5M14 13.5h3.5"/>',
  },
  // A house with a heart.
  childcare: {
    colour: '#2e6b30',
    body: '<path d="M4 11.5 12 5l8 6.5V19H4z"/><path d="M12 16.5s-3-1.8-3-3.6a1.5 1.5 0 0 1 3-.6 1.5 1.5 0 0 1 3 .6c0 1.8-3 3.6-3 3.6z"/>',
  },
  // A heart held by a hand.
  'special-assistance': {
    colour: '#6b3f8f',
    body: '<path d="M12 12s-4-2.4-4-5a2 2 0 0 1 4-.8 2 2 0 0 1 4 .8c0 2.6-4 5-4 5z"/><path d="M4 15.5h3l3.5 2h5.5l4-3M7 15.5l2.5-1.5h3.5"/>',
  },
  // A map pin.
  'service-points': {
    colour: '#0f6466',
    body: '<path d="M12 20.5s-6-5.6-6-10.2a6 6 0 0 1 12 0c0 4.6-6 10.2-6 10.2z"/><circle cx="12" cy="10.3" r="2.2"/>',
  },
  // A calendar.
  bookings: {
    colour: '#2e5a9b',
    body: '<rect x="4" y="5.5" width="16" height="14" rx="2"/><path d="M4 10h16M8.5 3.5v4M15.5 3.5v4M8 14h3"/>',
  },
  // A speech bubble.
  messages: {
    colour: '#5c5c5c',
    body: '<path d="M4.5 6.5a2 2 0 0 1 2-2h11a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H10l-4 3.5v-3.5h.5a2 2 0 0 1-2-2z"/><path d="M8.5 9.5h7M8.5 12.5h4.5"/>',
  },
};

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of ASCII text: WeChat has no btoa, and the SVG here is ASCII only. */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63);
    out += Number.isNaN(b) ? '=' : alphabet.charAt((n >> 6) & 63);
    out += Number.isNaN(c) ? '=' : alphabet.charAt(n & 63);
  }
  return out;
}

const cache: Record<string, string> = {};

/** The icon of a service as an image URL, or undefined for a service drawn as a glyph instead. */
export function serviceIcon(key: string): string | undefined {
  const tile = tiles[key];
  if (!tile) return undefined;
  cache[key] ??= `data:image/svg+xml;base64,${base64Ascii(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="${tile.colour}"/><g fill="none" stroke="#fff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${tile.body}</g></svg>`,
  )}`;
  return cache[key];
}
