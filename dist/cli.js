#!/usr/bin/env node
// The image-gate CLI (package.json bin); the bundle is dist/cli/index.js.
import './cli/index.js';
