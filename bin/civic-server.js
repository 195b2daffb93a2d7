#!/usr/bin/env node
// The reference server's command line (see `civic-server --help`).
import '../dist/server/cli.js';
