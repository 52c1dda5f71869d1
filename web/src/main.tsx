import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Dashboard as App } from "./app/Dashboard";
import "./index.css";
import { StoreContext } from "./features/market/context";
import { MarketStore } from "./features/market/store";
import { installTestHook } from "./testHook";

const store = new MarketStore();
installTestHook(store);
void store.start();

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
