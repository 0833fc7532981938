/**
 * The embedded sandbox's client certificates, as it writes them in the
 * data folder: `sandbox/certificates/<name>.pem` and `<name>.p12`, with
 * each PKCS#12 passphrase in `passphrases.json` under the same name.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ClientCertificateFile {
  pfxPath: string;
  passphrase: string;
}

/** Finds the PKCS#12 file and passphrase of the certificate with this serial (hex, any case). */
export function sandboxCertificateFile(
  dataDir: string,
  serial: string,
): ClientCertificateFile {
  const folder = path.join(dataDir, 'sandbox', 'certificates');
  const passphrases = JSON.parse(
    fs.readFileSync(path.join(folder, 'passphrases.json'), 'utf8'),
  ) as Record<string, string>;
  for (const [name, passphrase] of Object.entries(passphrases)) {
    const certificate = new X509Certificate(
      fs.readFileSync(path.join(folder, `${name}.pem`)),
    );
    if (certificate.serialNumber.toLowerCase() === serial.toLowerCase()) {
      return { pfxPath: path.join(folder, `${name}.p12`), passphrase };
    }
  }
  throw new Error(`No certificate in ${folder} has the serial ${serial}.`);
}
