/** One part of a multipart/form-data body: a text field, or a file when it carries a filename. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  value: string;
}

/**
 * Reads a multipart/form-data body as the sandbox server hands it over (already decoded as UTF-8). Returns undefined
 * when the content type has no boundary or the body is not framed by it.
 */
export function parseMultipart(contentType: string, body: string): MultipartPart[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const delimiter = `--${marker}`;
  if (!body.startsWith(delimiter)) return undefined;
  const parts: MultipartPart[] = [];
  for (const chunk of body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd === -1) return undefined;
    const headers = chunk.slice(2, headerEnd);
    // Each part ends with the CRLF that precedes the next delimiter.
    const value = chunk.slice(headerEnd + 4).replace(/\r\n$/, '');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({
      name,
      value,
      ...(filename !== undefined ? { filename } : {}),
      ...(partType ? { contentType: partType } : {}),
    });
  }
  return parts;
}
