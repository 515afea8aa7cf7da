// Set by scripts/build-cli.ts (esbuild `define`) to the fingerprint of the prepare code it bundled;
// undeclared, so `typeof` reads 'undefined', when the CLI runs from its TypeScript source.
declare const MCPFIX_PREPARE_FINGERPRINT: string | undefined;

/**
 * The fingerprint of the prepare code this CLI runs (scripts/prepare-fingerprint.ts), built into
 * its bundle; null when it runs from source, where nothing vouches that the rules file's prepared
 * tables came from the same code, so the index is prepared at run time.
 */
export const BUILT_PREPARE_FINGERPRINT: string | null = typeof MCPFIX_PREPARE_FINGERPRINT === 'string' ? MCPFIX_PREPARE_FINGERPRINT : null;
