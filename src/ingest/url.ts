import { FormatError, InputError } from '../errors.ts';
import type { Doc, DocFormat } from '../types.ts';
import { docFromBytes, type DocOptions } from './doc.ts';
import { DEFAULT_MAX_BYTES, sizeText } from './paths.ts';

/** How to fetch a document. */
export interface UrlOptions extends Omit<DocOptions, 'origin' | 'charset' | 'source'> {
  /** Give up when the whole answer has not arrived within this time (default 30 s). */
  readonly timeoutMs?: number;
  /** Refuse answers larger than this many bytes (default 64 MB), checked while they stream in. */
  readonly maxBytes?: number;
}

const CONTENT_TYPES: Readonly<Record<string, DocFormat>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
};
const EXPECTED = 'expected text/html, text/plain, text/markdown or application/pdf';
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS unavailable)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
};

/**
 * Fetches one document over HTTP(S) and reads it. The format comes from the
 * content type (`text/html`, `text/plain`, `text/markdown`,
 * `application/pdf`; a generic or missing type is sniffed from the bytes and
 * the URL's extension). Only the given URL (and its redirects) is fetched.
 */
export async function docFromUrl(url: string, options: UrlOptions = {}): Promise<Doc> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(url, 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InputError(url, 'only http:// and https:// URLs can be fetched');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(parsed, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf;q=0.9, */*;q=0.1' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new InputError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const [mime = '', ...parameters] = (response.headers.get('content-type') ?? '').split(';').map((p) => p.trim());
    const type = mime.toLowerCase();
    const charset = parameters.map((p) => /^charset=["']?([^"']+)/i.exec(p)?.[1]).find((c) => c !== undefined);
    const generic = type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream';
    const format = options.format ?? CONTENT_TYPES[type];
    if (format === undefined && !generic) {
      await response.body?.cancel();
      throw new InputError(url, `unsupported content-type ${type} (${EXPECTED})`);
    }
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      throw new InputError(url, `response is ${sizeText(length)}, above the ${sizeText(maxBytes, true)} limit for one document`);
    }
    const bytes = await bodyWithin(response, maxBytes, url, controller);
    clearTimeout(timer);
    return await docFromBytes(bytes, nameFromUrl(parsed), {
      ...options,
      ...(format === undefined ? {} : { format }),
      ...(charset === undefined ? {} : { charset }),
      origin: url,
      source: url,
    });
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof InputError) && !(error instanceof FormatError)) {
      throw new InputError(url, `no complete answer within ${timeoutMs / 1000} s (timed out)`, { cause: error });
    }
    if (error instanceof TypeError) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = (cause?.code && NETWORK_ERRORS[cause.code]) ?? cause?.code ?? cause?.message ?? error.message;
      throw new InputError(url, `cannot fetch (${reason})`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function bodyWithin(response: Response, maxBytes: number, url: string, controller: AbortController): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      controller.abort();
      throw new InputError(url, `response is larger than the ${sizeText(maxBytes, true)} limit for one document`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

// The last path segment (`paper.pdf`), else the host.
function nameFromUrl(url: URL): string {
  const segment = url.pathname.split('/').filter((s) => s !== '').at(-1);
  if (segment === undefined) return url.hostname;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
