import type { ComponentChildren } from "preact";
import { onLinkClick } from "../routing/router";

/** `current`: the link to the view being shown (`aria-current="page"`), e.g. a tab. */
export function Link(props: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a
      href={props.href}
      class={props.class}
      aria-current={props.current ? "page" : undefined}
      onClick={(event) => onLinkClick(event, props.href)}
    >
      {props.children}
    </a>
  );
}
