import { useState } from "preact/hooks";
import { ValueAnchorDocument, ValueAnchorQuery, ValueAnchorsDocument } from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { ATTRIBUTION, href } from "../routing/routes";
import { navigate } from "../routing/router";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { chartGeometry, formatShare, formatValue, shareWidth, statusTone } from "./anchors.logic";

/** The tenant's value anchors, or one anchor with its series, status and attribution. */
export function AnchorsPage(props: { id: string | null; top: number; weeks: number }) {
  const t = useT();
  return (
    <section aria-labelledby="anchors-title">
      <h1 id="anchors-title">{t("anchorsTitle")}</h1>
      {props.id === null ? (
        <AnchorList />
      ) : (
        <AnchorDetail key={props.id} id={props.id} top={props.top} weeks={props.weeks} />
      )}
    </section>
  );
}

function StatusBadge(props: { status: string }) {
  const t = useT();
  return (
    <span class={`badge ${statusTone(props.status)}`} data-testid="anchor-status" data-status={props.status}>
      {t(`anchorStatus_${props.status as "ON_TRACK" | "AT_RISK" | "MET" | "MISSED"}`)}
    </span>
  );
}

function AnchorList() {
  const t = useT();
  const list = useLoad((token, signal) => runOperation(ValueAnchorsDocument, { first: 100 }, token, signal), []);
  if (list.state === "loading") return <Loading />;
  if (list.state === "error") return <ErrorMessage error={list.error} retry={list.retry} />;
  if (list.data.valueAnchors.length === 0) return <Empty text={t("anchorsEmpty")} />;
  return (
    <table class="grid" data-testid="anchors">
      <caption class="visually-hidden">{t("anchorsTitle")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("anchorName")}</th>
          <th scope="col">{t("anchorMetric")}</th>
          <th scope="col">{t("anchorBaseline")}</th>
          <th scope="col">{t("anchorTarget")}</th>
          <th scope="col">{t("anchorLatest")}</th>
          <th scope="col">{t("anchorDeadline")}</th>
          <th scope="col">{t("anchorStatus")}</th>
        </tr>
      </thead>
      <tbody>
        {list.data.valueAnchors.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={href({ page: "anchors", id: a.id, top: ATTRIBUTION.top, weeks: ATTRIBUTION.weeks })}>
                {a.name}
              </Link>
            </td>
            <td>{a.metric.description}</td>
            <td>{formatValue(a.baseline.value)}</td>
            <td>{formatValue(a.target)}</td>
            <td>{formatValue(a.latest?.value)}</td>
            <td>{a.deadline.slice(0, 10)}</td>
            <td>
              <StatusBadge status={a.status} /> <span class="hint">{a.statusReason}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Anchor = ValueAnchorQuery["valueAnchor"];

function AnchorDetail(props: { id: string; top: number; weeks: number }) {
  const t = useT();
  const data = useLoad(
    (token, signal) =>
      runOperation(ValueAnchorDocument, { id: props.id, top: props.top, weeks: props.weeks }, token, signal),
    [props.id, props.top, props.weeks],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const a = data.data.valueAnchor;
  return (
    <article aria-labelledby="anchor-title" data-testid="anchor">
      <p>
        <Link href={href({ page: "anchors", id: null, top: ATTRIBUTION.top, weeks: ATTRIBUTION.weeks })}>
          ← {t("backToAnchors")}
        </Link>
      </p>
      <h2 id="anchor-title">
        {a.name} <StatusBadge status={a.status} />
      </h2>
      <p data-testid="status-reason">{a.statusReason}</p>
      {a.description && <p class="hint">{a.description}</p>}
      <div class="columns anchor-head">
        <section class="card" aria-labelledby="anchor-definition">
          <h3 id="anchor-definition">{a.metric.description}</h3>
          <dl class="definition">
            <dt>{t("anchorBaseline")}</dt>
            <dd data-testid="anchor-baseline">
              {t("anchorBaselineWindow", {
                value: formatValue(a.baseline.value),
                n: a.baseline.n,
                from: a.baseline.from.slice(0, 10),
                to: a.baseline.to.slice(0, 10),
              })}
            </dd>
            <dt>{t("anchorTarget")}</dt>
            <dd data-testid="anchor-target">
              {formatValue(a.target)} ({a.direction})
            </dd>
            <dt>{t("anchorDeadline")}</dt>
            <dd>{a.deadline.slice(0, 10)}</dd>
            <dt>{t("anchorLatest")}</dt>
            <dd>{a.latest ? `${formatValue(a.latest.value)} · ${a.latest.weekStart} · n ${a.latest.n}` : "–"}</dd>
            <dt>{t("anchorProjection")}</dt>
            <dd data-testid="anchor-projection">
              {t("anchorProjectionLine", {
                value: formatValue(a.projection.valueAtDeadline),
                method: a.projection.method,
                slope: formatValue(a.projection.slopePerWeek),
                points: a.projection.pointsUsed,
              })}
            </dd>
            <dt>{t("anchorOwner")}</dt>
            <dd>
              {a.owner} · v{a.version}
            </dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="anchor-series">
          <h3 id="anchor-series">{t("anchorSeries")}</h3>
          <SeriesChart anchor={a} />
        </section>
      </div>
      <Attribution anchor={a} top={props.top} weeks={props.weeks} />
      <SeriesTable anchor={a} />
    </article>
  );
}

const WIDTH = 560;
const HEIGHT = 220;

/** The weekly series as SVG: values, the baseline (dashed), the target (green), the projection to the deadline. */
function SeriesChart(props: { anchor: Anchor }) {
  const t = useT();
  const a = props.anchor;
  const g = chartGeometry({
    series: a.series,
    baseline: a.baseline.value ?? null,
    target: a.target,
    deadline: a.deadline,
    projection: a.projection.valueAtDeadline ?? null,
    width: WIDTH,
    height: HEIGHT,
  });
  const label = t("anchorSeriesChart", {
    name: a.name,
    baseline: formatValue(a.baseline.value),
    target: formatValue(a.target),
  });
  return (
    <svg
      class="anchor-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-testid="anchor-chart"
    >
      {g.yTicks.map((tick) => (
        <text key={tick.y} x={44} y={tick.y + 4} text-anchor="end" class="tick">
          {formatValue(tick.value)}
        </text>
      ))}
      {g.xLabels.map((l, i) => (
        <text key={l.text} x={l.x} y={HEIGHT - 8} text-anchor={i === 0 ? "start" : "end"} class="tick">
          {l.text}
        </text>
      ))}
      <line x1={g.deadlineX} x2={g.deadlineX} y1={8} y2={HEIGHT - 26} class="deadline" />
      {g.baselineY !== null && <line x1={48} x2={WIDTH - 16} y1={g.baselineY} y2={g.baselineY} class="baseline" />}
      <line x1={48} x2={WIDTH - 16} y1={g.targetY} y2={g.targetY} class="target" />
      {g.projection && (
        <line x1={g.projection.x1} y1={g.projection.y1} x2={g.projection.x2} y2={g.projection.y2} class="projection" />
      )}
      {g.lines.map((points) => (
        <polyline key={points} points={points} class="series" />
      ))}
      {g.dots.map((d) => (
        <circle key={d.weekStart} cx={d.x} cy={d.y} r={3} class="series">
          <title>
            {d.weekStart}: {formatValue(d.value)}
          </title>
        </circle>
      ))}
    </svg>
  );
}

function Attribution(props: { anchor: Anchor; top: number; weeks: number }) {
  const t = useT();
  const a = props.anchor;
  const at = a.attribution;
  const [top, setTop] = useState(String(props.top));
  const [weeks, setWeeks] = useState(String(props.weeks));
  return (
    <section class="card" aria-labelledby="attribution-title" data-testid="attribution">
      <h3 id="attribution-title">{t("attributionTitle")}</h3>
      <form
        class="complete"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href({ page: "anchors", id: a.id, top: Number(top), weeks: Number(weeks) }));
        }}
      >
        <NumberField label={t("attributionTop")} max={ATTRIBUTION.maxTop} value={top} onInput={setTop} />
        <NumberField label={t("attributionWeeks")} max={ATTRIBUTION.maxWeeks} value={weeks} onInput={setWeeks} />
        <button type="submit">{t("attributionApply")}</button>
      </form>
      <p class="hint">
        {t("attributionIntro", {
          from: at.from.slice(0, 10),
          to: at.to.slice(0, 10),
          method: at.method,
          total: formatValue(at.total),
          items: at.items,
        })}
      </p>
      {at.note && <p class="hint">{at.note}</p>}
      {at.groups.length === 0 ? (
        <Empty text={t("attributionEmpty")} />
      ) : (
        <ol class="attribution" data-testid="attribution-groups">
          {at.groups.map((group) => (
            <li key={`${group.dimension}:${group.key}`} data-dimension={group.dimension}>
              <div class="attribution-head">
                <strong data-testid="group-label">{group.label}</strong> <span class="muted">{group.dimension}</span>{" "}
                <span data-testid="group-share">{t("attributionShare", { share: formatShare(group.share) })}</span>
              </div>
              <div class="share-bar" aria-hidden="true">
                <span class="bar" style={{ width: shareWidth(group.share) }} />
              </div>
              <p data-testid="group-finding">{group.finding}</p>
              <details>
                <summary>{t("attributionRecords", { count: group.items, listed: group.recordIds.length })}</summary>
                <ul class="records">
                  {group.recordIds.map((id) => (
                    <li key={id}>
                      <code class="small">{id}</code>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NumberField(props: { label: string; max: number; value: string; onInput: (value: string) => void }) {
  return (
    <label>
      {props.label}{" "}
      <input
        type="number"
        min={1}
        max={props.max}
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}

function SeriesTable(props: { anchor: Anchor }) {
  const t = useT();
  const a = props.anchor;
  return (
    <section class="card" aria-labelledby="series-title">
      <h3 id="series-title">{t("anchorSeries")}</h3>
      <table class="grid" data-testid="anchor-series">
        <caption class="visually-hidden">{t("anchorSeries")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("anchorWeek")}</th>
            <th scope="col">{t("anchorValue")}</th>
            <th scope="col">{t("anchorRecords")}</th>
            <th scope="col">{t("navLineage")}</th>
          </tr>
        </thead>
        <tbody>
          {a.series.map((p) => (
            <tr key={p.weekStart}>
              <td>{p.weekStart}</td>
              <td>{formatValue(p.value)}</td>
              <td>{p.n}</td>
              <td>
                <Link href={href({ page: "lineage", id: a.id, field: p.weekStart, maxNodes: null })}>
                  {t("lineageOpen")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
