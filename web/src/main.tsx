import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import "./index.css";
import { redirectToLoginOn401 } from "./features/auth/api";
import { StoreContext } from "./features/market/context";
import { MarketStore } from "./features/market/store";
import { createQueryClient } from "./shared/api/queryClient";
import { installTestHook } from "./testHook";

redirectToLoginOn401();
const store = new MarketStore();
installTestHook(store);
void store.start();
const queryClient = createQueryClient();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
