import { useMemo } from "preact/hooks";
import {
  ExplorerAccount360Document,
  ExplorerAccount360Query,
  ExplorerAccountHealthDocument,
  ExplorerAccountHealthQuery,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useLang, useT } from "../i18n/i18n";
import { ATTRIBUTION, href } from "../routing/routes";
import { formatDay, formatNumber, formatScore } from "../shared/format";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { ExplanationTree } from "./explanation-tree";
import { HealthHistoryChart } from "./health-history-chart";
import { SignalsTimeline } from "./signals-timeline";

type Account = NonNullable<ExplorerAccount360Query["account"]>;

export function AccountPage(props: { id: string }) {
  const t = useT();
  const account = useLoad(
    (token, signal) => runOperation(ExplorerAccount360Document, { id: props.id }, token, signal),
    [props.id],
  );
  const health = useLoad(
    (token, signal) => runOperation(ExplorerAccountHealthDocument, { id: props.id }, token, signal),
    [props.id],
  );
  if (account.state === "loading") return <Loading />;
  if (account.state === "error") return <ErrorMessage error={account.error} retry={account.retry} />;
  const a = account.data.account;
  if (!a) return <Empty text={t("notFound")} />;
  return (
    <article class="account" aria-labelledby="account-title">
      <p>
        <Link href={href({ page: "search", q: "", industry: null, segment: null, region: null })}>← {t("back")}</Link>
        {" · "}
        <Link href={href({ page: "graph", node: a.id })}>{t("openGraph")}</Link>
        {" · "}
        <Link href={href({ page: "customer", id: a.id })}>{t("openIdentities")}</Link>
        {" · "}
        <Link href={href({ page: "contracts", account: a.id, id: null })}>{t("openContracts")}</Link>
        {" · "}
        <Link href={href({ page: "lineage", id: a.id, field: "health", maxNodes: null })}>{t("openLineage")}</Link>
        {" · "}
        <Link href={href({ page: "anchors", id: null, top: ATTRIBUTION.top, weeks: ATTRIBUTION.weeks })}>
          {t("openAnchors")}
        </Link>
      </p>
      <h1 id="account-title">{a.name}</h1>
      <div class="columns">
        <Attributes account={a} />
        <section class="card" aria-labelledby="health-now" data-testid="health-now">
          <h2 id="health-now">{t("healthNow")}</h2>
          {health.state === "loading" && <Loading />}
          {health.state === "error" && <ErrorMessage error={health.error} retry={health.retry} />}
          {health.state === "done" && <HealthNow health={health.data} />}
        </section>
      </div>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t("healthHistory")}</h2>
        {a.healthHistory.length === 0 ? (
          <Empty text={t("historyEmpty")} />
        ) : (
          <HealthHistoryChart history={a.healthHistory} bands={account.data.healthModel.bands} />
        )}
      </section>
      {health.state === "done" && health.data.account?.health && (
        <section class="card" aria-labelledby="explanation-title" data-testid="explanation">
          <h2 id="explanation-title">{t("explanation")}</h2>
          <ExplanationTree lines={health.data.account.health.explanation} />
        </section>
      )}
      <section class="card" aria-labelledby="signals-title">
        <h2 id="signals-title">{t("signalsTimeline")}</h2>
        <p class="hint">{t("signalsCaption", { count: a.signals.totalCount, shown: a.signals.edges.length })}</p>
        {a.signals.edges.length === 0 ? (
          <Empty text={t("none")} />
        ) : (
          <SignalsTimeline signals={a.signals.edges.map((e) => e.node)} />
        )}
      </section>
      <Lists account={a} />
    </article>
  );
}

function Attributes(props: { account: Account }) {
  const t = useT();
  const lang = useLang();
  const a = props.account;
  const rows: Array<[string, string]> = [
    [t("industry"), a.industry ?? "–"],
    [t("segment"), a.segment ?? "–"],
    [t("region"), a.region ?? "–"],
    [t("annualRevenue"), formatNumber(a.annualRevenue, lang)],
    [t("sourceSystem"), a.sourceSystem],
    [t("externalId"), a.externalId],
    [t("firstSeen"), formatDay(a.firstSeenAt)],
    [t("lastUpdated"), formatDay(a.lastUpdatedAt)],
  ];
  return (
    <section class="card" aria-labelledby="attributes-title">
      <h2 id="attributes-title">{t("attributes")}</h2>
      <dl class="attributes">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function HealthNow(props: { health: ExplorerAccountHealthQuery }) {
  const t = useT();
  const h = props.health.account?.health;
  if (!h) return <Empty text={t("noScore")} />;
  return (
    <div class="health-now">
      <p class="big">
        <span data-testid="health-score">{formatScore(h.score)}</span>
        <span class={`grade grade-${h.grade ?? "none"}`} data-testid="health-grade">
          {h.grade ?? t("noScore")}
        </span>
      </p>
      <p>
        {t("confidence")}: {Math.round(h.confidence * 100)}%{h.lowConfidence ? ` · ${t("lowConfidence")}` : ""}
      </p>
    </div>
  );
}

function Lists(props: { account: Account }) {
  const t = useT();
  const lang = useLang();
  const a = props.account;
  return (
    <>
      <RecordTable
        title={`${t("contacts")} (${a.contacts.totalCount})`}
        headers={[t("name"), t("title"), t("buyingRole"), t("email")]}
        rows={a.contacts.edges.map(({ node: c }) => [c.name, c.title ?? "–", c.buyingRole ?? "–", c.email ?? "–"])}
      />
      <RecordTable
        title={`${t("opportunities")} (${a.opportunities.totalCount})`}
        headers={[t("name"), t("stage"), t("amount"), t("closeDate")]}
        rows={a.opportunities.edges.map(({ node: o }) => [
          o.name ?? "–",
          o.stage,
          `${formatNumber(o.amount, lang)} ${o.currency ?? ""}`.trim(),
          formatDay(o.closeDate),
        ])}
      />
      <RecordTable
        title={`${t("assets")} (${a.assets.totalCount})`}
        headers={[t("name"), t("model"), t("serialNumber"), t("installedOn")]}
        rows={a.assets.edges.map(({ node: s }) => [
          s.name,
          s.model ?? "–",
          s.serialNumber ?? "–",
          formatDay(s.installedOn),
        ])}
      />
      <RecordTable
        title={`${t("network")} (${a.network.totalCount})`}
        headers={[t("name"), t("kind"), t("relationship")]}
        rows={a.network.edges.map((e) => [e.node.name, e.node.kind, e.relationship])}
      />
    </>
  );
}

function RecordTable(props: { title: string; headers: string[]; rows: string[][] }) {
  const t = useT();
  const id = useMemo(() => `t-${Math.random().toString(36).slice(2)}`, []);
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <Empty text={t("none")} />
      ) : (
        <table class="grid">
          <thead>
            <tr>
              {props.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
