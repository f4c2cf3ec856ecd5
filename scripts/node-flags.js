// V8 flags every service process runs with (scripts/start.js, the benchmarks' service
// processes; the Dockerfile's CMD repeats them). A larger young generation: the services
// allocate many short-lived objects per record and request (parsed JSON, rows, Kafka
// buffers), and with V8's default 16 MiB semi-space they pay a scavenge every few
// milliseconds under load; 32 MiB halves those pauses' count for at most ~48 MiB more memory.
// Measured in A/B runs on this project's 2-core machine: about 5-10 % less service CPU per
// report (ingest batch, correlation engine and end to end).
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=32'];

module.exports = { SERVICE_NODE_FLAGS };
