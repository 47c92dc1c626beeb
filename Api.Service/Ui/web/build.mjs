// Bundles the UI into one script and one stylesheet (no CDN, nothing fetched at run time).
// Usage: node build.mjs <output folder>. Ui.targets runs it from `dotnet build`.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: 'src/main.jsx' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: out,
  logLevel: 'warning',
});
await copyFile('index.html', join(out, 'index.html'));
await copyFile('favicon.svg', join(out, 'favicon.svg'));
