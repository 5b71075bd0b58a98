#!/usr/bin/env node
'use strict';
// Builds the native addon with cargo and installs it next to index.js as `lex.node`, which
// lib/native.js prefers: the development build of a checkout (`npm run build`, `make
// node-addon`). The published packages carry no install script: their addon is prebuilt in
// `lexedi-linux-x64-gnu` (`make dist`).
// Usage: node scripts/build.js [--profile release|dev]   (default: release, or $LEX_NODE_PROFILE)
// Plain cargo instead of @napi-rs/cli: it needs nothing from npm at install time, and the
// crate lives in the repository's Cargo workspace, whose target/ it shares.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const pkgDir = path.resolve(__dirname, '..');
const root = path.resolve(pkgDir, '..');
const argv = process.argv.slice(2);
const i = argv.indexOf('--profile');
const profile = (i >= 0 ? argv[i + 1] : undefined) || process.env.LEX_NODE_PROFILE || 'release';

if (!fs.existsSync(path.join(root, 'Cargo.toml'))) {
  console.error(
    `lex: expected the lex Cargo workspace at ${root}; install the package from a checkout of the repository`,
  );
  process.exit(1);
}

const cargo = process.env.CARGO || 'cargo';
const r = spawnSync(cargo, ['build', '--quiet', '-p', 'lex-node', '--profile', profile], {
  cwd: root,
  stdio: 'inherit',
});
if (r.error) {
  console.error(`lex: could not run ${cargo} (${r.error.message}); the package needs Rust and cargo to build`);
  process.exit(1);
}
if (r.status !== 0) process.exit(r.status || 1);

const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(root, process.env.CARGO_TARGET_DIR)
  : path.join(root, 'target');
const outDir = path.join(targetDir, profile === 'dev' ? 'debug' : profile);
const lib = { darwin: 'liblex_node.dylib', win32: 'lex_node.dll' }[process.platform] || 'liblex_node.so';
const from = path.join(outDir, lib);
const to = path.join(pkgDir, 'lex.node');
// Copy then rename: a process that has the old addon loaded keeps a valid mapping.
const tmp = `${to}.${process.pid}.tmp`;
fs.copyFileSync(from, tmp);
fs.renameSync(tmp, to);
