import { useState } from "preact/hooks";
import { ExplorerHealthOverviewDocument, ExplorerHealthOverviewQuery, HealthGroupBy } from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { formatScore } from "../shared/format";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { downDrivers, scaleX } from "./health.logic";

type Group = ExplorerHealthOverviewQuery["healthDistribution"][number];

const WIDTH = 520;
const ROW = 26;
const LABEL = 170;

/** Health across the tenant: score distributions per group (box plots), the at-risk list, its drivers. */
export function HealthPage() {
  const t = useT();
  const [groupBy, setGroupBy] = useState<HealthGroupBy>("INDUSTRY");
  const data = useLoad(
    (token, signal) => runOperation(ExplorerHealthOverviewDocument, { groupBy, atRisk: 25 }, token, signal),
    [groupBy],
  );
  return (
    <section aria-labelledby="health-title">
      <h1 id="health-title">{t("healthOverview")}</h1>
      <label>
        {t("groupBy")}{" "}
        <select
          value={groupBy}
          onChange={(e) => setGroupBy((e.currentTarget as HTMLSelectElement).value as HealthGroupBy)}
        >
          <option value="INDUSTRY">{t("industry")}</option>
          <option value="SEGMENT">{t("segment")}</option>
          <option value="REGION">{t("region")}</option>
        </select>
      </label>
      {data.state === "loading" && <Loading />}
      {data.state === "error" && <ErrorMessage error={data.error} retry={data.retry} />}
      {data.state === "done" && <Overview data={data.data} />}
    </section>
  );
}

function Overview(props: { data: ExplorerHealthOverviewQuery }) {
  const t = useT();
  const groups = props.data.healthDistribution;
  const atRisk = props.data.atRiskAccounts.edges.map((e) => e.node);
  const drivers = downDrivers(atRisk.map((n) => ({ drivers: n.account.health?.drivers ?? [] })));
  return (
    <>
      <section class="card" aria-labelledby="distribution-title">
        <h2 id="distribution-title">{t("distribution")}</h2>
        {groups.length === 0 ? <Empty text={t("historyEmpty")} /> : <BoxPlots groups={groups} />}
      </section>
      <div class="columns">
        <section class="card" aria-labelledby="at-risk-title" data-testid="at-risk">
          <h2 id="at-risk-title">
            {t("atRisk")} <small>{t("total", { count: props.data.atRiskAccounts.totalCount })}</small>
          </h2>
          {atRisk.length === 0 ? (
            <Empty text={t("none")} />
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">{t("account")}</th>
                  <th scope="col">{t("segment")}</th>
                  <th scope="col">{t("score")}</th>
                  <th scope="col">{t("grade")}</th>
                </tr>
              </thead>
              <tbody>
                {atRisk.map((n) => (
                  <tr key={n.account.id}>
                    <td>
                      <Link href={href({ page: "account", id: n.account.id })}>{n.account.name}</Link>
                    </td>
                    <td>{n.account.segment ?? "–"}</td>
                    <td>{formatScore(n.health.score)}</td>
                    <td>{n.health.grade ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card" aria-labelledby="drivers-title" data-testid="risk-drivers">
          <h2 id="drivers-title">{t("riskDrivers")}</h2>
          {drivers.length === 0 ? (
            <Empty text={t("none")} />
          ) : (
            <ul class="plain">
              {drivers.slice(0, 10).map((d) => (
                <li key={d.conceptId}>
                  <strong>{d.conceptId}</strong> · {t("driverAccounts", { count: d.accounts })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** One box per group: whiskers p10-p90, box p25-p75, a line at the median; the numbers in a table too. */
function BoxPlots(props: { groups: Group[] }) {
  const t = useT();
  const height = props.groups.length * ROW + 24;
  return (
    <>
      <svg
        width={LABEL + WIDTH + 20}
        height={height}
        role="img"
        aria-label={t("distribution")}
        data-testid="health-distribution"
        class="boxplots"
      >
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line
              x1={LABEL + scaleX(tick, WIDTH)}
              x2={LABEL + scaleX(tick, WIDTH)}
              y1={0}
              y2={height - 18}
              stroke="#e6e9ee"
            />
            <text x={LABEL + scaleX(tick, WIDTH)} y={height - 4} font-size="10" text-anchor="middle" fill="#4a5361">
              {tick}
            </text>
          </g>
        ))}
        {props.groups.map((g, i) => {
          const y = i * ROW + 4;
          const x = (v: number | null | undefined) => LABEL + scaleX(v ?? 0, WIDTH);
          return (
            <g key={g.group ?? "none"}>
              <text x={LABEL - 6} y={y + 14} font-size="11" text-anchor="end" fill="#1b1f24">
                {g.group ?? "–"} ({g.scored})
              </text>
              {g.p50 !== null && g.p50 !== undefined && (
                <>
                  <line x1={x(g.p10)} x2={x(g.p90)} y1={y + 10} y2={y + 10} stroke="#4a5361" />
                  <rect
                    x={x(g.p25)}
                    y={y + 2}
                    width={Math.max(1, x(g.p75) - x(g.p25))}
                    height={16}
                    fill="#cfe0f7"
                    stroke="#1f5fbf"
                  />
                  <line x1={x(g.p50)} x2={x(g.p50)} y1={y + 2} y2={y + 18} stroke="#14213d" stroke-width="2" />
                </>
              )}
            </g>
          );
        })}
      </svg>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t("group")}</th>
            <th scope="col">{t("accounts")}</th>
            <th scope="col">p25</th>
            <th scope="col">p50</th>
            <th scope="col">p75</th>
            <th scope="col">{t("grade")}</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={g.group ?? "none"}>
              <td>{g.group ?? "–"}</td>
              <td>
                {g.scored} / {g.accounts}
              </td>
              <td>{formatScore(g.p25)}</td>
              <td>{formatScore(g.p50)}</td>
              <td>{formatScore(g.p75)}</td>
              <td>{g.grades.map((c) => `${c.grade}: ${c.count}`).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
