import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-static';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html' }),
      // The SPA's page policy, written by the build into index.html as a meta tag with the hash of
      // Kit's inline start-up script (no 'unsafe-inline' for scripts). Directives a meta tag cannot
      // carry (frame-ancestors) and HSTS are response headers in static/_headers. 'self' in
      // connect-src covers the same-origin progress WebSocket (ws:/wss: to this host, CSP3).
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
  ],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 2000 },
});
