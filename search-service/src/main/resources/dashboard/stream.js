// A server-sent event stream read with fetch, because EventSource cannot send the Authorization header. It parses the
// text/event-stream format (event, data, id; comments ignored), reconnects by itself with Last-Event-ID after the
// stream ends or fails, and stops for good on a 401 (the sign-in comes back) or when closed.
import { credentials, refused } from './api.js';

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;

export class EventStream {
  constructor(path, { onEvent, onState }) {
    this.path = path;
    this.onEvent = onEvent;
    this.onState = onState;
    this.controller = new AbortController();
    this.lastEventId = '';
    this.retry = RETRY_FIRST_MS;
    this.closed = false;
    this.run();
  }

  close() {
    this.closed = true;
    this.controller.abort();
  }

  async run() {
    while (!this.closed) {
      try {
        await this.read();
        this.retry = RETRY_FIRST_MS;
      } catch (error) {
        if (this.closed) return;
        if (error.status === 401) {
          this.closed = true;
          this.onState('signed-out');
          return;
        }
      }
      if (this.closed) return;
      this.onState('reconnecting');
      await new Promise((resolve) => { window.setTimeout(resolve, this.retry); });
      this.retry = Math.min(RETRY_MAX_MS, this.retry * 2);
    }
  }

  async read() {
    const headers = { Accept: 'text/event-stream', ...(await credentials()) };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    const response = await fetch(this.path, { headers, signal: this.controller.signal, cache: 'no-store' });
    if (response.status === 401) throw refused(await response.json().catch(() => null));
    if (!response.ok || !(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) {
      throw new Error(`the stream answered ${response.status}`);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: '', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop();
      for (const line of lines) event = this.line(line, event);
    }
  }

  line(line, event) {
    if (line === '') {
      if (event.data.length) this.onEvent(event.type || 'message', event.data.join('\n'));
      return { type: '', data: [] };
    }
    if (line.startsWith(':')) return event;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.type = value;
    else if (field === 'data') event.data.push(value);
    else if (field === 'id') this.lastEventId = value;
    return event;
  }
}
