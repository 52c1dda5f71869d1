import { Page } from "../../shared/ui/Page";
import { ComingSoon } from "../../shared/ui/Panel";

/** The journal page (`/journal`): a placeholder until the journal lands. */
export function JournalPage() {
  return (
    <Page testId="page-journal" title="Journal">
      <ComingSoon>
        The journal will live here: notes per day and per trade, imported trades (Tradervue-style CSV),
        P&amp;L and R-multiples, and search.
      </ComingSoon>
    </Page>
  );
}
