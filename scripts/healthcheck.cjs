#!/usr/bin/env node
// The image's health check (Dockerfile HEALTHCHECK, docker-compose.yml): plain Node, no
// dependencies, no shell tools (the runtime image has no curl). `http://…`: healthy when the URL
// answers 2xx within 4 s; `tcp://host:port`: healthy when a connection opens. Exit 0 or 1.
'use strict';
const net = require('node:net');

const target = process.argv[2] ?? 'http://127.0.0.1:3000/health';
const fail = (why) => {
  process.stderr.write(`unhealthy: ${target}: ${why}\n`);
  process.exit(1);
};
setTimeout(() => fail('no answer within 4 s'), 4000).unref();
const url = new URL(target);
if (url.protocol === 'tcp:') {
  const socket = net.connect(Number(url.port), url.hostname);
  socket.on('connect', () => {
    socket.destroy();
    process.exit(0);
  });
  socket.on('error', (error) => fail(error.message));
} else {
  fetch(url, { signal: AbortSignal.timeout(4000) })
    .then((res) => (res.ok ? process.exit(0) : fail(`HTTP ${res.status}`)))
    .catch((error) => fail(error.message));
}
