export default async function globalTeardown() {
  const embedded = (globalThis as { __embeddedTestDatabase?: { stop(): Promise<void> } })
    .__embeddedTestDatabase;
  await embedded?.stop();
}
