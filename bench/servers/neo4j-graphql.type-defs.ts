/**
 * Type definitions for the Neo4j GraphQL Library (v7) over Relata's graph: the same labels, properties
 * and relationship types, so it reads exactly the nodes Relata wrote. The library has no notion of a
 * tenant, so every query filters on the `tenant` property the nodes carry. Enumerations are plain
 * strings (the graph stores their names); the value network is one relationship field per type, since
 * the library has no field over several relationship types. Health snapshots are every stored score of
 * an account; a query asks for the latest of a model with a filter on `latest` and `modelId`.
 */
export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Account @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    name: String!
    industry: String
    segment: String
    region: String
    annualRevenue: Float
    firstSeenAt: DateTime
    lastUpdatedAt: DateTime
    contacts: [Contact!]! @relationship(type: "WORKS_AT", direction: IN)
    opportunities: [Opportunity!]! @relationship(type: "FOR_ACCOUNT", direction: IN)
    assets: [Asset!]! @relationship(type: "INSTALLED_AT", direction: IN)
    partners: [Organization!]! @relationship(type: "PARTNER_OF", direction: IN)
    suppliers: [Organization!]! @relationship(type: "SUPPLIES", direction: IN)
    serviceProviders: [Organization!]! @relationship(type: "SERVICES", direction: IN)
    resellers: [Organization!]! @relationship(type: "RESELLS_TO", direction: IN)
    signals: [Signal!]! @relationship(type: "ABOUT", direction: IN)
    healthScores: [HealthScore!]! @relationship(type: "SCORES", direction: IN)
  }

  type Contact @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    name: String!
    title: String
    email: String
    phone: String
    buyingRole: String
  }

  type Opportunity @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    name: String!
    stage: String!
    amount: Float
    currency: String
    closeDate: String
  }

  type Asset @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    name: String!
    model: String
    serialNumber: String
    installedOn: String
  }

  type Organization @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    name: String!
    kind: String!
    region: String
  }

  type Signal @node {
    id: ID!
    tenant: String!
    sourceSystem: String!
    externalId: String!
    field: String!
    valueType: String!
    numberValue: Float
    stringValue: String
    booleanValue: Boolean
    unit: String
    observedAt: DateTime!
  }

  type HealthScore @node {
    id: ID!
    tenant: String!
    accountId: String!
    modelId: String!
    version: Int!
    latest: Boolean!
    score: Float
    grade: String
    confidence: Float!
    asOf: String
    computedAt: DateTime!
  }
`;
