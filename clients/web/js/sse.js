// Server-Sent Events read from a fetch() body, for streams that need a header EventSource cannot send
// (the console's Authorization). Parses the event stream format of the HTML standard: fields `event` and `data`
// (several data lines joined by \n), comments skipped, any of CRLF, LF or CR ending a line.

/**
 * Yields each event of a response body as it arrives; returns when the stream ends.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {AsyncGenerator<{event: string, data: string}>}
 */
export async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = 'message';
  let data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = lineEnd(buffer)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(buffer[end] === '\r' && buffer[end + 1] === '\n' ? end + 2 : end + 1);
        if (line === '') {
          if (data.length > 0) yield { event, data: data.join('\n') };
          event = 'message';
          data = [];
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

// The end of the first complete line, or -1. A CR as the buffer's last character waits for the next chunk, which
// may start with the LF of the same CRLF.
function lineEnd(buffer) {
  const lf = buffer.indexOf('\n');
  const cr = buffer.indexOf('\r');
  if (cr < 0 || (lf >= 0 && lf < cr)) return lf;
  return cr + 1 < buffer.length ? cr : -1;
}
