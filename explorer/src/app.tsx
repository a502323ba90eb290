import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ExplorerError } from "./api/explorer-error";
import { ExplorerViewerDocument } from "./api/generated/graphql";
import { runOperation } from "./api/graphql-client";
import { forgetToken, storedToken, storeToken } from "./api/session";
import { AccountPage } from "./account/account-page";
import { initialLang, LANG_KEY, LangContext } from "./i18n/i18n";
import { catalogue, format, Lang } from "./i18n/messages";
import { ATTRIBUTION, href } from "./routing/routes";
import { useRoute } from "./routing/router";
import { SearchPage } from "./search/search-page";
import { HealthPage } from "./health/health-page";
import { OntologyPage } from "./ontology/ontology-page";
import { EventsPage } from "./events/events-page";
import { WorkPage } from "./work/work-page";
import { PlaybooksPage } from "./playbooks/playbooks-page";
import { ContractsPage } from "./contracts/contracts-page";
import { ExperimentsPage } from "./experiments/experiments-page";
import { CustomerPage } from "./identity/customer-page";
import { ReviewPage } from "./identity/review-page";
import { MpusPage } from "./mpus/mpus-page";
import { ConsentsPage } from "./privacy/consents-page";
import { RequestsPage } from "./privacy/requests-page";
import { AnchorsPage } from "./anchors/anchors-page";
import { ImpactPage, LineagePage } from "./lineage/lineage-page";
import { Link } from "./shared/link";
import { Session, SessionContext } from "./shared/session-context";
import { ErrorMessage, Loading } from "./shared/status";
import { SignInPage } from "./sign-in/sign-in-page";

type Auth =
  | { state: "checking"; token: string }
  | { state: "signed-out"; reason: ExplorerError | null }
  | { state: "down"; token: string; error: ExplorerError }
  | { state: "signed-in"; token: string; tenant: string; role: string };

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const stored = storedToken();
  const [auth, setAuth] = useState<Auth>(
    stored ? { state: "checking", token: stored } : { state: "signed-out", reason: null },
  );

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = catalogue(lang).appName;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);

  useEffect(() => {
    if (auth.state !== "checking") return;
    runOperation(ExplorerViewerDocument, {}, auth.token).then(
      (data) => setAuth({ state: "signed-in", token: auth.token, tenant: data.viewer.tenant, role: data.viewer.role }),
      (error: ExplorerError) => {
        if (error.kind === "SERVER_DOWN") setAuth({ state: "down", token: auth.token, error });
        else {
          forgetToken();
          setAuth({ state: "signed-out", reason: error });
        }
      },
    );
  }, [auth]);

  const signIn = (token: string) => {
    storeToken(token);
    setAuth({ state: "checking", token: token.trim() });
  };
  const signOut = (reason: ExplorerError | null) => {
    forgetToken();
    setAuth({ state: "signed-out", reason });
  };

  return (
    <LangContext.Provider value={lang}>
      <a class="skip" href="#main">
        {catalogue(lang).skipToContent}
      </a>
      <header class="top">
        <Link href={href({ page: "search", q: "", industry: null, segment: null, region: null })} class="brand">
          {catalogue(lang).appName}
        </Link>
        {auth.state === "signed-in" && (
          <nav aria-label="Main">
            <Link href={href({ page: "search", q: "", industry: null, segment: null, region: null })}>
              {catalogue(lang).navSearch}
            </Link>
            <Link href={href({ page: "graph", node: null })}>{catalogue(lang).navGraph}</Link>
            <Link href={href({ page: "health" })}>{catalogue(lang).navHealth}</Link>
            <Link href={href({ page: "ontologies" })}>{catalogue(lang).navOntologies}</Link>
            <Link href={href({ page: "events", group: "all" })}>{catalogue(lang).navEvents}</Link>
            <Link href={href({ page: "work", view: "mine", status: "OPEN" })}>{catalogue(lang).navWork}</Link>
            <Link href={href({ page: "playbooks", id: null })}>{catalogue(lang).navPlaybooks}</Link>
            <Link href={href({ page: "identity-review", entity: "PERSON" })}>{catalogue(lang).navIdentityReview}</Link>
            <Link href={href({ page: "mpus", view: "queue" })}>{catalogue(lang).navMpus}</Link>
            <Link href={href({ page: "anchors", id: null, top: ATTRIBUTION.top, weeks: ATTRIBUTION.weeks })}>
              {catalogue(lang).navAnchors}
            </Link>
            <Link href={href({ page: "lineage", id: null, field: null, maxNodes: null })}>
              {catalogue(lang).navLineage}
            </Link>
            {(auth.role === "admin" || auth.role === "analyst") && (
              <Link href={href({ page: "contracts", account: null, id: null })}>{catalogue(lang).navContracts}</Link>
            )}
          </nav>
        )}
        <div class="top-right">
          <label>
            <span class="visually-hidden">{catalogue(lang).language}</span>
            <select
              aria-label={catalogue(lang).language}
              value={lang}
              onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}
            >
              <option value="en">English</option>
              <option value="zh">中文</option>
            </select>
          </label>
          {auth.state === "signed-in" && (
            <>
              <span class="who">{format(catalogue(lang).signedInAs, { tenant: auth.tenant, role: auth.role })}</span>
              <button type="button" onClick={() => signOut(null)}>
                {catalogue(lang).signOut}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">
        {auth.state === "checking" && <Loading />}
        {auth.state === "down" && (
          <ErrorMessage error={auth.error} retry={() => setAuth({ state: "checking", token: auth.token })} />
        )}
        {auth.state === "signed-out" && <SignInPage reason={auth.reason} onSignIn={signIn} />}
        {auth.state === "signed-in" && (
          <SessionContext.Provider
            value={
              {
                token: auth.token,
                tenant: auth.tenant,
                role: auth.role,
                refused: (error) => signOut(error),
              } satisfies Session
            }
          >
            <Pages />
          </SessionContext.Provider>
        )}
      </main>
    </LangContext.Provider>
  );
}

