/**
 * The layered kernel's WebAssembly module, compiled once per realm (worker, Node process) and synchronously:
 * `new WebAssembly.Module` is allowed in workers and Node for a module this small, so the kernel needs no
 * async start-up. Null where it cannot run, and the kernel falls back to its JavaScript passes:
 * - no WebAssembly, or no 128-bit SIMD (WebAssembly.validate rejects the bytes);
 * - a Content-Security-Policy without 'wasm-unsafe-eval' (compiling throws);
 * - a browser's main thread, which refuses to compile modules over 4 KB synchronously (throws).
 */
import { KERNEL_WASM_BASE64 } from './kernel-bytes.generated';

let cached: WebAssembly.Module | null | undefined;

function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The compiled module, or null where WebAssembly SIMD is unavailable (see above). */
export function kernelModule(): WebAssembly.Module | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (typeof WebAssembly !== 'object') return cached;
  try {
    const bytes = decodeBase64(KERNEL_WASM_BASE64);
    if (WebAssembly.validate(bytes)) cached = new WebAssembly.Module(bytes);
  } catch {
    cached = null;
  }
  return cached;
}
