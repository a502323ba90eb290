import { useState } from "preact/hooks";
import type { ExplorerAccountRowFragment } from "../api/generated/graphql";
import { useLang, useT } from "../i18n/i18n";
import { href } from "../routing/routes";
import { navigate } from "../routing/router";
import { formatScore } from "../shared/format";
import { Link } from "../shared/link";
import { Empty, ErrorMessage, Loading } from "../shared/status";
import { useLoad } from "../shared/use-operation";
import { search, SearchResults } from "./search-data";
import type { SearchQuery } from "./search.logic";

type FacetName = "industry" | "segment" | "region";

export function SearchPage(props: { route: SearchQuery }) {
  const t = useT();
  const { route } = props;
  const [text, setText] = useState(route.q);
  const results = useLoad(
    (token, signal) => search(route, token, signal),
    [route.q, route.industry, route.segment, route.region],
  );
  const go = (change: Partial<SearchQuery>) => navigate(href({ page: "search", ...route, ...change }));

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t("searchTitle")}</h1>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          go({ q: text.trim() });
        }}
      >
        <label for="search-input">{t("searchLabel")}</label>
        <div class="row">
          <input
            id="search-input"
            type="search"
            value={text}
            placeholder={t("searchPlaceholder")}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t("searchButton")}</button>
        </div>
      </form>
      {results.state === "loading" && <Loading />}
      {results.state === "error" && <ErrorMessage error={results.error} retry={results.retry} />}
      {results.state === "done" && <Results results={results.data} route={route} onFacet={go} />}
    </section>
  );
}

function Results(props: {
  results: SearchResults;
  route: SearchQuery;
  onFacet: (change: Partial<SearchQuery>) => void;
}) {
  const t = useT();
  const lang = useLang();
  const { results, route } = props;
  const facetNames: FacetName[] = ["industry", "segment", "region"];
  const nothing =
    results.accounts.edges.length === 0 &&
    (results.contacts?.edges.length ?? 0) === 0 &&
    results.organizations.length === 0 &&
    results.byConcept.every((c) => c.accounts.length === 0);
  return (
    <div class="search-results">
      <aside class="filters" aria-label={t("filters")}>
        <h2>{t("filters")}</h2>
        {facetNames.map((name) => (
          <label key={name}>
            {t(name)}
            <select
              value={route[name] ?? ""}
              onChange={(e) => props.onFacet({ [name]: (e.currentTarget as HTMLSelectElement).value || null })}
            >
              <option value="">{t("any")}</option>
              {results.facets[name].map((f) => (
                <option key={f.value} value={f.value}>
                  {f.value} ({f.count})
                </option>
              ))}
            </select>
          </label>
        ))}
      </aside>
      <div class="result-lists">
        {nothing && <Empty text={route.q ? t("noResults") : t("startSearching")} />}
        {results.byConcept.map(({ concept, accounts }) => {
          const label = lang === "zh" ? concept.prefLabelZh : concept.prefLabel;
          return (
            <section key={concept.id} class="result-group" data-testid="concept-accounts">
              <h2>{t("accountsByConcept", { concept: `${label} · ${concept.id}` })}</h2>
              {accounts.length === 0 ? <Empty text={t("noResults")} /> : <AccountList accounts={accounts} />}
            </section>
          );
        })}
        {results.accounts.edges.length > 0 && (
          <section class="result-group" data-testid="account-results">
            <h2>
              {t("accounts")} <small>{t("total", { count: results.accounts.totalCount })}</small>
            </h2>
            <AccountList accounts={results.accounts.edges.map((e) => e.node)} />
          </section>
        )}
        {results.contacts && results.contacts.edges.length > 0 && (
          <section class="result-group">
            <h2>
              {t("contacts")} <small>{t("total", { count: results.contacts.totalCount })}</small>
            </h2>
            <ul class="plain">
              {results.contacts.edges.map(({ node }) => (
                <li key={node.id}>
                  {node.name}
                  {node.title ? ` · ${node.title}` : ""}
                  {node.buyingRole ? ` · ${node.buyingRole}` : ""}
                  {node.account && (
                    <>
                      {" · "}
                      <Link href={href({ page: "account", id: node.account.id })}>{node.account.name}</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {results.organizations.length > 0 && (
          <section class="result-group">
            <h2>{t("organizations")}</h2>
            <ul class="plain">
              {results.organizations.map((o) => (
                <li key={o.id}>
                  <Link href={href({ page: "graph", node: o.id })}>{o.name}</Link> · {o.kind}
                  {o.region ? ` · ${o.region}` : ""}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

function AccountList(props: { accounts: ExplorerAccountRowFragment[] }) {
  const t = useT();
  return (
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">{t("name")}</th>
          <th scope="col">{t("industry")}</th>
          <th scope="col">{t("segment")}</th>
          <th scope="col">{t("region")}</th>
          <th scope="col">{t("health")}</th>
        </tr>
      </thead>
      <tbody>
        {props.accounts.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={href({ page: "account", id: a.id })}>{a.name}</Link>
            </td>
            <td>{a.industry ?? "–"}</td>
            <td>{a.segment ?? "–"}</td>
            <td>{a.region ?? "–"}</td>
            <td>
              {a.health?.score === null || a.health?.score === undefined
                ? t("noScore")
                : `${formatScore(a.health.score)} · ${a.health.grade ?? ""}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
