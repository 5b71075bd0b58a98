##@ Node.js
# Node.js package `lex` (bindings-node/): napi-rs addon, JS layer, typings, node --test.

NODE_DIR := bindings-node
TEST_TARGETS += test-node

.PHONY: test-node node-deps node-addon

node-deps: ## Install Node.js (from Debian, if missing) and the package's dev dependencies
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
	@test -f $(NODE_DIR)/node_modules/typescript/bin/tsc && test -f $(NODE_DIR)/node_modules/prettier/bin/prettier.cjs || \
	  (cd $(NODE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

node-addon: ## Build the Node.js addon (debug profile) into bindings-node/lex.node
	cd $(NODE_DIR) && CARGO=$(CARGO) node scripts/build.js --profile dev

test-node: node-deps node-addon ## Node.js package: prettier check, type-check index.d.ts, run every node --test suite
	cd $(NODE_DIR) && node node_modules/prettier/bin/prettier.cjs --check --log-level warn .
	cd $(NODE_DIR) && node node_modules/typescript/bin/tsc --noEmit -p test/types
	cd $(NODE_DIR) && RUST_BACKTRACE=0 node --test test/*.test.mjs
