'use strict';
// Loads the native addon built by scripts/build.js (cargo build + copy to ../lex.node).
const path = require('node:path');

const file = process.env.LEX_NODE_ADDON || path.join(__dirname, '..', 'lex.node');

function load() {
  try {
    return require(file);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND') {
      const dir = path.dirname(path.dirname(__filename));
      throw new Error(
        `lex: the native addon ${file} is not built; run "npm run build" in ${dir} (needs Rust and cargo)`,
      );
    }
    throw e;
  }
}

module.exports = load();
