import * as fs from 'fs';
import * as path from 'path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * PDFs the functions hand out (reminder slips, approval records): pdf-lib with the Chinese font
 * embedded and subset at generation time to the characters of each document, so a file stays small
 * whatever it says. The full font (Noto Sans SC Regular, SIL OFL) is not in any bundle:
 * `npm run build:functions` copies it next to each bundle that makes PDFs (`FUNCTION_FILES`) as
 * `NotoSansSC-Regular.ttf`, and locally it is read from the npm package.
 */
export const FONT_FILE = 'NotoSansSC-Regular.ttf';
const NPM_FONT = ['@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'].join('/');

let fontBytes: Buffer | null = null;
export function pdfFont(): Buffer {
  if (fontBytes) return fontBytes;
  const beside = path.join(__dirname, FONT_FILE);
  // A computed specifier: esbuild must not try to bundle a 10 MB font.
  const file = fs.existsSync(beside) ? beside : require.resolve(NPM_FONT);
  fontBytes = fs.readFileSync(file);
  return fontBytes;
}

/** A new document with its metadata and the subset font ready to draw with. */
export async function createPdf(title: string): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setCreator('物业业委会沟通协调');
  const font = await doc.embedFont(pdfFont(), { subset: true });
  return { doc, font };
}

export const A4: [number, number] = [595.28, 841.89];
export const A5: [number, number] = [420, 595];
export const INK = rgb(0.1, 0.1, 0.1);

/**
 * Breaks text into lines no wider than `width`. Chinese has no spaces to break at, so any
 * character may end a line; explicit newlines are kept.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const ch of Array.from(para)) {
      if (line && font.widthOfTextAtSize(line + ch, size) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export interface Column {
  title: string;
  /** Share of the table's width. */
  weight: number;
}

/**
 * Top-to-bottom layout on A4 pages: text that wraps, tables whose rows wrap and continue on the
 * next page with the header repeated. Enough for records and lists; not a general typesetter.
 */
export class PdfFlow {
  private page!: PDFPage;
  private y = 0;
  readonly margin = 48;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.newPage();
  }

  get width(): number {
    return A4[0] - 2 * this.margin;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - this.margin;
  }

  private room(height: number): void {
    if (this.y - height < this.margin) this.newPage();
  }

  space(h: number): void {
    this.y -= h;
  }

  text(text: string, opts: { size?: number; center?: boolean; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10.5;
    const indent = opts.indent ?? 0;
    const lineH = size * 1.5;
    for (const line of wrapText(text, this.font, size, this.width - indent)) {
      this.room(lineH);
      const x = opts.center ? this.margin + (this.width - this.font.widthOfTextAtSize(line, size)) / 2 : this.margin + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font: this.font, color: INK });
      this.y -= lineH;
    }
    this.y -= opts.gap ?? 0;
  }

  table(columns: Column[], rows: string[][], size = 9): void {
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (this.width * c.weight) / total);
    const pad = 4;
    const lineH = size * 1.4;
    const drawRow = (cells: string[], header: boolean) => {
      const wrapped = cells.map((c, i) => wrapText(c, this.font, size, widths[i] - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * lineH + 2 * pad;
      // A row taller than a page is cut at the page's end rather than looping forever.
      if (this.y - height < this.margin && this.y < A4[1] - this.margin - 1) {
        this.newPage();
        if (!header)
          drawRow(
            columns.map((c) => c.title),
            true,
          );
      }
      let x = this.margin;
      wrapped.forEach((lines, i) => {
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: widths[i],
          height,
          borderColor: INK,
          borderWidth: 0.6,
          color: header ? rgb(0.93, 0.94, 0.95) : undefined,
        });
        lines.forEach((line, n) => this.page.drawText(line, { x: x + pad, y: this.y - pad - size - n * lineH, size, font: this.font, color: INK }));
        x += widths[i];
      });
      this.y -= height;
    };
    drawRow(
      columns.map((c) => c.title),
      true,
    );
    for (const r of rows) drawRow(r, false);
  }
}
