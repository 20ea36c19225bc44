import { TextDecoder, TextEncoder } from 'node:util';

// React Router encodes URLs with TextEncoder, which jsdom leaves out.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// What Mantine asks of the browser and jsdom does not have: media queries and element resizing.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoResizeObserver;
window.HTMLElement.prototype.scrollIntoView = () => undefined;
