import { useState } from "preact/hooks";
import {
  ExplorerBridgeDocument,
  ExplorerConceptDocument,
  ExplorerOntologiesDocument,
  ExplorerPackConceptsDocument,
  ExplorerPackConceptsQuery,
} from "../api/generated/graphql";
import { runOperation } from "../api/graphql-client";
import { useLang, useT } from "../i18n/i18n";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { conceptTree, ConceptTreeNode, mappingsBySystem } from "./ontology.logic";

type Concept = ExplorerPackConceptsQuery["concepts"]["edges"][number]["node"];

/** Ontology packs: each pack's concept tree in both languages, a concept's mappings per system, bridge traces. */
export function OntologyPage() {
  const t = useT();
  const lang = useLang();
  const [pack, setPack] = useState("core");
  const [selected, setSelected] = useState<string | null>(null);
  const packs = useLoad((token, signal) => runOperation(ExplorerOntologiesDocument, {}, token, signal), []);
  const concepts = useLoad(
    (token, signal) => runOperation(ExplorerPackConceptsDocument, { pack, first: 500 }, token, signal),
    [pack],
  );
  return (
    <section aria-labelledby="ontology-title">
      <h1 id="ontology-title">{t("ontologies")}</h1>
      {packs.state === "error" && <ErrorMessage error={packs.error} retry={packs.retry} />}
      {packs.state === "done" && (
        <label>
          {t("pack")}{" "}
          <select
            value={pack}
            onChange={(e) => {
              setPack((e.currentTarget as HTMLSelectElement).value);
              setSelected(null);
            }}
          >
            {packs.data.ontologies.map((p) => (
              <option key={p.pack} value={p.pack}>
                {lang === "zh" ? p.titleZh : p.title} ({p.pack} {p.version}, {p.conceptCount})
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="columns">
        <section class="card" aria-labelledby="tree-title" data-testid="concept-tree">
          <h2 id="tree-title">{t("conceptTree")}</h2>
          {concepts.state === "loading" && <Loading />}
          {concepts.state === "error" && <ErrorMessage error={concepts.error} retry={concepts.retry} />}
          {concepts.state === "done" && (
            <ul class="tree" role="list">
              {conceptTree(concepts.data.concepts.edges.map((e) => e.node)).map((node) => (
                <ConceptBranch key={node.concept.id} node={node} onSelect={setSelected} depth={0} />
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="concept-title" data-testid="concept-detail">
          <h2 id="concept-title">{t("conceptDetail")}</h2>
          {selected ? <ConceptDetail id={selected} /> : <Empty text={t("pickConcept")} />}
        </section>
      </div>
    </section>
  );
}

function ConceptBranch(props: { node: ConceptTreeNode<Concept>; onSelect: (id: string) => void; depth: number }) {
  const { concept, children } = props.node;
  const label = (
    <button type="button" class="link" onClick={() => props.onSelect(concept.id)}>
      {concept.prefLabel} · {concept.prefLabelZh} <span class="hint">{concept.id}</span>
    </button>
  );
  if (children.length === 0) return <li>{label}</li>;
  // The button is beside the disclosure, not inside its summary: no control nested in another.
  return (
    <li>
      {label}
      <details open={props.depth < 2}>
        <summary>{children.length}</summary>
        <ul role="list">
          {children.map((child) => (
            <ConceptBranch key={child.concept.id} node={child} onSelect={props.onSelect} depth={props.depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}

function ConceptDetail(props: { id: string }) {
  const t = useT();
  const [trace, setTrace] = useState<{ system: string; field: string } | null>(null);
  const detail = useLoad(
    (token, signal) => runOperation(ExplorerConceptDocument, { id: props.id }, token, signal),
    [props.id],
  );
  if (detail.state === "loading") return <Loading />;
  if (detail.state === "error") return <ErrorMessage error={detail.error} retry={detail.retry} />;
  const c = detail.data.concept;
  if (!c) return <Empty text={t("none")} />;
  return (
    <div>
      <h3>
        {c.prefLabel} · {c.prefLabelZh}
      </h3>
      {c.definition && <p>{c.definition}</p>}
      <p class="hint">{c.labels.map((l) => `${l.value} (${l.lang}${l.preferred ? "" : ", alt"})`).join(" · ")}</p>
      <h4>{t("mappings")}</h4>
      {c.mappings.length === 0 ? (
        <Empty text={t("none")} />
      ) : (
        mappingsBySystem(c.mappings).map((group) => (
          <div key={group.system}>
            <strong>{group.system}</strong>
            <ul class="plain">
              {group.mappings.map((m) => (
                <li key={m.field}>
                  <button type="button" class="link" onClick={() => setTrace({ system: m.system, field: m.field })}>
                    {t("traceField", { field: m.field })}
                  </button>{" "}
                  <span class="hint">
                    {m.polarity} · {m.weight}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {trace && <BridgeTrace system={trace.system} field={trace.field} />}
    </div>
  );
}

function BridgeTrace(props: { system: string; field: string }) {
  const t = useT();
  const lang = useLang();
  const bridge = useLoad(
    (token, signal) =>
      runOperation(ExplorerBridgeDocument, { system: props.system, field: props.field }, token, signal),
    [props.system, props.field],
  );
  if (bridge.state === "loading") return <Loading />;
  if (bridge.state === "error") return <ErrorMessage error={bridge.error} retry={bridge.retry} />;
  const label = (c: { prefLabel: string; prefLabelZh: string }) => (lang === "zh" ? c.prefLabelZh : c.prefLabel);
  return (
    <div data-testid="bridge-trace">
      <h4>{t("bridgeTrace", { field: `${props.system}/${props.field}` })}</h4>
      <ul class="plain">
        {bridge.data.bridge.flatMap((b) =>
          b.paths.map((p, i) => (
            <li key={`${b.concept.id}-${i}`}>
              {props.system}/{props.field} → {p.concepts.map(label).join(" → ")}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
