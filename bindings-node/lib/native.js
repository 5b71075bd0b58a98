'use strict';
// Loads the native addon, in napi-rs's order:
//   1. $LEX_NODE_ADDON (an explicit path);
//   2. ../lex.node, built in a checkout by scripts/build.js (`npm run build`, `make node-addon`);
//   3. the platform package, e.g. `lexedi-linux-x64-gnu`, an optional dependency of the
//      published `lexedi` that npm installs only on its platform, with the prebuilt addon.
const path = require('node:path');
const fs = require('node:fs');

function platformPackage() {
  const { platform, arch } = process;
  if (platform !== 'linux') return `lexedi-${platform}-${arch}`;
  // glibc or musl: napi-rs's test (the process report names the glibc it runs on).
  const header = process.report && process.report.getReport().header;
  const libc = header && header.glibcVersionRuntime ? 'gnu' : 'musl';
  return `lexedi-linux-${arch}-${libc}`;
}

function load() {
  const explicit = process.env.LEX_NODE_ADDON;
  if (explicit) return require(explicit);
  const local = path.join(__dirname, '..', 'lex.node');
  if (fs.existsSync(local)) return require(local);
  const pkg = platformPackage();
  try {
    return require(pkg);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND') {
      throw new Error(
        `lexedi: no native addon for this platform: the optional package ${pkg} is not installed ` +
          `(prebuilt packages exist for linux-x64-gnu only; elsewhere build from a checkout with ` +
          `"npm run build" in bindings-node, which needs Rust)`,
      );
    }
    throw e;
  }
}

module.exports = load();
