// Builds the standalone verifier: ONE static HTML file with the verification inlined (the same
// module the CLI runs, here on WebCrypto), for an auditor to save and open without Node or a
// server. Written to apps/web/dist/verifier.html (served by the API under /console/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const WEB = resolve(__dirname, '..');

type ViteOutput = { output: Array<{ code?: string }> } | object;

/** The verifier's HTML, script inlined: no request leaves it (no script, style or font from anywhere). */
export async function buildVerifierHtml(): Promise<string> {
  // Vite is ESM-only, and the repository type-checks with Node10 resolution: import it at run time, typed here.
  const vite = 'vite';
  const { build } = (await import(vite)) as { build(config: object): Promise<ViteOutput | ViteOutput[]> };
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    root: WEB,
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(WEB, 'src/features/audit/offline/standalone.ts'),
        formats: ['iife'],
        name: 'SelterVerifier',
      },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const code = chunks.map((c) => c.code ?? '').join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'none'">
<title>Verifikasi bundel bukti Selter / Selter evidence bundle verification</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}[data-ok=true] h2{color:#1b6e2a}[data-ok=false] h2{color:#b00020}li{margin:.5rem 0}</style>
</head>
<body>
<main id="verifier"></main>
<script>${code.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

// `node scripts/run.cjs apps/web/tools/build-verifier.ts [out.html]` (default apps/web/dist/verifier.html).
if (process.argv[1] === __filename) {
  const out = resolve(process.argv[2] ?? join(WEB, 'dist', 'verifier.html'));
  void buildVerifierHtml().then((html) => {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, html);
    process.stdout.write(`wrote ${out} (${html.length} bytes)\n`);
  });
}
