import cytoscape, { Core, ElementDefinition } from "cytoscape";
import { useEffect, useRef } from "preact/hooks";
import type { ViewEdge, ViewNode } from "./graph.logic";

const KIND_COLOURS: Readonly<Record<string, string>> = {
  Account: "#1f5fbf",
  Contact: "#27865f",
  Opportunity: "#b36b00",
  Asset: "#7a4fa3",
  Organization: "#c0392b",
  Group: "#8a94a3",
};

/** Above this many records the force layout is too slow to wait for: rings by distance instead. */
const FORCE_LAYOUT_MAX = 150;

declare global {
  interface Window {
    /** The drawing, for the browser tests and for measuring (docs/explorer.md). */
    relataGraph?: Core;
  }
}

/** The graph drawn with Cytoscape.js: records coloured by kind, the path highlighted; a click expands. */
export function GraphCanvas(props: {
  nodes: ViewNode[];
  edges: ViewEdge[];
  center: string | null;
  highlighted: ReadonlySet<string>;
  label: string;
  onExpand: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const expand = useRef(props.onExpand);
  expand.current = props.onExpand;

  useEffect(() => {
    const instance = cytoscape({
      container: box.current,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // While the user drags or zooms, move a picture of the drawing instead of redrawing every record each
      // frame: large neighbourhoods pan smoothly; the full drawing returns when the gesture ends.
      textureOnViewport: true,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 10,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "background-color": "data(colour)",
            width: "data(size)",
            height: "data(size)",
            color: "#1b1f24",
            "text-max-width": "120px",
            "text-wrap": "ellipsis",
          },
        },
        {
          selector: 'node[kind = "Group"]',
          style: { shape: "round-rectangle", "border-width": 2, "border-style": "dashed", "border-color": "#39414d" },
        },
        { selector: "node.center", style: { "border-width": 3, "border-color": "#f0a500" } },
        { selector: "node.path", style: { "border-width": 4, "border-color": "#e8590c" } },
        {
          selector: "edge",
          style: {
            width: 1.5,
            "line-color": "#9aa5b1",
            "curve-style": "bezier",
            "target-arrow-shape": "triangle",
            "target-arrow-color": "#9aa5b1",
            "arrow-scale": 0.7,
          },
        },
        { selector: "edge.path", style: { width: 4, "line-color": "#e8590c", "target-arrow-color": "#e8590c" } },
      ],
    });
    instance.on("tap", "node", (event) => expand.current(event.target.id() as string));
    cy.current = instance;
    window.relataGraph = instance;
    return () => {
      instance.destroy();
      cy.current = null;
      if (window.relataGraph === instance) delete window.relataGraph;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const elements: ElementDefinition[] = [
      ...props.nodes.map((n) => ({
        group: "nodes" as const,
        data: {
          id: n.id,
          label: n.label,
          kind: n.kind,
          colour: KIND_COLOURS[n.kind] ?? "#555",
          size: 14 + Math.min(26, Math.sqrt(n.degree) * 4),
        },
        classes: [n.id === props.center ? "center" : "", props.highlighted.has(n.id) ? "path" : ""].join(" "),
      })),
      ...props.edges.map((e) => ({
        group: "edges" as const,
        data: { id: e.id, source: e.source, target: e.target, type: e.type },
        classes: props.highlighted.has(e.id) ? "path" : "",
      })),
    ];
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elements);
    });
    const layout =
      props.nodes.length <= FORCE_LAYOUT_MAX
        ? { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60 }
        : {
            name: "concentric",
            animate: false,
            minNodeSpacing: 4,
            concentric: (node: cytoscape.NodeSingular) => (node.id() === props.center ? 100 : node.degree(false)),
            levelWidth: () => 2,
          };
    instance.layout(layout as cytoscape.LayoutOptions).run();
    instance.fit(undefined, 30);
  }, [props.nodes, props.edges, props.center, props.highlighted]);

  return <div ref={box} class="graph-canvas" role="img" aria-label={props.label} data-testid="graph-canvas" />;
}
