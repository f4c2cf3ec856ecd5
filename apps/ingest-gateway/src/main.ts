import { bootstrapService } from '@app/platform';
import { ingestGatewayService } from './ingest-gateway.service-definition';

void bootstrapService(ingestGatewayService);
