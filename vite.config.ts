import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig, type Plugin } from 'vite';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const OUT = 'build';

/**
 * Puts the page policy Kit wrote into index.html (with the hash of its inline start-up script) into
 * the Content-Security-Policy header of build/_headers as well, with frame-ancestors, which a meta
 * tag cannot carry. Runs after the adapter has written the site.
 */
function cspHeader(): Plugin {
  return {
    name: 'csp-header',
    apply: 'build',
    buildApp: {
      order: 'post',
      async handler() {
        const page = `${OUT}/index.html`;
        const headers = `${OUT}/_headers`;
        if (!existsSync(page) || !existsSync(headers)) return;
        const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(readFileSync(page, 'utf8'));
        if (!meta) throw new Error('index.html has no content-security-policy meta tag');
        const policy = meta[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
        const text = readFileSync(headers, 'utf8').replace(/^(\s*Content-Security-Policy:).*$/m, `$1 ${policy}; frame-ancestors 'none'`);
        writeFileSync(headers, text);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ pages: OUT, assets: OUT, fallback: 'index.html' }),
      // The SPA's page policy: Kit adds the hash of its inline start-up script to script-src (no
      // 'unsafe-inline' for scripts) and writes it into index.html; cspHeader() copies it into the
      // response header. 'self' in connect-src covers the same-origin progress WebSocket (CSP3).
      csp: {
        mode: 'hash',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:', 'blob:'],
          'connect-src': ['self'],
          'worker-src': ['self', 'blob:'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
        },
      },
    }),
    cspHeader(),
  ],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 2000 },
});
