import { stagesCountingFor } from "../../../../domain/experiments/experiment-outcome";
import { experimentChange } from "../../../../domain/experiments/experiment-records";
import { MpuExperiment } from "../../../../domain/experiments/experiment";

describe("which stage arrivals prove a stage was reached", () => {
  it("counts the stage and every later one of the pipeline", () => {
    expect(stagesCountingFor("PROPOSAL")).toEqual(["PROPOSAL", "NEGOTIATION", "CLOSED_WON"]);
    expect(stagesCountingFor("CLOSED_WON")).toEqual(["CLOSED_WON"]);
  });

  it("lets CLOSED_LOST prove only itself", () => {
    expect(stagesCountingFor("CLOSED_LOST")).toEqual(["CLOSED_LOST"]);
    expect(stagesCountingFor("PROSPECTING")).not.toContain("CLOSED_LOST");
  });
});

describe("an experiment's change events", () => {
  const experiment = { id: "mpx_1", mpuId: "mpu-1", status: "CONCLUDED", controlCount: 3, treatmentCount: 4 };

  it("records a stop as the status before and after", () => {
    expect(experimentChange(experiment as MpuExperiment, "RUNNING")).toEqual({
      type: "MPU_EXPERIMENT_CONCLUDED",
      recordId: "mpx_1",
      externalId: null,
      sourceSystem: null,
      changes: [{ field: "status", old: "RUNNING", new: "CONCLUDED" }],
    });
  });

  it("records a start with the unit under test and the arm sizes", () => {
    const started = experimentChange({ ...experiment, status: "RUNNING" } as MpuExperiment, null);
    expect(started.type).toBe("MPU_EXPERIMENT_STARTED");
    expect(started.changes).toContainEqual({ field: "treatmentCount", old: null, new: 4 });
  });
});