function Pages() {
  const route = useRoute();
  switch (route.page) {
    case "search":
      return <SearchPage route={route} />;
    case "account":
      return <AccountPage id={route.id} />;
    case "graph":
      return <LazyGraphPage node={route.node} />;
    case "health":
      return <HealthPage />;
    case "ontologies":
      return <OntologyPage />;
    case "events":
      return <EventsPage group={route.group} />;
    case "work":
      return <WorkPage view={route.view} status={route.status} />;
    case "playbooks":
      return <PlaybooksPage id={route.id} />;
    case "contracts":
      return <ContractsPage account={route.account} id={route.id} />;
    case "customer":
      return <CustomerPage id={route.id} />;
    case "identity-review":
      return <ReviewPage entity={route.entity} />;
    case "experiments":
      return <ExperimentsPage id={route.id} mpu={route.mpu} />;
    case "mpus":
      return <MpusPage view={route.view} />;
    case "consents":
      return <ConsentsPage person={route.person} />;
    case "requests":
      return <RequestsPage person={route.person} />;
    case "anchors":
      return <AnchorsPage id={route.id} top={route.top} weeks={route.weeks} />;
    case "lineage":
      return (
        <LineagePage
          key={`${route.id}|${route.field}|${route.maxNodes}`}
          id={route.id}
          field={route.field}
          maxNodes={route.maxNodes}
        />
      );
    case "impact":
      return <ImpactPage key={`${route.id}|${route.field}`} id={route.id} field={route.field} />;
    case "not-found":
      return (
        <p class="empty">
          {route.path} —{" "}
          <Link href={href({ page: "search", q: "", industry: null, segment: null, region: null })}>Search</Link>
        </p>
      );
  }
}

/** The graph page and its drawing library load only when it is opened: the first page stays small. */
function LazyGraphPage(props: { node: string | null }) {
  const [Page, setPage] = useState<FunctionComponent<{ node: string | null }> | null>(null);
  const [failed, setFailed] = useState<ExplorerError | null>(null);
  useEffect(() => {
    import("./graph/graph-page").then(
      (module) => setPage(() => module.GraphPage),
      (error: Error) => setFailed(new ExplorerError("SERVER_DOWN", error.message)),
    );
  }, []);
  if (failed) return <ErrorMessage error={failed} />;
  return Page ? <Page node={props.node} /> : <Loading />;
}
