// The one capped read of a response body, for every HTTP client (registry transport, GitHub API,
// bundle_url, Vault): at most `max` bytes kept, every chunk charged to the byte budget in scope
// (limits.ts), and a longer body cancelled (its connection closed) rather than read to the end.
import { chargeRead } from '../limits.js';

/**
 * A body's first `max` bytes (plus one chunk to detect overflow). Takes a Node stream or a WHATWG
 * ReadableStream alike: leaving the loop early destroys the one and cancels the other. A charge
 * past the budget ends the read with LIMIT_EXCEEDED; `onChunk` runs before each chunk is kept
 * (the registry transport re-arms its idle timer there).
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array>,
  max: number,
  onChunk: () => void = () => undefined,
  what = 'response',
): Promise<{ bytes: Uint8Array; over: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    onChunk();
    // Throwing here leaves the loop, which destroys or cancels the stream.
    chargeRead(chunk.length, what);
    total += chunk.length;
    if (total > max) {
      const kept = max - (total - chunk.length);
      if (kept > 0) chunks.push(chunk.subarray(0, kept));
      return { bytes: concat(chunks, max), over: true };
    }
    chunks.push(chunk);
  }
  return { bytes: concat(chunks, total), over: false };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out.subarray(0, off);
}
