// Reads a QR code off a page as a phone's camera would: a screenshot of the
// element as it is on screen, drawn on a white quiet zone and decoded by
// jsQR, which runs in the page (evaluated through the DevTools protocol, which
// the page's CSP does not govern, as axe is) so only the text comes back.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator } from 'playwright-core';

const JSQR_SOURCE = readFileSync(createRequire(import.meta.url).resolve('jsqr'), 'utf8');

/** The text a QR code on screen encodes, or null when none can be read. */
export async function readQr(element: Locator): Promise<string | null> {
  await element.waitFor();
  const png = (await element.screenshot()).toString('base64');
  const page = element.page();
  if (!(await page.evaluate(() => 'jsQR' in window))) await page.evaluate(JSQR_SOURCE);
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const pad = 32;
    const canvas = document.createElement('canvas');
    canvas.width = image.width + 2 * pad;
    canvas.height = image.height + 2 * pad;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, pad, pad);
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    const decode = (
      window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
    ).jsQR;
    return decode(data, width, height)?.data ?? null;
  }, png);
}
