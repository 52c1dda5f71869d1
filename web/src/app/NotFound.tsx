import { Page } from "../shared/ui/Page";

export function NotFound() {
  return (
    <Page testId="page-not-found" title="Not found">
      <p className="text-sm text-zinc-400">There is no page here.</p>
    </Page>
  );
}
