import { useEffect, useMemo, useState } from "preact/hooks";
import { ExplorerError } from "../api/explorer-error";
import { useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { navigate } from "../routing/router";
import { useSession } from "../shared/session-context";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { GraphCanvas } from "./graph-canvas";
import { ALL_TYPES, neighbourhood, Path, paths } from "./graph-data";
import {
  EMPTY_GRAPH,
  GraphModel,
  groupByKind,
  mergeNeighbourhood,
  pathText,
  remaining,
  visibleElements,
  collapseGroups,
} from "./graph.logic";

/** Records fetched per expansion; "show more" asks for this many more. */
const PAGE = 25;

type PathState = { state: "idle" } | { state: "loading" } | { state: "done"; found: Path[] };

/** The graph page: a record's neighbourhood, expanded on click, filtered by type, with paths between records. */
export function GraphPage(props: { node: string | null }) {
  const t = useT();
  const session = useSession();
  const [graph, setGraph] = useState<GraphModel>(EMPTY_GRAPH);
  const [types, setTypes] = useState<ReadonlySet<string>>(new Set(ALL_TYPES));
  const [depth, setDepth] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExplorerError | null>(null);
  const [idText, setIdText] = useState(props.node ?? "");
  const [target, setTarget] = useState("");
  const [path, setPath] = useState<PathState>({ state: "idle" });

  const fail = (e: unknown) => {
    const failure = e instanceof ExplorerError ? e : new ExplorerError("FAILED", String(e));
    if (failure.kind === "UNAUTHENTICATED") session.refused(failure);
    else setError(failure);
  };

  const load = (id: string, first: number, hoodDepth: number, base: GraphModel) => {
    setBusy(true);
    setError(null);
    return neighbourhood(session.token, id, hoodDepth, first)
      .then((hood) => {
        if (hood) setGraph(mergeNeighbourhood(base, hood, first));
        else setError(new ExplorerError("FAILED", t("notFound")));
      }, fail)
      .finally(() => setBusy(false));
  };

  useEffect(() => {
    setGraph(EMPTY_GRAPH);
    setPath({ state: "idle" });
    if (props.node) void load(props.node, PAGE, depth, EMPTY_GRAPH);
  }, [props.node, depth, session.token]);

  const visible = useMemo(() => visibleElements(graph, types), [graph, types]);
  const highlighted = useMemo(() => {
    const ids = new Set<string>();
    if (path.state === "done" && path.found[0]) {
      path.found[0].nodes.forEach((n) => ids.add(n.id));
      path.found[0].edges.forEach((e) => ids.add(e.id));
    }
    return ids;
  }, [path]);
  // Groups the user opened by clicking them; a new starting record starts with every group closed.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setOpened(new Set()), [props.node]);
  const drawing = useMemo(
    () =>
      collapseGroups(visible, {
        keep: new Set([...(props.node ? [props.node] : []), ...graph.expanded.keys(), ...highlighted]),
        opened,
      }),
    [visible, graph, highlighted, opened, props.node],
  );

  const expand = (id: string) => {
    if (drawing.groups.has(id)) setOpened(new Set([...opened, id]));
    else if (!graph.expanded.has(id)) void load(id, PAGE, 1, graph);
  };
  const showMore = (id: string) => {
    const state = graph.expanded.get(id);
    void load(id, (state?.shown ?? 0) + PAGE * 2, id === props.node ? depth : 1, graph);
  };
  const findPath = () => {
    if (!props.node || !target.trim()) return;
    setPath({ state: "loading" });
    paths(
      session.token,
      props.node,
      target.trim(),
      ALL_TYPES.filter((x) => types.has(x)),
    ).then(
      (found) => {
        setPath({ state: "done", found });
        let next = graph;
        for (const p of found.slice(0, 1)) {
          next = {
            ...next,
            nodes: new Map([...next.nodes, ...p.nodes.map((n) => [n.id, n] as const)]),
            edges: new Map([...next.edges, ...p.edges.map((e) => [e.id, e] as const)]),
          };
        }
        setGraph(next);
      },
      (e: unknown) => {
        setPath({ state: "idle" });
        fail(e);
      },
    );
  };

  const groups = groupByKind(visible.nodes);
  const expandedWithMore = [...graph.expanded.keys()].filter((id) => remaining(graph, id) > 0);

  return (
    <section aria-labelledby="graph-title" class="graph-page">
      <h1 id="graph-title">{t("graphTitle")}</h1>
      <form
        class="graph-controls"
        onSubmit={(event) => {
          event.preventDefault();
          if (idText.trim()) navigate(href({ page: "graph", node: idText.trim() }));
        }}
      >
        <label>
          {t("nodeId")}
          <input value={idText} onInput={(e) => setIdText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t("depth")}
          <select
            value={String(depth)}
            onChange={(e) => setDepth(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            <option value="1">1</option>
            <option value="2">2</option>
            <option value="3">3</option>
          </select>
        </label>
        <button type="submit">{t("show")}</button>
      </form>
      <fieldset class="types">
        <legend>{t("relationshipTypes")}</legend>
        {ALL_TYPES.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={types.has(type)}
              onChange={(e) => {
                const next = new Set(types);
                if ((e.currentTarget as HTMLInputElement).checked) next.add(type);
                else next.delete(type);
                setTypes(next);
              }}
            />
            {type}
          </label>
        ))}
      </fieldset>
      {!props.node && <Empty text={t("graphIntro")} />}
      {error && <ErrorMessage error={error} />}
      {props.node && (
        <div class="graph-layout">
          <div>
            <p class="hint" aria-live="polite" data-testid="graph-count">
              {busy ? t("loading") : t("inGraph", { nodes: visible.nodes.length, edges: visible.edges.length })} ·{" "}
              {t("expandHint")}
              {drawing.groups.size > 0 && <> · {t("groupedHint", { groups: drawing.groups.size })}</>}
            </p>
            <GraphCanvas
              nodes={drawing.nodes}
              edges={drawing.edges}
              center={props.node}
              highlighted={highlighted}
              label={t("graphDrawing", { nodes: drawing.nodes.length, edges: drawing.edges.length })}
              onExpand={expand}
            />
            {expandedWithMore.map((id) => {
              const state = graph.expanded.get(id)!;
              return (
                <button type="button" class="secondary" key={id} onClick={() => showMore(id)}>
                  {t("showMoreOf", { label: graph.nodes.get(id)?.label ?? id, shown: state.shown, total: state.total })}
                </button>
              );
            })}
          </div>
          <aside>
            <form
              class="path-form"
              onSubmit={(event) => {
                event.preventDefault();
                findPath();
              }}
            >
              <h2>{t("findPath")}</h2>
              <label for="path-to">{t("pathTo")}</label>
              <input
                id="path-to"
                value={target}
                onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)}
              />
              <button type="submit">{t("pathFind")}</button>
            </form>
            {path.state === "loading" && <Loading />}
            {path.state === "done" && (
              <p data-testid="path-result" role="status">
                {path.found[0]
                  ? t("pathFound", { length: path.found[0].length, path: pathText(path.found[0].nodes) })
                  : t("pathNone")}
              </p>
            )}
            {groups.map((group) => (
              <details key={group.kind} open={group.nodes.length <= 12}>
                <summary>
                  {group.kind} ({group.nodes.length})
                </summary>
                <ul class="plain node-list">
                  {group.nodes.map((n) => (
                    <li key={n.id}>
                      <button
                        type="button"
                        class="link"
                        disabled={graph.expanded.has(n.id)}
                        onClick={() => expand(n.id)}
                        title={n.id}
                      >
                        {t("expand", { label: n.label })}
                      </button>
                      {n.kind === "Account" && (
                        <a href={href({ page: "account", id: n.id })} class="small">
                          360
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </aside>
        </div>
      )}
    </section>
  );
}
