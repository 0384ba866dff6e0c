#!/usr/bin/env node
// The package's command: the same as `npm run migrate -- ARGS`.
import '../scripts/migrate.mjs'
