#!/usr/bin/env node
// Entry point of the `flexor` command. The TypeScript sources compile to dist/ on `npm ci`.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
