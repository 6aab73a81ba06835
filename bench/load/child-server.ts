import type http from 'node:http';

/**
 * The end every comparison server shares (the SQL floor, PostGraphile): listen on PORT (where
 * `bench/load/servers.ts` probes it), and on SIGTERM or SIGINT close, release what it holds and
 * exit.
 */
export async function serveForBenchmark(server: http.Server, release: () => Promise<void>) {
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve),
  );
  const stop = async () => {
    server.close();
    await release();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

/** Runs a server's `main`, exiting with its error if it fails to start. */
export function runServer(main: () => Promise<void>) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
