import { token } from "./auth.ts";
import { BoardView } from "./board-view.tsx";
import { BroadcastList } from "./broadcast-list.tsx";
import { LoginScreen } from "./login-screen.tsx";
import { ReportView } from "./report-view.tsx";
import { route } from "./route.ts";
import { SetupView } from "./setup-view.tsx";
import { TopBar } from "./top-bar.tsx";

/** Login until a token is known; then the broadcast list, one broadcast's setup, its live board, or its report. */
export function App() {
  if (!token.value) return <LoginScreen />;
  const current = route.value;
  return (
    <div class="shell">
      <TopBar />
      <main class="page" id="main">
        {current.page === "board" && <BoardView key={current.id} broadcastId={current.id} />}
        {current.page === "setup" && <SetupView key={current.id} broadcastId={current.id} />}
        {current.page === "report" && <ReportView key={current.id} broadcastId={current.id} />}
        {current.page === "list" && <BroadcastList />}
      </main>
    </div>
  );
}
