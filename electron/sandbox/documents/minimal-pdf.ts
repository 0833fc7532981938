// A small one-page PDF written synchronously, for the attachments embedded in
// seeded invoices (pdfkit only produces its output asynchronously). The text
// uses the standard Helvetica font, so it must stay within ASCII.

function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}

/** Builds a valid PDF 1.4 file with one text line per entry of `lines`. */
export function buildMinimalPdf(lines: string[]): Buffer {
  if (lines.some((line) => /[^\x20-\x7e]/.test(line))) {
    throw new Error('buildMinimalPdf() writes ASCII text only');
  }
  const content =
    'BT /F1 12 Tf 72 770 Td 16 TL ' +
    lines.map((line) => `(${escapePdfText(line)}) Tj T*`).join(' ') +
    ' ET';

  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];

  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });

  const xrefOffset = Buffer.byteLength(body, 'latin1');
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, space,
  // 5-digit generation, space, type, space and newline.
  const entries = offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  body +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}` +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
