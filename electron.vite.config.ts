import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { encodeBodies } from './src/main/browser-mode/static-files'

/**
 * Writes brotli and gzip copies beside each built asset worth compressing, for browser mode to
 * serve as they are: compressed once here, never on the server's thread pool while it sells.
 */
function precompressAssets(): Plugin {
  return {
    name: 'comptoir-precompress-assets',
    apply: 'build',
    writeBundle(options) {
      const assets = join(options.dir!, 'assets')
      for (const name of readdirSync(assets)) {
        if (/\.(?:br|gz)$/.test(name)) continue
        const file = join(assets, name)
        const { br, gzip } = encodeBodies(readFileSync(file), extname(name))
        if (br && gzip) {
          writeFileSync(`${file}.br`, br)
          writeFileSync(`${file}.gz`, gzip)
        }
      }
    },
  }
}

const shared = resolve(__dirname, 'src/shared')

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      rollupOptions: {
        input: {
          // The Electron shell.
          index: resolve(__dirname, 'src/main/electron/main-entry.ts'),
          // The same services over loopback HTTP, for machines without the Electron binary.
          'browser-mode': resolve(__dirname, 'src/main/browser-mode/browser-mode-entry.ts'),
          // The card issuer as its own process, over mutual TLS.
          issuer: resolve(__dirname, 'src/issuer/issuer-entry.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // A sandboxed preload can require only 'electron': zod and the contract are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { '@shared': shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [vue(), precompressAssets()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
