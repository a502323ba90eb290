import { PlaybookFiring } from "../../domain/automation/playbook-firing";
import { FiringOutcome, FiringSink } from "./firing-sink";

/**
 * The sink used while no actions side is installed (D's FiringService, issue 11): it carries nothing out
 * and says so — every action PROPOSED, waiting, with the reason. The engine still records the firing
 * (`playbookFirings`), so decisions, dedupe, breakers and stats work without the actions side.
 */
export class PendingFiringSink implements FiringSink {
  carryOut(firing: PlaybookFiring): Promise<FiringOutcome> {
    return Promise.resolve({
      firingId: firing.firingId,
      status: "PROPOSED",
      actions: firing.actions.map((action, index) => ({
        index,
        kind: action.kind,
        status: "PROPOSED",
        reason: "No actions side is installed in this server yet; the firing is recorded and waits.",
      })),
      auditSeqs: [],
    });
  }
}
