import type { ComponentChildren } from "preact";
import { onLinkClick } from "../routing/router";

export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={props.href} class={props.class} onClick={(event) => onLinkClick(event, props.href)}>
      {props.children}
    </a>
  );
}
