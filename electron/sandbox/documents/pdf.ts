export async function renderInvoicePdf(body: Buffer): Promise<Buffer> { void body; throw new Error('not implemented yet'); }
