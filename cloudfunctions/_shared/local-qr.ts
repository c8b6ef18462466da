import qrcode from 'qrcode-generator';
import type { MiniCodeMaker } from './runtime';

/**
 * Locally there is no WeChat to make a mini-program code: a plain QR code of the link stands in
 * (qrcode-generator: no dependencies, draws a GIF data URL in Node). Only the local runtime uses it,
 * so no deployed bundle carries it.
 */
export const localQrCode: MiniCodeMaker = async ({ link }) => {
  const qr = qrcode(0, 'M');
  qr.addData(link);
  qr.make();
  return { ok: true, kind: 'local', dataUrl: qr.createDataURL(4, 8) };
};
