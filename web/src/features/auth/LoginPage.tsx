import { Page } from "../../shared/ui/Page";
import { ComingSoon } from "../../shared/ui/Panel";

/** The login page (`/login`): a placeholder. A 401 will lead here through `onUnauthorized`
 * (shared/api/http.ts) once the server has accounts. */
export function LoginPage() {
  return (
    <Page testId="page-login" title="Log in">
      <ComingSoon>Signing in will be done here once the server has accounts.</ComingSoon>
    </Page>
  );
}
