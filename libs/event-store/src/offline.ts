// What the browser imports (`@selter/event-store/offline`): the bundle checks and their WebCrypto
// driver, free of Node built-ins and of the store.
export * from './bundle-verify';
export * from './bundle-verify-run';
