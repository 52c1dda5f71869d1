// The pages (wouter, history API). The dashboard is the page at `/`; the live stream and its
// stores live outside React (main.tsx), whatever page is shown.
import { Route, Switch } from "wouter";
import { LoginPage } from "../features/auth/LoginPage";
import { JournalPage } from "../features/journal/JournalPage";
import { Dashboard } from "./Dashboard";
import { NotFound } from "./NotFound";
import { ROUTES } from "./routes";

export function App() {
  return (
    <Switch>
      <Route path={ROUTES.dashboard}>
        <Dashboard />
      </Route>
      <Route path={ROUTES.journal}>
        <JournalPage />
      </Route>
      <Route path={ROUTES.login}>
        <LoginPage />
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
