// The house's plan, checked on every lint (README, "How the code is laid out"): which part of the
// code may import which. Features (src/main/<feature>/) reach each other only through their face
// (index.ts), and take services and readers from it, never a repository; nothing imports upward
// (platform < infrastructure < features < composition root < shells); the issuer is a separate
// party that shares only src/shared and src/platform with the merchant app; no import circles
// anywhere.
import boundaries from 'eslint-plugin-boundaries'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const projects = ['./tsconfig.node.json', './tsconfig.web.json']

const is = (type) => ({ element: { type } })
const anyOf = (...types) => ({ element: { types: { anyOf: types } } })
/** A feature's face: the one file other parts may import from it. */
const face = { element: { type: 'feature', fileInternalPath: 'index.ts' } }
const issuerFace = { element: { type: 'issuer', fileInternalPath: 'index.ts' } }
/**
 * A feature's own code, less the two tools that fill a whole shop's tables the way the composition
 * root builds its repositories: the demo seed and the orders' large-history generator.
 */
const featureCode = {
  element: { type: 'feature', captured: { feature: '!seed' }, fileInternalPath: '!history-generator/**' },
}

export const architecture = [
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: projects, noWarnOnMultipleProjects: true })],
      'import/resolver': { typescript: { project: projects, noWarnOnMultipleProjects: true } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared' },
        { type: 'platform', pattern: 'src/platform' },
        { type: 'issuer', pattern: 'src/issuer' },
        { type: 'shell', pattern: ['src/main/electron', 'src/main/browser-mode'] },
        { type: 'composition', pattern: 'src/main/app' },
        { type: 'infrastructure', pattern: ['src/main/rpc', 'src/main/migrations'] },
        { type: 'feature', pattern: 'src/main/*', capture: ['feature'] },
        { type: 'preload', pattern: 'src/preload' },
        { type: 'renderer', pattern: 'src/renderer' },
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            '{{from.type}} {{from.captured.feature}} may not import {{to.type}} {{to.captured.feature}} {{to.internalPath}}: see "How the code is laid out" in the README',
          policies: [
            // Packages and Node's modules: the runtime rules in eslint.config.mjs say which layer may use which.
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            // Inside one element anything goes.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            { from: is('shared'), allow: { to: is('shared') } },
            { from: is('platform'), allow: { to: anyOf('shared', 'platform') } },
            { from: is('issuer'), allow: { to: anyOf('shared', 'platform') } },
            { from: is('infrastructure'), allow: { to: anyOf('shared', 'platform', 'infrastructure') } },
            { from: is('feature'), allow: { to: [anyOf('shared', 'platform', 'infrastructure'), face] } },
            // Through a face a feature takes services and readers, never a repository: the composition
            // root builds those (and the seed and the history generator, which fill a shop's tables).
            {
              from: featureCode,
              disallow: { to: face, dependency: { specifiers: '*Repository' } },
              message:
                '{{from.type}} {{from.captured.feature}} may not take a repository from feature {{to.captured.feature}}: use the service or reader its face offers, built in the composition root',
            },
            // Payments is the merchant's one door to the issuer (its TLS material, the in-process simulator).
            { from: { element: { type: 'feature', captured: { feature: 'payments' } } }, allow: { to: issuerFace } },
            { from: is('composition'), allow: { to: [anyOf('shared', 'platform', 'infrastructure', 'composition'), face, issuerFace] } },
            { from: is('shell'), allow: { to: [anyOf('shared', 'platform', 'infrastructure', 'composition'), face] } },
            { from: is('preload'), allow: { to: is('shared') } },
            { from: is('renderer'), allow: { to: anyOf('shared', 'renderer') } },
          ],
        },
      ],
    },
  },
]
