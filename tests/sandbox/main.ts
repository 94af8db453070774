import { startSandbox } from './server.ts';

const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(1);
}

const sandbox = await startSandbox({ port });
const { ashby, lever, pinpoint } = sandbox.credentials;
// The first four lines are a contract: scripts (the demo, CI helpers) parse them.
console.log(`sandbox ${sandbox.origin}`);
console.log(`ashby key ${ashby.key}`);
console.log(`lever key ${lever.key}`);
console.log(`pinpoint key ${pinpoint.key} subdomain ${pinpoint.subdomain}`);
console.log(`
Chromium:
  --host-resolver-rules="${sandbox.hostResolverRules}"
  --ignore-certificate-errors-spki-list=${sandbox.certificateSpkiHash}
curl:
  curl -k --resolve app.ashbyhq.com:${sandbox.port}:127.0.0.1 https://app.ashbyhq.com:${sandbox.port}/candidates/<id>
  curl -k --resolve api.ashbyhq.com:${sandbox.port}:127.0.0.1 -u ${ashby.key}: -H 'Content-Type: application/json' -d '{}' https://api.ashbyhq.com:${sandbox.port}/apiKey.info
Control API: ${sandbox.origin}/__sandbox/requests, POST /__sandbox/faults, DELETE /__sandbox/faults, POST /__sandbox/reset
Stop with Ctrl+C.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
