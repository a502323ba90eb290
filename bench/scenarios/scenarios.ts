import { accountByIdScenario } from "./b1-account-by-id.scenario";
import { customer360Scenario } from "./b2-customer-360.scenario";
import { accountsWithContactsScenario } from "./b3-accounts-with-contacts.scenario";
import { bridgeScenario, fieldsMeasuringScenario } from "./b4-ontology-bridge.scenario";
import { accountHealthScenario, accountHealthTopScenario } from "./b5-account-health.scenario";
import { apolloFloorScenario, driverFloorScenario } from "./floors.scenario";
import type { Scenario, ScenarioInputs } from "./scenario";

/** Every timed read scenario, floors first so the anchors are known when the rest is read. */
export function readScenarios(inputs: ScenarioInputs): Scenario[] {
  return [
    driverFloorScenario(),
    apolloFloorScenario(),
    accountByIdScenario(inputs),
    customer360Scenario(inputs),
    accountsWithContactsScenario(inputs),
    fieldsMeasuringScenario(inputs),
    bridgeScenario(inputs),
    accountHealthScenario(inputs),
    accountHealthTopScenario(inputs),
  ];
}
