export function checkEtransportDeclaration(body: Buffer): string[] { void body; throw new Error('not implemented yet'); }
