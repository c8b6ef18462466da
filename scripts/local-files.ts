import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import { ownValue } from '@domain/own';

/**
 * User files on the local host (CloudBase storage stands in for this when deployed). Anyone can
 * upload anything, so a file is only shown in the page when its first bytes prove it is a raster
 * image; everything else (HTML, SVG, scripts, PDFs…) is a download, never active content on the
 * app's own origin.
 */

const SIGNATURES: Array<{ type: string; test: (head: Buffer) => boolean }> = [
  { type: 'image/png', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: 'image/gif', test: (h) => ['GIF87a', 'GIF89a'].includes(h.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The raster image type a file's first bytes prove, or null (SVG is text and never counts). */
export function sniffImage(head: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(head))?.type ?? null;
}

/** Types a download keeps so the browser opens it with the right program; anything else is bytes. */
const DOWNLOAD_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** A download name the app asked for (`?name=`), reduced to characters safe in a file name. */
function downloadName(requested: string | null, stored: string): string {
  const clean = Array.from(requested ?? '')
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/_+/g, '_')
    .slice(0, 120);
  return clean && path.extname(clean).toLowerCase() === path.extname(stored).toLowerCase() ? clean : stored;
}

/**
 * Serves one stored user file with headers that keep it inert; false when there is no such file.
 * `asName` (a generated PDF's readable name) is only the name the browser saves it under.
 */
export function serveUserFile(res: http.ServerResponse, file: string, asName: string | null = null): boolean {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
  const image = sniffImage(readHead(file));
  const name = downloadName(asName, path.basename(file));
  const ext = path.extname(name).toLowerCase();
  res.writeHead(200, {
    'content-type': image ?? ownValue(DOWNLOAD_TYPES, ext) ?? 'application/octet-stream',
    // A requested name goes in the UTF-8 form (RFC 6266) beside the plain stored one: a Chinese title.
    'content-disposition': image
      ? 'inline'
      : `attachment; filename="${path.basename(file)}"${name !== path.basename(file) ? `; filename*=UTF-8''${encodeURIComponent(name)}` : ''}`,
    'x-content-type-options': 'nosniff',
    // Even if a browser did render it, it gets no scripts, no plugins and no access to the origin.
    'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
    'cache-control': 'private, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
  return true;
}
