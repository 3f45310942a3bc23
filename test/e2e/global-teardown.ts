export default async function globalTeardown(): Promise<void> {
  await (globalThis as { e2eSite?: { close(): Promise<void> } }).e2eSite?.close();
}
