// Small messages shared by the tests.
export const NOW = '2026-04-03T12:00:00Z';

export function lead(overrides = {}) {
  return {
    lex: {
      header: {
        messageId: 'a1b2c3d4-e5f6-4a7b-8c9d-0000000a0001',
        messageType: 'LEAD',
        version: '1.0',
        timestamp: '2026-04-03T10:00:00Z',
        senderId: 'PORTAL-001',
        receiverId: 'DEALER-001',
        ...(overrides.header ?? {}),
      },
      payload: {
        lead: {
          leadId: 'LEAD-N-0001',
          status: 'EXPRESSED_INTEREST',
          source: 'RETAILER_WEBSITE',
          customer: {
            firstName: 'Jane',
            lastName: 'Smith',
            emailAddress: 'jane.smith@example.com',
            phoneNumber: '+14155551234',
          },
          desiredProduct: {
            productType: 'VEHICLE_NEW',
            assetClass: 'VEHICLE',
            make: 'Toyota',
            model: 'Camry',
            year: 2027,
            condition: 'NEW',
          },
          metadata: { createdDate: '2026-04-03T10:00:00Z', countryCode: 'US', language: 'en-US' },
          ...(overrides.lead ?? {}),
        },
      },
    },
  };
}

export const leadText = (overrides) => JSON.stringify(lead(overrides));
