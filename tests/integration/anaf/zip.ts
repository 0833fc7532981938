// Reads a downloaded ZIP into memory, for checks on its members.
import yauzl from 'yauzl';

export function unzipEntries(zip: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(zip),
      { lazyEntries: true },
      (error, archive) => {
        if (error || !archive) {
          reject(error ?? new Error('The ZIP could not be opened'));
          return;
        }
        const entries = new Map<string, Buffer>();
        archive.on('entry', (entry: yauzl.Entry) => {
          archive.openReadStream(entry, (streamError, stream) => {
            if (streamError || !stream) {
              reject(
                streamError ?? new Error(`${entry.fileName} could not be read`),
              );
              return;
            }
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('end', () => {
              entries.set(entry.fileName, Buffer.concat(chunks));
              archive.readEntry();
            });
          });
        });
        archive.on('end', () => resolve(entries));
        archive.on('error', reject);
        archive.readEntry();
      },
    );
  });
}
