// The download ZIP: `<index>.xml` contains the document bytes unchanged and
// `semnatura_<index>.xml` the Ministry of Finance signature over them.
import yazl from 'yazl';

import { signDetached, signEnveloped } from './signature.ts';
import type { Signer } from './types.ts';

/** Collects a yazl archive into one buffer. */
function collect(zip: yazl.ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Builds the ZIP for an upload index with the signature in the requested shape. */
export async function buildMessageZip(
  uploadIndex: string,
  document: Buffer,
  signer: Signer,
  shape: 'detached' | 'enveloped',
): Promise<Buffer> {
  if (!/^\d+$/.test(uploadIndex)) {
    throw new Error(
      `Invalid upload index "${uploadIndex}": expected digits only`,
    );
  }
  const documentName = `${uploadIndex}.xml`;
  const signature =
    shape === 'detached'
      ? signDetached(document, documentName, signer)
      : signEnveloped(document, signer);
  const zip = new yazl.ZipFile();
  // A fixed modification time keeps the archive bytes independent of the clock.
  const options = { mtime: new Date(Date.UTC(2024, 0, 1)), compress: true };
  zip.addBuffer(document, documentName, options);
  zip.addBuffer(signature, `semnatura_${uploadIndex}.xml`, options);
  const done = collect(zip);
  zip.end();
  return done;
}
