import { ComponentChildren, Fragment } from "preact";
import { useState } from "preact/hooks";
import { ImpactDocument, LineageDocument, LineageQuery } from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useT } from "../i18n/i18n";
import { href, LINEAGE_MAX_NODES } from "../routing/routes";
import { navigate } from "../routing/router";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { impactTargetOf, kindGroups, layersOf, outgoing, pageOf, propertyRows } from "./lineage.logic";

/** Up to this many nodes of one kind in a layer are shown open; more are one closed group (e.g. 80 signals). */
const GROUP_OPEN_UP_TO = 12;

/** A node id and an optional field; submitting goes to the page's URL for them. */
function TargetForm(props: { page: "lineage" | "impact"; id: string | null; field: string | null }) {
  const t = useT();
  const [id, setId] = useState(props.id ?? "");
  const [field, setField] = useState(props.field ?? "");
  return (
    <form
      class="complete"
      data-testid="target-form"
      onSubmit={(event) => {
        event.preventDefault();
        const target = { id: id.trim() || null, field: field.trim() || null };
        navigate(
          href(
            props.page === "lineage" ? { page: "lineage", ...target, maxNodes: null } : { page: "impact", ...target },
          ),
        );
      }}
    >
      <label>
        {t("lineageId")}{" "}
        <input required value={id} onInput={(e) => setId((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label>
        {t("lineageField")}{" "}
        <input value={field} onInput={(e) => setField((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit">{t("lineageShow")}</button>
    </form>
  );
}

/** The frame of the lineage and impact pages: title, what to enter, the form, the answer for a target. */
function TracePage(props: {
  page: "lineage" | "impact";
  id: string | null;
  field: string | null;
  children: ComponentChildren;
}) {
  const t = useT();
  return (
    <section aria-labelledby={`${props.page}-title`}>
      <h1 id={`${props.page}-title`}>{t(props.page === "lineage" ? "lineageTitle" : "impactTitle")}</h1>
      <p class="hint">{t(props.page === "lineage" ? "lineageIntro" : "impactIntro")}</p>
      <TargetForm page={props.page} id={props.id} field={props.field} />
      {props.children}
    </section>
  );
}

/** What a computed value came from (`lineage(of)`), drawn as layers from the value down to its records. */
export function LineagePage(props: { id: string | null; field: string | null; maxNodes: number | null }) {
  return (
    <TracePage page="lineage" id={props.id} field={props.field}>
      {props.id && <LineageGraph id={props.id} field={props.field} maxNodes={props.maxNodes} />}
    </TracePage>
  );
}

type Lineage = LineageQuery["lineage"];

function LineageGraph(props: { id: string; field: string | null; maxNodes: number | null }) {
  const t = useT();
  const data = useLoad(
    (token, signal) =>
      runOperation(
        LineageDocument,
        { of: { id: props.id, field: props.field, maxNodes: props.maxNodes } },
        token,
        signal,
      ),
    [props.id, props.field, props.maxNodes],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const lineage: Lineage = data.data.lineage;
  const labels = new Map(lineage.nodes.map((n) => [n.id, n.label]));
  const layers = layersOf(lineage.rootId, lineage.nodes, lineage.edges);
  return (
    <article data-testid="lineage" data-kind={lineage.kind}>
      <p data-testid="lineage-summary">
        {t("lineageSummary", { kind: lineage.kind, nodes: lineage.nodes.length, count: lineage.recordCount })}
      </p>
      {lineage.truncated && (
        <p class="hint" data-testid="lineage-truncated">
          {t("lineageTruncated")}{" "}
          {props.maxNodes !== LINEAGE_MAX_NODES && (
            <Link href={href({ page: "lineage", id: props.id, field: props.field, maxNodes: LINEAGE_MAX_NODES })}>
              {t("lineageMore", { count: LINEAGE_MAX_NODES })}
            </Link>
          )}
        </p>
      )}
      {lineage.notes.length > 0 && (
        <details>
          <summary>{t("lineageNotes")}</summary>
          <ul>
            {lineage.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      <ol class="lineage-layers">
        {layers.map((layer) => (
          <li key={layer.depth} data-testid="lineage-layer" data-depth={layer.depth}>
            <h2>{layer.depth === 0 ? t("lineageRoot") : t("lineageLayer", { n: layer.depth })}</h2>
            {kindGroups(layer.nodes).map((group) =>
              group.nodes.length > GROUP_OPEN_UP_TO ? (
                <details key={group.kind} class="lineage-group" data-testid="lineage-group" data-kind={group.kind}>
                  <summary>{t("lineageGroup", { kind: group.kind, count: group.nodes.length })}</summary>
                  <NodeCards nodes={group.nodes} lineage={lineage} labels={labels} />
                </details>
              ) : (
                <NodeCards key={group.kind} nodes={group.nodes} lineage={lineage} labels={labels} />
              ),
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

/** A few nodes as cards: kind, label, id, links to their pages and to impact, outgoing edges, properties. */
function NodeCards(props: { nodes: Lineage["nodes"]; lineage: Lineage; labels: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <ul class="lineage-nodes">
      {props.nodes.map((node) => {
        const page = pageOf(node);
        const impact = impactTargetOf(node);
        const edges = outgoing(node.id, props.lineage.edges, props.labels);
        return (
          <li key={node.id} class="card lineage-node" data-testid="lineage-node" data-kind={node.kind}>
            <span class="kind">{node.kind}</span> <strong>{node.label}</strong>
            {node.version && <span class="muted"> v{node.version}</span>}
            <div class="small">
              <code>{node.id}</code>
              {page && (
                <>
                  {" · "}
                  <Link href={href(page)}>{page.page === "account" ? "360" : t("personCustomer")}</Link>
                </>
              )}
              {impact && (
                <>
                  {" · "}
                  <Link href={href({ page: "impact", ...impact })}>{t("impactOpen")}</Link>
                </>
              )}
            </div>
            {edges.length > 0 && (
              <ul class="lineage-edges">
                {edges.map((e) => (
                  <li key={`${e.kind}:${e.to}`}>
                    {e.kind} → {e.label}
                  </li>
                ))}
              </ul>
            )}
            <Properties properties={node.properties} />
          </li>
        );
      })}
    </ul>
  );
}

function Properties(props: { properties: unknown }) {
  const t = useT();
  const rows = propertyRows(props.properties);
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>{t("lineageProperties")}</summary>
      <dl class="definition small">
        {rows.map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}

/** Everything that uses a source field or a concept (`impact(of)`). */
export function ImpactPage(props: { id: string | null; field: string | null }) {
  return (
    <TracePage page="impact" id={props.id} field={props.field}>
      {props.id && <ImpactList id={props.id} field={props.field} />}
    </TracePage>
  );
}

function ImpactList(props: { id: string; field: string | null }) {
  const t = useT();
  const data = useLoad(
    (token, signal) =>
      runOperation(ImpactDocument, { of: { id: props.id, field: props.field }, first: 100 }, token, signal),
    [props.id, props.field],
  );
  if (data.state === "loading") return <Loading />;
  if (data.state === "error") return <ErrorMessage error={data.error} retry={data.retry} />;
  const impact = data.data.impact;
  return (
    <article data-testid="impact">
      <h2>{impact.target}</h2>
      <dl class="definition">
        <dt>{t("impactDirect")}</dt>
        <dd>{impact.direct.join(", ") || "–"}</dd>
        <dt>{t("impactReach")}</dt>
        <dd>{impact.reach.join(", ") || "–"}</dd>
      </dl>
      {impact.truncated && <p class="hint">{t("impactTruncated")}</p>}
      <h3>{t("impactUsages")}</h3>
      {impact.usages.length === 0 ? (
        <Empty text={t("impactEmpty")} />
      ) : (
        <table class="grid" data-testid="impact-usages">
          <caption class="visually-hidden">{t("impactUsages")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("anchorName")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {impact.usages.map((u) => (
              <tr key={`${u.kind}:${u.id}:${u.version ?? ""}`}>
                <td>{u.kind}</td>
                <td>
                  {u.label}
                  {u.version && <span class="muted"> v{u.version}</span>}
                </td>
                <td>
                  {u.relation}
                  {u.via && <span class="muted"> · {t("impactVia", { concept: u.via })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
