import { createHash, createPublicKey } from 'node:crypto';
import { generate } from 'selfsigned';

export const sandboxHostnames = [
  'app.ashbyhq.com',
  'api.ashbyhq.com',
  'hire.lever.co',
  'api.lever.co',
  '*.pinpointhq.com',
  'www.linkedin.com',
  // The demo's stand-in for the user's own OpenAI-compatible endpoint.
  'llm.sidecar.test',
];

/**
 * A fresh self-signed certificate for every start, kept in memory only: nothing secret-looking lands in the repo,
 * and Chromium is told to accept it (`--ignore-certificate-errors`) rather than trust a root we would have to install.
 */
export async function createCertificate(): Promise<{ key: string; cert: string; spkiHash: string }> {
  const dnsNames = [...sandboxHostnames, 'localhost'];
  const pems = await generate([{ name: 'commonName', value: 'Sidecar sandbox' }], {
    // EC keys generate in milliseconds, which keeps every test file's server start cheap.
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...dnsNames.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }],
      },
    ],
  });
  // What `--ignore-certificate-errors-spki-list` wants: trusts this one key instead of ignoring every TLS error.
  const spki = createPublicKey(pems.private).export({ type: 'spki', format: 'der' });
  return { key: pems.private, cert: pems.cert, spkiHash: createHash('sha256').update(spki).digest('base64') };
}
