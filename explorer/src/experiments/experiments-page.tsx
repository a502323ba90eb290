import {
  ExplorerMpuExperimentDocument,
  ExplorerMpuExperimentQuery,
  ExplorerMpuExperimentsDocument,
  ExplorerMpuExperimentsQuery,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { formatDay } from "../shared/format";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { formatPercent, formatPoints, formatPValue, liftAxis, liftX } from "./experiments.logic";

type Report = ExplorerMpuExperimentQuery["mpuExperiment"];
type Experiment = ExplorerMpuExperimentsQuery["mpuExperiments"][number];

/** MPU experiments (issue 16): one experiment's report, or a unit's experiments. */
export function ExperimentsPage(props: { id: string | null; mpu: string | null }) {
  return props.id ? <ReportView id={props.id} /> : <ExperimentList mpu={props.mpu} />;
}

function ExperimentList(props: { mpu: string | null }) {
  const t = useT();
  const mpu = props.mpu;
  const data = useLoad(
    (token, signal) =>
      mpu === null
        ? Promise.resolve(null)
        : runOperation(ExplorerMpuExperimentsDocument, { mpuId: mpu }, token, signal),
    [mpu],
  );
  return (
    <section aria-labelledby="experiments-title">
      <h1 id="experiments-title">{t("experimentsTitle")}</h1>
      {mpu === null && <Empty text={t("experimentsPickUnit")} />}
      {mpu !== null && data.state === "loading" && <Loading />}
      {mpu !== null && data.state === "error" && <ErrorMessage error={data.error} retry={data.retry} />}
      {mpu !== null && data.state === "done" && data.data !== null && (
        <ExperimentTable experiments={data.data.mpuExperiments} />
      )}
    </section>
  );
}

function ExperimentTable(props: { experiments: Experiment[] }) {
  const t = useT();
  if (props.experiments.length === 0) return <Empty text={t("experimentsEmpty")} />;
  return (
    <table class="grid" data-testid="experiments">
      <thead>
        <tr>
          <th scope="col">{t("experiment")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("primaryOutcome")}</th>
          <th scope="col">{t("startedAt")}</th>
          <th scope="col">{t("horizon")}</th>
          <th scope="col">{t("arms")}</th>
        </tr>
      </thead>
      <tbody>
        {props.experiments.map((e) => (
          <tr key={e.id}>
            <td>
              <Link href={href({ page: "experiments", id: e.id, mpu: e.mpuId })}>{e.id}</Link>
            </td>
            <td>{e.status}</td>
            <td>{outcomeText(e.primaryOutcome)}</td>
            <td>{formatDay(e.startedAt)}</td>
            <td>{formatDay(e.horizon)}</td>
            <td>
              {e.treatmentCount} / {e.controlCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function outcomeText(o: Experiment["primaryOutcome"]): string {
  return o.stage ? `${o.kind} (${o.stage})` : o.field ? `${o.kind} (${o.field})` : o.kind;
}

function ReportView(props: { id: string }) {
  const t = useT();
  const data = useLoad(
    (token, signal) => runOperation(ExplorerMpuExperimentDocument, { id: props.id }, token, signal),
    [props.id],
  );
  return (
    <section aria-labelledby="experiment-title">
      <h1 id="experiment-title">
        {t("experimentTitle")} <small>{props.id}</small>
      </h1>
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorMessage error={data.error} retry={data.retry} />}
      {data.state === "done" && <ReportBody report={data.data.mpuExperiment} />}
    </section>
  );
}

const VERDICT_KEYS = {
  NOT_ENOUGH_DATA: "verdictNotEnoughData",
  SIGNIFICANT_LIFT: "verdictLift",
  SIGNIFICANT_DROP: "verdictDrop",
  NO_SIGNIFICANT_DIFFERENCE: "verdictNoDifference",
} as const;

function ReportBody(props: { report: Report }) {
  const t = useT();
  const r = props.report;
  const e = r.experiment;
  return (
    <>
      <p class={`verdict verdict-${r.verdict.toLowerCase()}`} data-testid="verdict">
        <strong>{t(VERDICT_KEYS[r.verdict])}</strong>
      </p>
      <p data-testid="summary">{r.summary}</p>
      <div class="columns">
        <section class="card" aria-labelledby="arms-title">
          <h2 id="arms-title">{t("arms")}</h2>
          <table class="grid" data-testid="arms">
            <thead>
              <tr>
                <th scope="col">{t("arm")}</th>
                <th scope="col">n</th>
                <th scope="col">{t("successes")}</th>
                <th scope="col">{t("rate")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("treatment")}</th>
                <td>{r.treatment.n}</td>
                <td>{r.treatment.successes}</td>
                <td>{formatPercent(r.treatment.rate)}</td>
              </tr>
              <tr>
                <th scope="row">{t("control")}</th>
                <td>{r.control.n}</td>
                <td>{r.control.successes}</td>
                <td>{formatPercent(r.control.rate)}</td>
              </tr>
            </tbody>
          </table>
        </section>
        <section class="card" aria-labelledby="effect-title">
          <h2 id="effect-title">{t("effect")}</h2>
          <dl class="definition" data-testid="effect">
            <dt>{t("absoluteLift")}</dt>
            <dd>
              {formatPoints(r.absoluteLift)}
              {r.absoluteLiftInterval &&
                ` (95% CI ${formatPoints(r.absoluteLiftInterval.lower)} … ${formatPoints(r.absoluteLiftInterval.upper)})`}
            </dd>
            <dt>{t("relativeLift")}</dt>
            <dd>
              {formatPoints(r.relativeLift).replace(" pp", "%")}
              {r.relativeLiftInterval &&
                ` (95% CI ${formatPoints(r.relativeLiftInterval.lower).replace(" pp", "%")} … ${formatPoints(
                  r.relativeLiftInterval.upper,
                ).replace(" pp", "%")})`}
            </dd>
            <dt>{t("testUsed")}</dt>
            <dd>{r.test === null ? "–" : t(r.test === "Z_TEST" ? "zTest" : "fisherTest")}</dd>
            <dt>p</dt>
            <dd>{formatPValue(r.pValue)}</dd>
            <dt>{t("horizon")}</dt>
            <dd>
              {formatDay(e.horizon)} · {t(r.horizonPassed ? "horizonPassed" : "horizonAhead")}
            </dd>
            {r.bound && r.bound.looks > 1 && (
              <>
                <dt>{t("look")}</dt>
                <dd>
                  {r.bound.look} / {r.bound.looks} · p ≤ {r.bound.nominalAlpha.toPrecision(3)}
                </dd>
              </>
            )}
          </dl>
          {r.absoluteLift !== null && r.absoluteLiftInterval && (
            <LiftChart
              lift={r.absoluteLift}
              lower={r.absoluteLiftInterval.lower}
              upper={r.absoluteLiftInterval.upper}
            />
          )}
        </section>
      </div>
      <p>
        <Link href={href({ page: "experiments", id: null, mpu: e.mpuId })}>{t("experimentsOfUnit")}</Link>
      </p>
    </>
  );
}

const CHART_WIDTH = 420;

/** The absolute lift and its 95% interval on an axis centred on no difference. */
function LiftChart(props: { lift: number; lower: number; upper: number }) {
  const t = useT();
  const range = liftAxis([props.lift, props.lower, props.upper]);
  const x = (v: number) => 10 + liftX(v, range, CHART_WIDTH);
  return (
    <svg
      width={CHART_WIDTH + 20}
      height={56}
      role="img"
      aria-label={t("liftChart")}
      data-testid="lift-chart"
      class="lift-chart"
    >
      <line x1={x(0)} x2={x(0)} y1={4} y2={36} stroke="#4a5361" stroke-dasharray="3 3" />
      <line x1={x(props.lower)} x2={x(props.upper)} y1={20} y2={20} stroke="#1b1f24" stroke-width="2" />
      <line x1={x(props.lower)} x2={x(props.lower)} y1={14} y2={26} stroke="#1b1f24" stroke-width="2" />
      <line x1={x(props.upper)} x2={x(props.upper)} y1={14} y2={26} stroke="#1b1f24" stroke-width="2" />
      <circle cx={x(props.lift)} cy={20} r={5} fill="#1f6feb" />
      {[-range, 0, range].map((tick) => (
        <text key={tick} x={x(tick)} y={52} font-size="10" text-anchor="middle" fill="#4a5361">
          {formatPoints(tick)}
        </text>
      ))}
    </svg>
  );
}
