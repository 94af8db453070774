/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** The part's bytes as the server read them (the sandbox reads bodies as UTF-8 text). */
  content: string;
}

/** The boundary from a `multipart/form-data; boundary=...` content type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** A small RFC 7578 reader, enough for what browsers' FormData sends; returns undefined for a malformed body. */
export function parseMultipart(body: string, boundary: string): MultipartPart[] | undefined {
  const delimiter = `--${boundary}`;
  if (!body.startsWith(delimiter)) return undefined;
  const closing = body.indexOf(`\r\n${delimiter}--`);
  if (closing === -1) return undefined;
  const sections = body.slice(delimiter.length, closing).split(`\r\n${delimiter}`);
  const parts: MultipartPart[] = [];
  for (const section of sections) {
    if (!section.startsWith('\r\n')) return undefined;
    const headerEnd = section.indexOf('\r\n\r\n');
    if (headerEnd === -1) return undefined;
    const headers = new Map<string, string>();
    for (const line of section.slice(2, headerEnd).split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) return undefined;
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    const contentType = headers.get('content-type');
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(contentType ? { contentType } : {}),
      content: section.slice(headerEnd + 4),
    });
  }
  return parts;
}
