/**
 * Entry of the `efactura` command line. It runs from the sources on Node
 * 22.18+ (type stripping), from `dist/` after `npm run build`, and inside
 * the packaged app through the `efactura` launchers (ELECTRON_RUN_AS_NODE).
 */
import './node-setup.ts';

// Loaded after the setup above, so its warning filter and compile cache apply.
const { runCli } = await import('./program.ts');
process.exitCode = await runCli(process.argv.slice(2));
