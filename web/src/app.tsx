import { me } from "./auth.ts";
import { AuditView } from "./audit-view.tsx";
import { BoardView } from "./board-view.tsx";
import { BroadcastList } from "./broadcast-list.tsx";
import { t } from "./i18n.ts";
import { LoginScreen } from "./login-screen.tsx";
import { MembersPanel } from "./members-panel.tsx";
import { ReportView } from "./report-view.tsx";
import { route } from "./route.ts";
import { SetupView } from "./setup-view.tsx";
import { TopBar } from "./top-bar.tsx";

/** Login until signed in; then the broadcast list, one broadcast's setup, live board or report, or the team and audit log. */
export function App() {
  if (me.value === undefined) return <p class="muted page">{t("list.loading")}</p>;
  if (!me.value) return <LoginScreen />;
  const current = route.value;
  return (
    <div class="shell">
      <TopBar />
      <main class="page" id="main">
        {current.page === "board" && <BoardView key={current.id} broadcastId={current.id} />}
        {current.page === "setup" && <SetupView key={current.id} broadcastId={current.id} />}
        {current.page === "audit" && (
          <div class="list-page">
            <MembersPanel />
            <AuditView />
          </div>
        )}
        {current.page === "report" && <ReportView key={current.id} broadcastId={current.id} />}
        {current.page === "list" && <BroadcastList />}
      </main>
    </div>
  );
}
