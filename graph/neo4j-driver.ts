import neo4j, { Driver } from "neo4j-driver";

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The process's one driver. `neo4j://` URIs route across a cluster; `bolt://` talks to one server.
 * Connectivity is verified before the driver is returned.
 */
export async function openDriver(connection: Neo4jConnection): Promise<Driver> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 30_000,
  });
  try {
    await driver.verifyConnectivity({ database: connection.database });
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
