// The ceiling of a cached read on this machine: Fastify answering a fixed body of CEILING_BYTES
// bytes, as a cached storefront answer is, with nothing else to do.
import Fastify from 'fastify';

const body = JSON.stringify({ data: 'x'.repeat(Math.max(0, Number(process.env.CEILING_BYTES) - 11)) });
const app = Fastify({ logger: false });
app.get('/', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
