import { useMemo } from "preact/hooks";
import type uPlot from "uplot";
import { useT } from "../i18n/i18n";
import { UplotChart } from "../shared/uplot-chart";
import { gradeBandRanges, historySeries, historyTimeRange } from "./account.logic";

const BAND_COLOURS = ["#fde2e1", "#fdebd3", "#fdf6d3", "#e4f4dc", "#d6efe6"];

/** Stored scores over time as a line over the model's grade bands. */
export function HealthHistoryChart(props: {
  history: ReadonlyArray<{ computedAt: string; score?: number | null }>;
  bands: ReadonlyArray<{ grade: string; min: number }>;
}) {
  const t = useT();
  const data = useMemo(() => historySeries(props.history) as uPlot.AlignedData, [props.history]);
  const options = useMemo<Omit<uPlot.Options, "width">>(() => {
    const ranges = gradeBandRanges(props.bands);
    return {
      height: 220,
      scales: { x: { time: true, range: (_u, min, max) => historyTimeRange(min, max) }, y: { range: [0, 100] } },
      legend: { show: false },
      series: [{}, { label: t("score"), stroke: "#1f5fbf", width: 2, points: { show: true, size: 6 } }],
      axes: [{}, { label: t("score") }],
      hooks: {
        drawClear: [
          (u: uPlot) => {
            const { ctx } = u;
            ctx.save();
            ranges.forEach((band, i) => {
              const top = u.valToPos(band.to, "y", true);
              const bottom = u.valToPos(band.from, "y", true);
              ctx.fillStyle = BAND_COLOURS[i % BAND_COLOURS.length]!;
              ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
              ctx.fillStyle = "#555";
              ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
              ctx.fillText(band.grade, u.bbox.left + 4 * devicePixelRatio, bottom - 4 * devicePixelRatio);
            });
            ctx.restore();
          },
        ],
      },
    };
  }, [props.bands, t("score")]);
  const bandText = gradeBandRanges(props.bands)
    .map((b) => `${b.grade} ${b.from}–${b.to}`)
    .join(", ");
  return (
    <>
      <UplotChart options={options} data={data} label={`${t("healthHistory")}: ${bandText}`} testId="health-history" />
      <p class="hint">{bandText}</p>
    </>
  );
}
