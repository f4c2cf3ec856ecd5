// Integration and e2e tests talk to a real broker: consumer-group joins take seconds.
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS ?? 120000));
