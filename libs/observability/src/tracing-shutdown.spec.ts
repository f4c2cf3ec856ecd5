import { NestFactory } from '@nestjs/core';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { initTracing, TracingShutdownModule } from './tracing';

describe(TracingShutdownModule.name, () => {
  it("stops the process's tracer provider when the app shuts down", async () => {
    const exporter = new InMemorySpanExporter();
    const stopped = jest.spyOn(exporter, 'shutdown');
    initTracing('shutdown-spec', { exporter });
    const app = await NestFactory.createApplicationContext(TracingShutdownModule, { logger: false });
    expect(stopped).not.toHaveBeenCalled();
    await app.close();
    expect(stopped).toHaveBeenCalledTimes(1);
  });
});
