import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL, so one `<Image>` shows it on weapp and h5 alike
 * (no canvas, no `btoa`: the encoder carries its own base64). Level M keeps a
 * certificate's signed payload (~300 characters) scannable from a phone screen.
 */
export function qrDataUrl(text: string, cellSize = 4): { dataUrl: string; modules: number } {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  return { dataUrl: code.createDataURL(cellSize, cellSize * 2), modules: code.getModuleCount() };
}
