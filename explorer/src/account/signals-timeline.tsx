import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { useT } from "../i18n/i18n";
import { UplotChart } from "../shared/uplot-chart";
import { signalLanes } from "./account.logic";

const COLOURS = ["#1f5fbf", "#c0392b", "#27865f", "#8e44ad", "#d35400", "#2c3e50", "#16a085", "#7f6000"];

/** When each source field sent signals: one lane per field, one dot per signal. */
export function SignalsTimeline(props: {
  signals: ReadonlyArray<{ sourceSystem: string; field: string; observedAt: string }>;
}) {
  const t = useT();
  const lanes = useMemo(() => signalLanes(props.signals), [props.signals]);
  const options = useMemo<Omit<uPlot.Options, "width">>(
    () => ({
      height: Math.max(140, 28 * lanes.fields.length + 60),
      scales: { y: { range: [0, lanes.fields.length + 1] } },
      series: [
        {},
        ...lanes.fields.map((field, i) => ({
          label: field,
          stroke: COLOURS[i % COLOURS.length],
          width: 0,
          points: { show: true, size: 7, fill: COLOURS[i % COLOURS.length] },
        })),
      ],
      axes: [{}, { show: false }],
    }),
    [lanes],
  );
  return (
    <UplotChart
      options={options}
      data={lanes.data as uPlot.AlignedData}
      label={`${t("signalsTimeline")}: ${lanes.fields.join(", ")}`}
      testId="signals-timeline"
    />
  );
}
