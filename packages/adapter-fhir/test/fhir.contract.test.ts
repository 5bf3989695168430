import { runAdapterContract } from '@pxm/adapter-testkit';
import { createFhirAdapter } from '../src/index.js';
import { loadDemoPractice } from './support/demo-practice.js';
import { startFhirServer } from './support/fhir-test-server.js';

runAdapterContract({
  name: 'fhir (medplum fhir-router)',
  skip: {
    referral: 'referrals in FHIR (ServiceRequest, Task) come with the referral inbox; the FHIR adapter has no referral capability yet',
    tests: {
      // The adapter offers eligibility only when the host turns it on for a server that checks it.
      'verifies eligibility where the adapter supports it':
        "Medplum's fhir-router has no CoverageEligibilityRequest/$submit; eligibility is tested against a scripted payer endpoint in eligibility.test.ts",
    },
  },
  async create({ now }) {
    const server = await startFhirServer();
    await loadDemoPractice(server.repo, now);
    let clock = now.getTime();
    const holdTtlMs = 10 * 60_000;
    const adapter = createFhirAdapter({
      baseUrl: server.baseUrl,
      practice: { organization: 'cedar-ridge' },
      now: () => new Date(clock),
      holdTtlMs,
    });
    return {
      adapter,
      holdTtlMs,
      advanceTime: (ms) => {
        clock += ms;
      },
      dispose: () => server.close(),
    };
  },
});
