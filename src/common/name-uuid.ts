import crypto from 'node:crypto';

/** SHA-1 in one call where Node has it (20.12 and later): no hash object per id. */
const sha1: (data: Buffer) => Buffer =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha1', data, 'buffer')
    : (data) => crypto.createHash('sha1').update(data).digest();

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of a namespace and a name). The same name always
 * gives the same id, so a record brought in twice from the same source lands on the same row:
 * the bulk import's idempotency rests on it.
 */
export function nameUuid(namespace: string, name: string): string {
  const bytes = Buffer.allocUnsafe(16 + Buffer.byteLength(name, 'utf8'));
  namespaceBytes(namespace).copy(bytes, 0);
  bytes.write(name, 16, 'utf8');
  const hash = sha1(bytes);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-1 of a text, base64: a compact, stable key for it. */
export const sha1Base64 = (text: string) => sha1(Buffer.from(text, 'utf8')).toString('base64');

const namespaces = new Map<string, Buffer>();

function namespaceBytes(namespace: string): Buffer {
  let bytes = namespaces.get(namespace);
  if (!bytes) {
    bytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    if (bytes.length !== 16) throw new Error(`Not a UUID namespace: ${namespace}`);
    namespaces.set(namespace, bytes);
  }
  return bytes;
}
