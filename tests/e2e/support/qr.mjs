// Reading the app's QR codes back, as a phone's camera would.

import jsQR from 'jsqr';
import UPNG from 'upng-js';

/** Decodes the QR code in a PNG (a Buffer), optionally shrunk `shrink` times by averaging. */
export function decodePng(png, shrink = 1) {
  const image = UPNG.decode(png);
  const rgba = new Uint8ClampedArray(UPNG.toRGBA8(image)[0]);
  if (shrink === 1) return jsQR(rgba, image.width, image.height)?.data;
  const [w, h] = [Math.floor(image.width / shrink), Math.floor(image.height / shrink)];
  const small = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < shrink; dy++) {
          for (let dx = 0; dx < shrink; dx++) sum += rgba[((y * shrink + dy) * image.width + x * shrink + dx) * 4 + c];
        }
        small[(y * w + x) * 4 + c] = sum / (shrink * shrink);
      }
    }
  }
  return { data: jsQR(small, w, h)?.data, width: w, height: h };
}
