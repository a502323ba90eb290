import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** A uPlot chart sized to its container; rebuilt when its options or data change. */
export function UplotChart(props: {
  options: Omit<uPlot.Options, "width">;
  data: uPlot.AlignedData;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const chart = new uPlot({ ...props.options, width: Math.max(320, element.clientWidth) }, props.data, element);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(320, element.clientWidth), height: props.options.height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props.options, props.data]);
  return <div ref={box} class="chart" role="img" aria-label={props.label} data-testid={props.testId} />;
}
